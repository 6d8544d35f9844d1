/**
 * The window's fee API (issue 3 item 5): assess a case's fees from its item version's fee lines,
 * take a payment (receipt number issued), cancel an assessment, refund a payment. Every move
 * carries the case `version`; the reply is the case.
 */
import { AssessFeesBody, CancelFeeBody, FeeParams, PayFeeBody, RefundFeeBody } from '../../../contracts/case-fees.js';
import { CaseParams, CaseView } from '../../../contracts/case.js';
import { requireActor } from '../../plugins/auth.js';
import { assessFees, cancelFee, payFee, refundFee } from '../../services/case/index.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  // login first (401, before any input validation), then the services' permission checks (403)
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  const tags = ['window', 'cases', 'fees'];
  const F = '/api/v1/cases/:id/fees';
  const reply = { 200: CaseView };
  app.post(F, { schema: { tags, params: CaseParams, body: AssessFeesBody, response: reply } }, (req) => assessFees(req.ctx, req.params.id, req.body));
  app.post(`${F}/:feeId/pay`, { schema: { tags, params: FeeParams, body: PayFeeBody, response: reply } }, (req) =>
    payFee(req.ctx, req.params.id, req.params.feeId, req.body),
  );
  app.post(`${F}/:feeId/cancel`, { schema: { tags, params: FeeParams, body: CancelFeeBody, response: reply } }, (req) =>
    cancelFee(req.ctx, req.params.id, req.params.feeId, req.body),
  );
  app.post(`${F}/:feeId/refund`, { schema: { tags, params: FeeParams, body: RefundFeeBody, response: reply } }, (req) =>
    refundFee(req.ctx, req.params.id, req.params.feeId, req.body),
  );
};
export default routes;
