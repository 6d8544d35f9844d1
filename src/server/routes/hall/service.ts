/** Consultations and complaints of applicants, the public answers, publication and windows. */
import { PageQuery } from '../../../contracts/common.js';
import { HallIdParams } from '../../../contracts/hall-accounts.js';
import {
  AskBody,
  ComplaintBody,
  ComplaintList,
  ComplaintView,
  ConsultationList,
  ConsultationView,
  PublicConsultationList,
  PublicationList,
  PublicationQuery,
  PublicWindowList,
  PublicWindowQuery,
} from '../../../contracts/hall-service.js';
import { fileComplaint, myComplaints } from '../../services/hall/complaints.js';
import { ask, myConsultations, publicConsultations } from '../../services/hall/consultations.js';
import { publications, publicWindows } from '../../services/hall/publications.js';
import type { RoutePlugin } from '../types.js';
import { login, tags } from './common.js';

const H = '/api/v1/hall';
const P = '/api/v1/public';

const routes: RoutePlugin = async (app) => {
  const config = { rateLimit: { max: app.onestopConfig.publicRatePerMinute, timeWindow: '1 minute' } };
  app.get(`${P}/items/:id/consultations`, { config, schema: { tags, params: HallIdParams, querystring: PageQuery, response: { 200: PublicConsultationList } } }, (req) =>
    publicConsultations(req.ctx, req.params.id, req.query),
  );
  app.get(`${P}/publications`, { config, schema: { tags, querystring: PublicationQuery, response: { 200: PublicationList } } }, (req) => publications(req.ctx, req.query));
  app.get(`${P}/windows`, { config, schema: { tags, querystring: PublicWindowQuery, response: { 200: PublicWindowList } } }, (req) => publicWindows(req.ctx, req.query.centerId));

  app.get(`${H}/consultations`, { ...login, schema: { tags, querystring: PageQuery, response: { 200: ConsultationList } } }, (req) => myConsultations(req.ctx, req.query));
  app.post(`${H}/consultations`, { ...login, schema: { tags, body: AskBody, response: { 200: ConsultationView } } }, (req) => ask(req.ctx, req.body));
  app.get(`${H}/complaints`, { ...login, schema: { tags, querystring: PageQuery, response: { 200: ComplaintList } } }, (req) => myComplaints(req.ctx, req.query));
  app.post(`${H}/complaints`, { ...login, schema: { tags, body: ComplaintBody, response: { 200: ComplaintView } } }, (req) => fileComplaint(req.ctx, req.body));
};
export default routes;
