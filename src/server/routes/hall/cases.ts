/** My cases: list, detail, notices, the applicant's moves (supply, withdraw, recheck) and ratings. */
import { OkBody } from '../../../contracts/common.js';
import { HallIdParams } from '../../../contracts/hall-accounts.js';
import {
  CaseMaterialParams,
  CaseNoticeParamsHall,
  EvaluationBody,
  HallRecheckBody,
  HallSupplyBody,
  HallWithdrawBody,
  MyCaseList,
  MyCaseQuery,
  MyCaseView,
} from '../../../contracts/hall-cases.js';
import { askRecheckOnline, removeCaseMaterial, supplyOnline, withdrawOnline } from '../../services/hall/case-moves.js';
import { myCase, myCases } from '../../services/hall/case-view.js';
import { rateCase } from '../../services/hall/evaluations.js';
import { myNoticePdf } from '../../services/hall/files.js';
import { sendNoticePdf } from '../notice-pdf.js';
import type { RoutePlugin } from '../types.js';
import { login, tags } from './common.js';

const C = '/api/v1/hall/cases';

const routes: RoutePlugin = async (app) => {
  app.get(C, { ...login, schema: { tags, querystring: MyCaseQuery, response: { 200: MyCaseList } } }, (req) => myCases(req.ctx, req.query));
  app.get(`${C}/:id`, { ...login, schema: { tags, params: HallIdParams, response: { 200: MyCaseView } } }, (req) => myCase(req.ctx, req.params.id));
  app.get(`${C}/:id/notices/:noticeId/pdf`, { ...login, schema: { tags, params: CaseNoticeParamsHall } }, async (req, reply) =>
    sendNoticePdf(reply, await myNoticePdf(req.ctx, req.params.id, req.params.noticeId)),
  );
  app.delete(`${C}/:id/materials/:materialId`, { ...login, schema: { tags, params: CaseMaterialParams, response: { 200: OkBody } } }, async (req) => {
    await removeCaseMaterial(req.ctx, req.params.id, req.params.materialId);
    return { ok: true as const };
  });
  app.post(`${C}/:id/supply`, { ...login, schema: { tags, params: HallIdParams, body: HallSupplyBody, response: { 200: MyCaseView } } }, (req) => supplyOnline(req.ctx, req.params.id, req.body));
  app.post(`${C}/:id/withdraw`, { ...login, schema: { tags, params: HallIdParams, body: HallWithdrawBody, response: { 200: MyCaseView } } }, (req) =>
    withdrawOnline(req.ctx, req.params.id, req.body),
  );
  app.post(`${C}/:id/ask-recheck`, { ...login, schema: { tags, params: HallIdParams, body: HallRecheckBody, response: { 200: MyCaseView } } }, (req) =>
    askRecheckOnline(req.ctx, req.params.id, req.body),
  );
  app.post(`${C}/:id/evaluations`, { ...login, schema: { tags, params: HallIdParams, body: EvaluationBody, response: { 200: MyCaseView } } }, (req) =>
    rateCase(req.ctx, req.params.id, req.body),
  );
};
export default routes;
