/**
 * A center's settings (DESIGN §4–§5): the case settings — warning light lead time, supplement
 * period — and the supervision/evaluation settings — rating period, default level, rectification
 * period, follow-up sample, order response period — of the admin's center (or one below it, `centerId`), read and replaced with `version`.
 */
import { CaseSettings, CaseSettingsBody, SettingsQuery, SupervisionSettings, SupervisionSettingsBody } from '../../../contracts/settings.js';
import { requireActor } from '../../plugins/auth.js';
import { getCaseSettings, getSupervisionSettings, updateCaseSettings, updateSupervisionSettings } from '../../services/settings/index.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  // login first (401, before any input validation), then the services' permission checks (403)
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  const tags = ['admin', 'settings'];
  const S = '/api/v1/admin/settings/case';
  app.get(S, { schema: { tags, querystring: SettingsQuery, response: { 200: CaseSettings } } }, (req) => getCaseSettings(req.ctx, req.query));
  app.put(S, { schema: { tags, querystring: SettingsQuery, body: CaseSettingsBody, response: { 200: CaseSettings } } }, (req) =>
    updateCaseSettings(req.ctx, req.query, req.body),
  );
  const V = '/api/v1/admin/settings/supervision';
  app.get(V, { schema: { tags, querystring: SettingsQuery, response: { 200: SupervisionSettings } } }, (req) => getSupervisionSettings(req.ctx, req.query));
  app.put(V, { schema: { tags, querystring: SettingsQuery, body: SupervisionSettingsBody, response: { 200: SupervisionSettings } } }, (req) =>
    updateSupervisionSettings(req.ctx, req.query, req.body),
  );
};
export default routes;
