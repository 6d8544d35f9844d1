/**
 * The window's case API (DESIGN §10): intake, the lists, one case, and the window's moves carrying
 * `version` — accept, supplement, refuse, conclude on the spot, route to review, deliver, withdraw.
 */
import {
  AcceptBody,
  CaseList,
  CaseListQuery,
  CaseParams,
  CaseView,
  ConcludeImmediatelyBody,
  IntakeBody,
  RefuseBody,
  SupplementBody,
} from '../../../contracts/case.js';
import { DeliverBody, StartReviewBody, WithdrawBody } from '../../../contracts/case-review.js';
import { requireActor } from '../../plugins/auth.js';
import {
  acceptCase,
  concludeImmediately,
  deliverCase,
  getCase,
  intakeCase,
  listCases,
  refuseCase,
  requestSupplement,
  startReview,
  withdrawCase,
} from '../../services/case/index.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  // login first (401, before any input validation), then the services' permission checks (403)
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  const tags = ['window', 'cases'];
  const C = '/api/v1/cases';
  const reply = { 200: CaseView };
  app.post(C, { schema: { tags, body: IntakeBody, response: reply } }, (req) => intakeCase(req.ctx, req.body));
  app.get(C, { schema: { tags, querystring: CaseListQuery, response: { 200: CaseList } } }, (req) => listCases(req.ctx, req.query));
  app.get(`${C}/:id`, { schema: { tags, params: CaseParams, response: reply } }, (req) => getCase(req.ctx, req.params.id));
  app.post(`${C}/:id/accept`, { schema: { tags, params: CaseParams, body: AcceptBody, response: reply } }, (req) => acceptCase(req.ctx, req.params.id, req.body));
  app.post(`${C}/:id/supplement`, { schema: { tags, params: CaseParams, body: SupplementBody, response: reply } }, (req) =>
    requestSupplement(req.ctx, req.params.id, req.body),
  );
  app.post(`${C}/:id/refuse`, { schema: { tags, params: CaseParams, body: RefuseBody, response: reply } }, (req) => refuseCase(req.ctx, req.params.id, req.body));
  app.post(`${C}/:id/conclude-immediately`, { schema: { tags, params: CaseParams, body: ConcludeImmediatelyBody, response: reply } }, (req) =>
    concludeImmediately(req.ctx, req.params.id, req.body),
  );
  app.post(`${C}/:id/start-review`, { schema: { tags, params: CaseParams, body: StartReviewBody, response: reply } }, (req) =>
    startReview(req.ctx, req.params.id, req.body),
  );
  app.post(`${C}/:id/deliver`, { schema: { tags, params: CaseParams, body: DeliverBody, response: reply } }, (req) => deliverCase(req.ctx, req.params.id, req.body));
  app.post(`${C}/:id/withdraw`, { schema: { tags, params: CaseParams, body: WithdrawBody, response: reply } }, (req) => withdrawCase(req.ctx, req.params.id, req.body));
};
export default routes;
