/**
 * Routes of bundle runs (一件事办件); each handler is one call into a service. Staff routes under
 * /api/v1/bundle-runs (login first: 401 before input validation, then the services' permission
 * checks, 403); the public progress answer under /api/v1/public/bundle-progress, rate-limited.
 */
import type { FastifyInstance } from 'fastify';
import {
  AssessBundleFeesBody,
  BundleProgressQuery,
  BundleRunList,
  BundleRunListQuery,
  BundleRunParams,
  BundleRunView,
  PayBundleFeesBody,
  PublicBundleProgress,
  StartBundleRunBody,
} from '../../../contracts/bundle-case.js';
import { requireActor } from '../../plugins/auth.js';
import { assessRunFees, feeSheetPdf, getBundleRun, listRuns, payRunFees, publicBundleProgress, startBundleRun } from '../../services/bundle-case/index.js';
import { sendNoticePdf } from '../notice-pdf.js';
import type { RoutePlugin } from '../types.js';

const staff: RoutePlugin = async (app) => {
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  const tags = ['window', 'bundle-runs'];
  const R = '/api/v1/bundle-runs';
  const reply = { 200: BundleRunView };
  app.post(R, { schema: { tags, body: StartBundleRunBody, response: reply } }, (req) => startBundleRun(req.ctx, req.body));
  app.get(R, { schema: { tags, querystring: BundleRunListQuery, response: { 200: BundleRunList } } }, (req) => listRuns(req.ctx, req.query));
  app.get(`${R}/:id`, { schema: { tags, params: BundleRunParams, response: reply } }, (req) => getBundleRun(req.ctx, req.params.id));
  app.post(`${R}/:id/fees/assess`, { schema: { tags, params: BundleRunParams, body: AssessBundleFeesBody, response: reply } }, (req) =>
    assessRunFees(req.ctx, req.params.id, req.body),
  );
  // 一件事收费单 (PDF), to print
  app.get(`${R}/:id/fees/sheet.pdf`, { schema: { tags, params: BundleRunParams } }, async (req, reply) => sendNoticePdf(reply, await feeSheetPdf(req.ctx, req.params.id)));
  app.post(`${R}/:id/fees/pay`, { schema: { tags, params: BundleRunParams, body: PayBundleFeesBody, response: reply } }, (req) =>
    payRunFees(req.ctx, req.params.id, req.body),
  );
};

const publicRoutes: RoutePlugin = async (app) => {
  const config = { rateLimit: { max: app.onestopConfig.progressRatePerMinute, timeWindow: '1 minute' } };
  app.get('/api/v1/public/bundle-progress', { config, schema: { tags: ['public'], querystring: BundleProgressQuery, response: { 200: PublicBundleProgress } } }, (req) =>
    publicBundleProgress(req.ctx.deps, req.query),
  );
};

export default async function routes(app: FastifyInstance): Promise<void> {
  for (const r of [staff, publicRoutes]) await app.register(r);
}
