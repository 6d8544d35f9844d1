/** Staff: bundle (一件事) definitions — list, read, create, edit, publish, retire. */
import {
  AdminBundleDetail,
  AdminBundlesQuery,
  BundleIdParams,
  BundleList,
  BundleStatusBody,
  CreateBundleBody,
  UpdateBundleBody,
} from '../../../contracts/bundle.js';
import { requireActor } from '../../plugins/auth.js';
import { createBundle, getBundle, listBundles, publishBundle, retireBundle, updateBundle } from '../../services/bundle/index.js';
import type { RoutePlugin } from '../types.js';

const tags = ['bundles'];
const BUNDLE = '/api/v1/admin/bundles/:id';

const routes: RoutePlugin = async (app) => {
  // login first (401, before any input validation), then the services' permission checks (403)
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  app.get('/api/v1/admin/bundles', { schema: { tags, querystring: AdminBundlesQuery, response: { 200: BundleList } } }, (req) =>
    listBundles(req.ctx, req.query),
  );
  app.post('/api/v1/admin/bundles', { schema: { tags, body: CreateBundleBody, response: { 200: AdminBundleDetail } } }, (req) =>
    createBundle(req.ctx, req.body),
  );
  app.get(BUNDLE, { schema: { tags, params: BundleIdParams, response: { 200: AdminBundleDetail } } }, (req) => getBundle(req.ctx, req.params.id));
  app.put(BUNDLE, { schema: { tags, params: BundleIdParams, body: UpdateBundleBody, response: { 200: AdminBundleDetail } } }, (req) =>
    updateBundle(req.ctx, req.params.id, req.body),
  );
  app.post(`${BUNDLE}/publish`, { schema: { tags, params: BundleIdParams, body: BundleStatusBody, response: { 200: AdminBundleDetail } } }, (req) =>
    publishBundle(req.ctx, req.params.id, req.body),
  );
  app.post(`${BUNDLE}/retire`, { schema: { tags, params: BundleIdParams, body: BundleStatusBody, response: { 200: AdminBundleDetail } } }, (req) =>
    retireBundle(req.ctx, req.params.id, req.body),
  );
};
export default routes;
