/** Staff catalogue: items and their versions, forms (files), export and import. */
import multipart from '@fastify/multipart';
import {
  AdminItemDetail,
  AdminItemList,
  AdminItemsQuery,
  CatalogueCenterQuery,
  CatalogueExport,
  CatalogueImportBody,
  CatalogueImportRejected,
  CatalogueImportResult,
  CreateItemBody,
  FileIdParams,
  FileInfo,
  ItemIdParams,
  ItemVersionParams,
  ItemVersionPreview,
  NewDraftBody,
  PublishBody,
  SaveDraftBody,
  StatusChangeBody,
  ValidateItemBody,
  ValidateItemReply,
} from '../../../contracts/catalogue-api.js';
import { MAX_FILE_BYTES } from '../../../domain/catalogue/file-type.js';
import { fieldError, invalid } from '../../../domain/errors.js';
import { requireActor } from '../../plugins/auth.js';
import { fileTooLarge } from '../../services/catalogue/files.js';
import {
  createItem,
  exportCatalogue,
  getItem,
  importCatalogue,
  ImportRejectedError,
  listItems,
  newDraft,
  previewVersion,
  publishItem,
  readFileForStaff,
  resumeItem,
  retireItem,
  saveDraft,
  suspendItem,
  uploadFile,
  validateItem,
} from '../../services/catalogue/index.js';
import { sendFileContent } from '../file-download.js';
import type { RoutePlugin } from '../types.js';

const tags = ['catalogue'];
const ITEM = '/api/v1/admin/items/:id';

const routes: RoutePlugin = async (app) => {
  // login first (401, before any input validation), then the services' permission checks (403)
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  app.get('/api/v1/admin/items', { schema: { tags, querystring: AdminItemsQuery, response: { 200: AdminItemList } } }, (req) => {
    requireActor(req);
    return listItems(req.ctx, req.query);
  });
  app.post('/api/v1/admin/items', { schema: { tags, body: CreateItemBody, response: { 200: AdminItemDetail } } }, (req) => {
    requireActor(req);
    return createItem(req.ctx, req.body);
  });
  app.post('/api/v1/admin/items/validate', { schema: { tags, body: ValidateItemBody, response: { 200: ValidateItemReply } } }, (req) => {
    requireActor(req);
    return validateItem(req.ctx, null, req.body?.data);
  });
  app.get(ITEM, { schema: { tags, params: ItemIdParams, response: { 200: AdminItemDetail } } }, (req) => {
    requireActor(req);
    return getItem(req.ctx, req.params.id);
  });
  app.put(`${ITEM}/draft`, { schema: { tags, params: ItemIdParams, body: SaveDraftBody, response: { 200: AdminItemDetail } } }, (req) => {
    requireActor(req);
    return saveDraft(req.ctx, req.params.id, req.body);
  });
  app.post(`${ITEM}/draft`, { schema: { tags, params: ItemIdParams, body: NewDraftBody, response: { 200: AdminItemDetail } } }, (req) => {
    requireActor(req);
    return newDraft(req.ctx, req.params.id);
  });
  app.post(`${ITEM}/publish`, { schema: { tags, params: ItemIdParams, body: PublishBody, response: { 200: AdminItemDetail } } }, (req) => {
    requireActor(req);
    return publishItem(req.ctx, req.params.id, req.body);
  });
  for (const [action, fn] of [['suspend', suspendItem], ['resume', resumeItem], ['retire', retireItem]] as const) {
    app.post(`${ITEM}/${action}`, { schema: { tags, params: ItemIdParams, body: StatusChangeBody, response: { 200: AdminItemDetail } } }, (req) => {
      requireActor(req);
      return fn(req.ctx, req.params.id, req.body);
    });
  }
  app.get(`${ITEM}/versions/:versionNo`, { schema: { tags, params: ItemVersionParams, response: { 200: ItemVersionPreview } } }, (req) => {
    requireActor(req);
    return previewVersion(req.ctx, req.params.id, req.params.versionNo);
  });
  app.post(`${ITEM}/validate`, { schema: { tags, params: ItemIdParams, body: ValidateItemBody, response: { 200: ValidateItemReply } } }, (req) => {
    requireActor(req);
    return validateItem(req.ctx, req.params.id, req.body?.data);
  });

  // ── files: multipart only in this scope ─────────────────────────────────────────────────
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10, parts: 11 } });
    scope.post('/api/v1/admin/files', { schema: { tags, response: { 200: FileInfo } } }, (req) => {
      requireActor(req);
      return uploadFile(req.ctx, async () => {
        const part = req.isMultipart() ? await req.file() : undefined;
        if (!part) throw invalid([fieldError('file', '请以 multipart/form-data 上传一个文件', 'Upload one file as multipart/form-data')]);
        try {
          return { name: part.filename, data: await part.toBuffer() };
        } catch (e) {
          if (e instanceof scope.multipartErrors.RequestFileTooLargeError) throw fileTooLarge();
          throw e;
        }
      });
    });
  });
  app.get('/api/v1/admin/files/:id', { schema: { tags, params: FileIdParams } }, async (req, reply) => {
    requireActor(req);
    return sendFileContent(reply, await readFileForStaff(req.ctx, req.params.id), 'private');
  });

  // ── export / import ─────────────────────────────────────────────────────────────────────
  app.get('/api/v1/admin/catalogue/export', { schema: { tags, querystring: CatalogueCenterQuery, response: { 200: CatalogueExport } } }, (req) => {
    requireActor(req);
    return exportCatalogue(req.ctx, req.query.centerId);
  });
  app.post(
    '/api/v1/admin/catalogue/import',
    {
      // embedded forms make these files large; only staff with catalogue:import get past the service
      bodyLimit: 200 * 1024 * 1024,
      schema: {
        tags,
        querystring: CatalogueCenterQuery,
        body: CatalogueImportBody,
        response: { 200: CatalogueImportResult, 422: CatalogueImportRejected },
      },
    },
    async (req, reply) => {
      requireActor(req);
      try {
        return await importCatalogue(req.ctx, req.query.centerId, req.body);
      } catch (e) {
        if (!(e instanceof ImportRejectedError)) throw e;
        return reply.status(422).send({
          error: { code: e.code, message: e.messageZh, messageEn: e.messageEn, fields: e.fields },
          report: e.report,
        });
      }
    },
  );
};
export default routes;
