/** Volunteer observation reports (明察暗访) and the supervisors' handling of complaints (投诉处理). */
import { IdParams } from '../../../contracts/supervision-work.js';
import { ComplaintStepBody, FileObservationBody, HandleObservationBody, HandledComplaintView, ObservationList, ObservationQuery, ObservationView } from '../../../contracts/supervision-reports.js';
import { requireActor } from '../../plugins/auth.js';
import { getComplaintAs, stepComplaintAs } from '../../services/supervision/complaints.js';
import { fileObservation, handleObservationAs, listObservationsFor, myObservations } from '../../services/supervision/observations.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  const tags = ['supervision'];
  const S = '/api/v1/supervision';
  app.get(`${S}/observations`, { schema: { tags, querystring: ObservationQuery, response: { 200: ObservationList } } }, (req) => listObservationsFor(req.ctx, req.query));
  app.get(`${S}/observations/mine`, { schema: { tags, querystring: ObservationQuery, response: { 200: ObservationList } } }, (req) => myObservations(req.ctx, req.query));
  app.post(`${S}/observations`, { schema: { tags, body: FileObservationBody, response: { 200: ObservationView } } }, (req) => fileObservation(req.ctx, req.body));
  app.post(`${S}/observations/:id/handle`, { schema: { tags, params: IdParams, body: HandleObservationBody, response: { 200: ObservationView } } }, (req) => handleObservationAs(req.ctx, req.params.id, req.body));
  app.get(`${S}/complaints/:id`, { schema: { tags, params: IdParams, response: { 200: HandledComplaintView } } }, (req) => getComplaintAs(req.ctx, req.params.id));
  app.post(`${S}/complaints/:id/steps`, { schema: { tags, params: IdParams, body: ComplaintStepBody, response: { 200: HandledComplaintView } } }, (req) => stepComplaintAs(req.ctx, req.params.id, req.body));
};
export default routes;
