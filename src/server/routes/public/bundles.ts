/** The public pages of bundles (一件事): no login, rate-limited per client like the catalogue. */
import { PublicBundleDetail, PublicBundleList, PublicBundleParams, PublicBundleQuery, PublicBundlesQuery } from '../../../contracts/bundle.js';
import { getPublicBundle, listPublicBundles } from '../../services/bundle/index.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  const config = { rateLimit: { max: app.onestopConfig.publicRatePerMinute, timeWindow: '1 minute' } };
  const tags = ['public'];

  app.get('/api/v1/public/bundles', { config, schema: { tags, querystring: PublicBundlesQuery, response: { 200: PublicBundleList } } }, (req) =>
    listPublicBundles(req.ctx, req.query),
  );
  app.get(
    '/api/v1/public/bundles/:id',
    { config, schema: { tags, params: PublicBundleParams, querystring: PublicBundleQuery, response: { 200: PublicBundleDetail } } },
    (req) => getPublicBundle(req.ctx, req.params.id, req.query.centerId),
  );
};
export default routes;
