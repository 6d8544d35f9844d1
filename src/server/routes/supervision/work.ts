/** The supervision office's work: anomalies, supervision orders (督办单), follow-up visits (回访). */
import { AnomalyList, AnomalyQuery, AnomalyView, AnswerOrderBody, CloseAnomalyBody, FollowUpAssignBody, FollowUpList, FollowUpQuery, FollowUpResultBody, FollowUpView, IdParams, IssueOrderBody, OrderList, OrderQuery, OrderView, ReviewOrderBody } from '../../../contracts/supervision-work.js';
import { requireActor } from '../../plugins/auth.js';
import { assignFollowUp, listFollowUpsFor, recordFollowUp } from '../../services/supervision/follow-ups.js';
import { answerOrderAs, closeAnomalyAs, issueOrderAs, listAnomaliesFor, listOrdersFor, reviewOrderAs } from '../../services/supervision/orders.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  const tags = ['supervision'];
  const S = '/api/v1/supervision';
  app.get(`${S}/anomalies`, { schema: { tags, querystring: AnomalyQuery, response: { 200: AnomalyList } } }, (req) => listAnomaliesFor(req.ctx, req.query));
  app.post(`${S}/anomalies/:id/close`, { schema: { tags, params: IdParams, body: CloseAnomalyBody, response: { 200: AnomalyView } } }, (req) => closeAnomalyAs(req.ctx, req.params.id, req.body));
  app.get(`${S}/orders`, { schema: { tags, querystring: OrderQuery, response: { 200: OrderList } } }, (req) => listOrdersFor(req.ctx, req.query));
  app.post(`${S}/orders`, { schema: { tags, body: IssueOrderBody, response: { 200: OrderView } } }, (req) => issueOrderAs(req.ctx, req.body));
  app.post(`${S}/orders/:id/answer`, { schema: { tags, params: IdParams, body: AnswerOrderBody, response: { 200: OrderView } } }, (req) => answerOrderAs(req.ctx, req.params.id, req.body));
  app.post(`${S}/orders/:id/review`, { schema: { tags, params: IdParams, body: ReviewOrderBody, response: { 200: OrderView } } }, (req) => reviewOrderAs(req.ctx, req.params.id, req.body));
  app.get(`${S}/follow-ups`, { schema: { tags, querystring: FollowUpQuery, response: { 200: FollowUpList } } }, (req) => listFollowUpsFor(req.ctx, req.query));
  app.post(`${S}/follow-ups/:id/assign`, { schema: { tags, params: IdParams, body: FollowUpAssignBody, response: { 200: FollowUpView } } }, (req) => assignFollowUp(req.ctx, req.params.id, req.body));
  app.post(`${S}/follow-ups/:id/result`, { schema: { tags, params: IdParams, body: FollowUpResultBody, response: { 200: FollowUpView } } }, (req) => recordFollowUp(req.ctx, req.params.id, req.body));
};
export default routes;
