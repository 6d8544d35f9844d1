/**
 * Routes of online bundle applications (一件事 网上申请); each handler is one call into a service.
 * The applicant's under /api/v1/hall (uploads multipart, as the hall's), the window's under
 * /api/v1/bundle-applications. Login first everywhere: 401 before any input is validated.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcceptBundleApplicationBody,
  BundleApplicationFileParams,
  BundleApplicationList,
  BundleApplicationListQuery,
  BundleApplicationParams,
  BundleApplicationView,
  BundleUploadQuery,
  BundleUploadView,
  ReturnBundleApplicationBody,
  SubmitBundleApplicationBody,
  WithdrawBundleApplicationBody,
} from '../../../contracts/bundle-online.js';
import {
  acceptBundleApplication,
  myBundleApplication,
  myBundleApplications,
  returnBundleApplication,
  submitBundleApplication,
  uploadBundleMaterial,
  windowBundleApplication,
  windowBundleApplicationFile,
  windowBundleApplications,
  withdrawBundleApplication,
} from '../../services/bundle-online/index.js';
import { sendFileContent } from '../file-download.js';
import { login } from '../hall/common.js';
import { reader } from '../hall/apply.js';
import type { RoutePlugin } from '../types.js';

const view = { 200: BundleApplicationView };

const applicant: RoutePlugin = async (app) => {
  const tags = ['hall', 'bundle-applications'];
  const A = '/api/v1/hall/bundle-applications';
  app.post(A, { ...login, schema: { tags, body: SubmitBundleApplicationBody, response: view } }, (req) => submitBundleApplication(req.ctx, req.body));
  app.get(A, { ...login, schema: { tags, querystring: BundleApplicationListQuery, response: { 200: BundleApplicationList } } }, (req) => myBundleApplications(req.ctx, req.query));
  app.get(`${A}/:id`, { ...login, schema: { tags, params: BundleApplicationParams, response: view } }, (req) => myBundleApplication(req.ctx, req.params.id));
  app.post(`${A}/:id/withdraw`, { ...login, schema: { tags, params: BundleApplicationParams, body: WithdrawBundleApplicationBody, response: view } }, (req) =>
    withdrawBundleApplication(req.ctx, req.params.id, req.body),
  );
  const maxMb = app.onestopConfig.uploadMaxMb;
  await app.register(async (plain) => {
    await plain.register(multipart, { limits: { fileSize: maxMb * 1024 * 1024, files: 1, fields: 5, parts: 6 } });
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.post('/api/v1/hall/bundle-uploads', { ...login, schema: { tags, querystring: BundleUploadQuery, response: { 200: BundleUploadView } } }, (req) =>
      uploadBundleMaterial(req.ctx, req.query, reader(scope, req, maxMb)),
    );
  });
};

const windowSide: RoutePlugin = async (app) => {
  const tags = ['window', 'bundle-applications'];
  const W = '/api/v1/bundle-applications';
  app.get(W, { ...login, schema: { tags, querystring: BundleApplicationListQuery, response: { 200: BundleApplicationList } } }, (req) => windowBundleApplications(req.ctx, req.query));
  app.get(`${W}/:id`, { ...login, schema: { tags, params: BundleApplicationParams, response: view } }, (req) => windowBundleApplication(req.ctx, req.params.id));
  app.get(`${W}/:id/files/:fileId`, { ...login, schema: { tags, params: BundleApplicationFileParams } }, async (req, reply) =>
    sendFileContent(reply, await windowBundleApplicationFile(req.ctx, req.params.id, req.params.fileId), 'private'),
  );
  app.post(`${W}/:id/accept`, { ...login, schema: { tags, params: BundleApplicationParams, body: AcceptBundleApplicationBody, response: view } }, (req) =>
    acceptBundleApplication(req.ctx, req.params.id, req.body),
  );
  app.post(`${W}/:id/return`, { ...login, schema: { tags, params: BundleApplicationParams, body: ReturnBundleApplicationBody, response: view } }, (req) =>
    returnBundleApplication(req.ctx, req.params.id, req.body),
  );
};

export default async function routes(app: FastifyInstance): Promise<void> {
  for (const r of [applicant, windowSide]) await app.register(r);
}
