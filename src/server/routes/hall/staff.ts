/**
 * The staff side of the online hall: a case's online application for the clerk's pre-review
 * (case:read), consultations for the department to answer, complaints for the supervisors.
 */
import { ApplicationView, DraftMaterialParams } from '../../../contracts/hall-apply.js';
import { HallIdParams } from '../../../contracts/hall-accounts.js';
import { AnswerBody, ComplaintList, ComplaintQuery, ConsultationList, ConsultationQuery, ConsultationView } from '../../../contracts/hall-service.js';
import { supervisorComplaints } from '../../services/hall/complaints.js';
import { answer, staffConsultations } from '../../services/hall/consultations.js';
import { applicationForStaff, materialFileForStaff } from '../../services/hall/files.js';
import { sendFileContent } from '../file-download.js';
import type { RoutePlugin } from '../types.js';
import { login } from './common.js';

const tags = ['hall-staff'];

const routes: RoutePlugin = async (app) => {
  app.get('/api/v1/cases/:id/application', { ...login, schema: { tags, params: HallIdParams, response: { 200: ApplicationView } } }, (req) => applicationForStaff(req.ctx, req.params.id));
  app.get('/api/v1/cases/:id/materials/:materialId/file', { ...login, schema: { tags, params: DraftMaterialParams } }, async (req, reply) =>
    sendFileContent(reply, await materialFileForStaff(req.ctx, req.params.id, req.params.materialId), 'private'),
  );
  app.get('/api/v1/consultations', { ...login, schema: { tags, querystring: ConsultationQuery, response: { 200: ConsultationList } } }, (req) => staffConsultations(req.ctx, req.query));
  app.post('/api/v1/consultations/:id/answer', { ...login, schema: { tags, params: HallIdParams, body: AnswerBody, response: { 200: ConsultationView } } }, (req) =>
    answer(req.ctx, req.params.id, req.body),
  );
  app.get('/api/v1/supervision/complaints', { ...login, schema: { tags, querystring: ComplaintQuery, response: { 200: ComplaintList } } }, (req) => supervisorComplaints(req.ctx, req.query));
};
export default routes;
