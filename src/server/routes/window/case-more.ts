/**
 * The case moves after the window's first ones (DESIGN §4): materials handed in, the review of a
 * refusal (asked at the window, answered by the center's supervision office), and the higher
 * authority's answer to a forwarded case, and the green channel flag. Every move carries the case `version`; the reply is the case.
 */
import { AnswerRecheckBody, AskRecheckBody, ForwardAnswerBody, SupplyBody } from '../../../contracts/case-more.js';
import { GreenChannelBody } from '../../../contracts/case-flags.js';
import { CaseParams, CaseView } from '../../../contracts/case.js';
import { requireActor } from '../../plugins/auth.js';
import { answerRecheck, askRecheck, recordForwardAnswer, setGreenChannel, supplyMaterials } from '../../services/case/index.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  // login first (401, before any input validation), then the services' permission checks (403)
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  const tags = ['window', 'cases'];
  const C = '/api/v1/cases';
  const reply = { 200: CaseView };
  app.post(`${C}/:id/supply`, { schema: { tags, params: CaseParams, body: SupplyBody, response: reply } }, (req) => supplyMaterials(req.ctx, req.params.id, req.body));
  app.post(`${C}/:id/ask-recheck`, { schema: { tags, params: CaseParams, body: AskRecheckBody, response: reply } }, (req) => askRecheck(req.ctx, req.params.id, req.body));
  app.post(`${C}/:id/answer-recheck`, { schema: { tags: ['supervision', 'cases'], params: CaseParams, body: AnswerRecheckBody, response: reply } }, (req) =>
    answerRecheck(req.ctx, req.params.id, req.body),
  );
  app.post(`${C}/:id/forward-answer`, { schema: { tags, params: CaseParams, body: ForwardAnswerBody, response: reply } }, (req) =>
    recordForwardAnswer(req.ctx, req.params.id, req.body),
  );
  // 绿色通道: set with an escort (领办人), or lifted
  app.post(`${C}/:id/green-channel`, { schema: { tags, params: CaseParams, body: GreenChannelBody, response: reply } }, (req) => setGreenChannel(req.ctx, req.params.id, req.body));
};
export default routes;
