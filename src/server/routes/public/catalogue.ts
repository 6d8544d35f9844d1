/** The public catalogue (办事指南): no login, rate-limited per client. */
import {
  FileIdParams,
  ItemGuide,
  PublicCenterQuery,
  PublicDepartmentList,
  PublicItemList,
  PublicItemParams,
  PublicItemsQuery,
  PublicThemeList,
} from '../../../contracts/catalogue-api.js';
import {
  getPublicItem,
  listPublicDepartments,
  listPublicThemes,
  readPublicFile,
  searchPublicItems,
} from '../../services/catalogue/index.js';
import { sendFileContent } from '../file-download.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  const config = { rateLimit: { max: app.onestopConfig.publicRatePerMinute, timeWindow: '1 minute' } };
  const tags = ['public'];

  app.get('/api/v1/public/items', { config, schema: { tags, querystring: PublicItemsQuery, response: { 200: PublicItemList } } }, (req) =>
    searchPublicItems(req.ctx, req.query),
  );
  app.get(
    '/api/v1/public/items/:id',
    { config, schema: { tags, params: PublicItemParams, querystring: PublicCenterQuery, response: { 200: ItemGuide } } },
    (req) => getPublicItem(req.ctx, req.params.id, req.query.centerId),
  );
  app.get('/api/v1/public/departments', { config, schema: { tags, querystring: PublicCenterQuery, response: { 200: PublicDepartmentList } } }, (req) =>
    listPublicDepartments(req.ctx, req.query.centerId),
  );
  app.get('/api/v1/public/themes', { config, schema: { tags, querystring: PublicCenterQuery, response: { 200: PublicThemeList } } }, (req) =>
    listPublicThemes(req.ctx, req.query.centerId),
  );
  app.get('/api/v1/public/files/:id', { config, schema: { tags, params: FileIdParams } }, async (req, reply) =>
    sendFileContent(reply, await readPublicFile(req.ctx, req.params.id), 'public'),
  );
};
export default routes;
