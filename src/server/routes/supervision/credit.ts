/** Applicants' credit records (信用记录) and denial reports (否定报备); the window's credit check before 容缺. */
import { AcknowledgeBody, CreateCreditBody, CreditCheck, CreditCheckQuery, CreditQuery, CreditRecordList, CreditRecordView, DenialReportList, DenialReportQuery, DenialReportView, LiftCreditBody } from '../../../contracts/case-flags.js';
import { IdParams } from '../../../contracts/supervision-work.js';
import { requireActor } from '../../plugins/auth.js';
import { checkCredit, createCredit, liftCredit, listCredit } from '../../services/credit/records.js';
import { acknowledgeDenial, listDenials } from '../../services/denial/reports.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  const tags = ['supervision'];
  const S = '/api/v1/supervision';
  app.get(`${S}/credit-records`, { schema: { tags, querystring: CreditQuery, response: { 200: CreditRecordList } } }, (req) => listCredit(req.ctx, req.query));
  app.post(`${S}/credit-records`, { schema: { tags, body: CreateCreditBody, response: { 200: CreditRecordView } } }, (req) => createCredit(req.ctx, req.body));
  app.post(`${S}/credit-records/:id/lift`, { schema: { tags, params: IdParams, body: LiftCreditBody, response: { 200: CreditRecordView } } }, (req) => liftCredit(req.ctx, req.params.id, req.body));
  app.get('/api/v1/credit-check', { schema: { tags: ['window'], querystring: CreditCheckQuery, response: { 200: CreditCheck } } }, (req) => checkCredit(req.ctx, req.query));
  app.get(`${S}/denial-reports`, { schema: { tags, querystring: DenialReportQuery, response: { 200: DenialReportList } } }, (req) => listDenials(req.ctx, req.query));
  app.post(`${S}/denial-reports/:id/acknowledge`, { schema: { tags, params: IdParams, body: AcknowledgeBody, response: { 200: DenialReportView } } }, (req) =>
    acknowledgeDenial(req.ctx, req.params.id, req.body),
  );
};
export default routes;
