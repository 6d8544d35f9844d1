/** The published evaluation figures (好评率, 差评率, 主动评价率, 未评率, 差评整改率, 回访率). */
import { FiguresQuery, FiguresView } from '../../../contracts/evaluation.js';
import { publicFigures } from '../../services/evaluation/figures.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  const config = { rateLimit: { max: app.onestopConfig.publicRatePerMinute, timeWindow: '1 minute' } };
  app.get('/api/v1/public/figures', { config, schema: { tags: ['public'], querystring: FiguresQuery, response: { 200: FiguresView } } }, (req) => publicFigures(req.ctx.deps, req.query));
};
export default routes;
