import { AuditList, AuditQuery, AuditVerifyReply } from '../../../contracts/audit.js';
import { requireActor } from '../../plugins/auth.js';
import { listAuditLog, verifyAuditLog } from '../../services/audit/list.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  // login first (401, before any input validation), then the services' permission checks (403)
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  app.get('/api/v1/admin/audit', { schema: { tags: ['admin'], querystring: AuditQuery, response: { 200: AuditList } } }, (req) => {
    requireActor(req);
    return listAuditLog(req.ctx, req.query);
  });
  app.get('/api/v1/admin/audit/verify', { schema: { tags: ['admin'], response: { 200: AuditVerifyReply } } }, (req) => {
    requireActor(req);
    return verifyAuditLog(req.ctx);
  });
};
export default routes;
