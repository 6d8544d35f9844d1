/** Bad-review rectification (差评整改) for the department and the supervision office. */
import { RectificationList, RectificationParams, RectificationQuery, RectificationStep, RectificationView } from '../../../contracts/evaluation.js';
import { requireActor } from '../../plugins/auth.js';
import { getRectification, listRectificationsFor, stepRectification } from '../../services/evaluation/rectification.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  const tags = ['evaluation'];
  const R = '/api/v1/rectifications';
  app.get(R, { schema: { tags, querystring: RectificationQuery, response: { 200: RectificationList } } }, (req) => listRectificationsFor(req.ctx, req.query));
  app.get(`${R}/:id`, { schema: { tags, params: RectificationParams, response: { 200: RectificationView } } }, (req) => getRectification(req.ctx, req.params.id));
  app.post(`${R}/:id/steps`, { schema: { tags, params: RectificationParams, body: RectificationStep, response: { 200: RectificationView } } }, (req) => stepRectification(req.ctx, req.params.id, req.body));
};
export default routes;
