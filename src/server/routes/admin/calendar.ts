import { z } from 'zod';
import {
  CoverageReply,
  ImportYearBody,
  ImportYearReply,
  OverrideBody,
  OverrideList,
  OverrideView,
  OverridesQuery,
} from '../../../contracts/calendar.js';
import { OkBody } from '../../../contracts/common.js';
import { forbidden } from '../../../domain/errors.js';
import { can } from '../../../domain/permissions.js';
import { requireActor } from '../../plugins/auth.js';
import { importYear, listOverrides, removeOverride, setOverride } from '../../services/calendar/admin.js';
import { calendarCoverage } from '../../services/calendar/coverage.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  // login first (401, before any input validation), then the services' permission checks (403)
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  const tags = ['admin', 'calendar'];
  app.get('/api/v1/admin/calendar/overrides', { schema: { tags, querystring: OverridesQuery, response: { 200: OverrideList } } }, (req) => {
    requireActor(req);
    return listOverrides(req.ctx, req.query);
  });
  app.post('/api/v1/admin/calendar/overrides', { schema: { tags, body: OverrideBody, response: { 200: OverrideView } } }, (req) => {
    requireActor(req);
    return setOverride(req.ctx, req.body);
  });
  app.delete(
    '/api/v1/admin/calendar/overrides/:id',
    { schema: { tags, params: z.object({ id: z.string().max(64) }), response: { 200: OkBody } } },
    async (req) => {
      requireActor(req);
      await removeOverride(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
  app.post('/api/v1/admin/calendar/import', { schema: { tags, body: ImportYearBody, response: { 200: ImportYearReply } } }, (req) => {
    requireActor(req);
    return importYear(req.ctx, req.body);
  });
  app.get('/api/v1/admin/calendar/coverage', { schema: { tags, response: { 200: CoverageReply } } }, (req) => {
    if (!can(requireActor(req), 'org:read')) throw forbidden();
    return calendarCoverage(req.ctx.deps);
  });
};
export default routes;
