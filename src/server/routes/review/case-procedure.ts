/**
 * The back office's special procedure and termination API (DESIGN §4): suspend a case for a
 * special procedure (clock paused), resume it, terminate it. Every move carries the case `version`.
 */
import { ResumeBody, SuspendBody, TerminateBody } from '../../../contracts/case-procedure.js';
import { CaseParams, CaseView } from '../../../contracts/case.js';
import { requireActor } from '../../plugins/auth.js';
import { resumeCase, suspendCase, terminateCase } from '../../services/case/index.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  // login first (401, before any input validation), then the services' permission checks (403)
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  const tags = ['review', 'cases'];
  const C = '/api/v1/cases';
  const reply = { 200: CaseView };
  app.post(`${C}/:id/suspend`, { schema: { tags, params: CaseParams, body: SuspendBody, response: reply } }, (req) => suspendCase(req.ctx, req.params.id, req.body));
  app.post(`${C}/:id/resume`, { schema: { tags, params: CaseParams, body: ResumeBody, response: reply } }, (req) => resumeCase(req.ctx, req.params.id, req.body));
  app.post(`${C}/:id/terminate`, { schema: { tags, params: CaseParams, body: TerminateBody, response: reply } }, (req) => terminateCase(req.ctx, req.params.id, req.body));
};
export default routes;
