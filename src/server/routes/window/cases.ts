/** The window's case API (DESIGN §10): intake, the lists, one case, and the moves carrying `version`. */
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
import { requireActor } from '../../plugins/auth.js';
import { acceptCase, concludeImmediately, getCase, intakeCase, listCases, refuseCase, requestSupplement } from '../../services/case/index.js';
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
};
export default routes;
