/**
 * Applying online: the item's form (public), drafts, uploads against the checklist (multipart,
 * one file part; the size limit UPLOAD_MAX_MB is enforced while the bytes stream in, so a huge
 * upload is cut off with a clean 400 naming `file`), submission, and the applicant's files.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OkBody, PageQuery } from '../../../contracts/common.js';
import { AppError } from '../../../domain/errors.js';
import { DraftList, DraftMaterialParams, DraftView, ItemForm, NewDraftBody, SaveDraftBody, SubmitDraftBody, UploadQuery, UploadView } from '../../../contracts/hall-apply.js';
import { HallIdParams } from '../../../contracts/hall-accounts.js';
import { MyCaseView } from '../../../contracts/hall-cases.js';
import { uploadCaseMaterial } from '../../services/hall/case-moves.js';
import { removeDraftMaterial, uploadDraftMaterial } from '../../services/hall/draft-materials.js';
import { createDraft, discardDraft, getDraft, listDrafts, saveDraft } from '../../services/hall/drafts.js';
import { myFile } from '../../services/hall/files.js';
import { itemForm } from '../../services/hall/item-form.js';
import { submitDraft } from '../../services/hall/submit.js';
import { type ApplicantUpload, noFile, uploadBroken, uploadTooLarge } from '../../services/hall/uploads.js';
import { sendFileContent } from '../file-download.js';
import type { RoutePlugin } from '../types.js';
import { login, tags } from './common.js';

const H = '/api/v1/hall';

/**
 * The one file of a multipart request, read within the size limit. A body cut off or malformed
 * (a dropped connection mid-upload) is the applicant's to retry: 400 naming `file`, never a 500.
 */
export function reader(scope: Pick<FastifyInstance, 'multipartErrors'>, req: FastifyRequest, maxMb: number): () => Promise<ApplicantUpload> {
  return async () => {
    try {
      const part = req.isMultipart() ? await req.file() : undefined;
      if (!part) throw noFile();
      return { name: part.filename, data: await part.toBuffer() };
    } catch (e) {
      if (e instanceof AppError) throw e;
      if (e instanceof scope.multipartErrors.RequestFileTooLargeError) throw uploadTooLarge(maxMb);
      throw uploadBroken();
    }
  };
}

const routes: RoutePlugin = async (app) => {
  app.get('/api/v1/public/items/:id/form', { schema: { tags, params: HallIdParams, response: { 200: ItemForm } } }, (req) => itemForm(req.ctx, req.params.id));

  app.get(`${H}/drafts`, { ...login, schema: { tags, querystring: PageQuery, response: { 200: DraftList } } }, (req) => listDrafts(req.ctx, req.query));
  app.post(`${H}/drafts`, { ...login, schema: { tags, body: NewDraftBody, response: { 200: DraftView } } }, (req) => createDraft(req.ctx, req.body));
  app.get(`${H}/drafts/:id`, { ...login, schema: { tags, params: HallIdParams, response: { 200: DraftView } } }, (req) => getDraft(req.ctx, req.params.id));
  app.put(`${H}/drafts/:id`, { ...login, schema: { tags, params: HallIdParams, body: SaveDraftBody, response: { 200: DraftView } } }, (req) => saveDraft(req.ctx, req.params.id, req.body));
  app.delete(`${H}/drafts/:id`, { ...login, schema: { tags, params: HallIdParams, response: { 200: OkBody } } }, async (req) => {
    await discardDraft(req.ctx, req.params.id);
    return { ok: true as const };
  });
  app.post(`${H}/drafts/:id/submit`, { ...login, schema: { tags, params: HallIdParams, body: SubmitDraftBody, response: { 200: MyCaseView } } }, (req) =>
    submitDraft(req.ctx, req.params.id, req.body),
  );
  app.delete(`${H}/drafts/:id/materials/:materialId`, { ...login, schema: { tags, params: DraftMaterialParams, response: { 200: OkBody } } }, async (req) => {
    await removeDraftMaterial(req.ctx, req.params.id, req.params.materialId);
    return { ok: true as const };
  });
  app.get(`${H}/files/:id`, { ...login, schema: { tags, params: HallIdParams } }, async (req, reply) => sendFileContent(reply, await myFile(req.ctx, req.params.id), 'private'));

  // ── uploads: multipart only in this scope ───────────────────────────────────────────────
  const maxMb = app.onestopConfig.uploadMaxMb;
  await app.register(async (plain) => {
    await plain.register(multipart, { limits: { fileSize: maxMb * 1024 * 1024, files: 1, fields: 5, parts: 6 } });
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.post(`${H}/drafts/:id/materials`, { ...login, schema: { tags, params: HallIdParams, querystring: UploadQuery, response: { 200: UploadView } } }, (req) =>
      uploadDraftMaterial(req.ctx, req.params.id, req.query.materialCode, reader(scope, req, maxMb)),
    );
    scope.post(`${H}/cases/:id/materials`, { ...login, schema: { tags, params: HallIdParams, querystring: UploadQuery, response: { 200: UploadView } } }, (req) =>
      uploadCaseMaterial(req.ctx, req.params.id, req.query.materialCode, reader(scope, req, maxMb)),
    );
  });
};
export default routes;
