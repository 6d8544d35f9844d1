/**
 * The back office's case API (DESIGN §4 "Work items", §10): the department's task inbox, task
 * moves, the decision and the conclusion. Every move carries the case `version`.
 */
import { CaseParams, CaseView } from '../../../contracts/case.js';
import { CompleteTaskBody, ConcludeBody, DecideBody, ReturnTaskBody, TaskInbox, TaskInboxQuery, TaskParams } from '../../../contracts/case-review.js';
import { requireActor } from '../../plugins/auth.js';
import { completeTask, concludeCase, decideCase, listTaskInbox, returnTask } from '../../services/case/index.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  // login first (401, before any input validation), then the services' permission checks (403)
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  const tags = ['review', 'cases'];
  const C = '/api/v1/cases';
  const reply = { 200: CaseView };
  app.get('/api/v1/review/tasks', { schema: { tags, querystring: TaskInboxQuery, response: { 200: TaskInbox } } }, (req) => listTaskInbox(req.ctx, req.query));
  app.post(`${C}/:id/tasks/:taskId/complete`, { schema: { tags, params: TaskParams, body: CompleteTaskBody, response: reply } }, (req) =>
    completeTask(req.ctx, req.params.id, req.params.taskId, req.body),
  );
  app.post(`${C}/:id/tasks/:taskId/return`, { schema: { tags, params: TaskParams, body: ReturnTaskBody, response: reply } }, (req) =>
    returnTask(req.ctx, req.params.id, req.params.taskId, req.body),
  );
  app.post(`${C}/:id/decide`, { schema: { tags, params: CaseParams, body: DecideBody, response: reply } }, (req) => decideCase(req.ctx, req.params.id, req.body));
  app.post(`${C}/:id/conclude`, { schema: { tags, params: CaseParams, body: ConcludeBody, response: reply } }, (req) => concludeCase(req.ctx, req.params.id, req.body));
};
export default routes;
