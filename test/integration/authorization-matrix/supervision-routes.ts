/**
 * Electronic supervision and evaluation in the matrix. Reading (monitor, cards, lists) is
 * supervision:read — supervisors, department leaders, center admins; the office's own work is
 * supervision:manage (supervisors); a department's answers are supervision:respond (leaders).
 * A rectification step is either's (the department verifies, the office too), so its entry
 * carries supervision:read with `narrower`. The rating screen, the SMS link and the figures are public.
 */
import type { Fixtures } from './fixtures.js';
import type { Req, RouteCase } from './routes.js';

const S = '/api/v1/supervision';
const at = (url: string) => (): Req => ({ url });

export const SUPERVISION_MATRIX: Record<string, RouteCase> = {
  'GET /api/v1/supervision/cards': { rule: 'supervision:read', request: at(`${S}/cards?level=yellow`) },
  'GET /api/v1/supervision/cards/:id': { rule: 'supervision:read', request: async (f) => ({ url: `${S}/cards/${(await f.card('issued')).id}` }) },
  'POST /api/v1/supervision/cards/:id/appeal': {
    rule: 'supervision:respond',
    request: async (f) => {
      const c = await f.card('issued');
      return { url: `${S}/cards/${c.id}/appeal`, payload: { version: c.version, reason: '已按时办理，系统计时有误' } };
    },
  },
  'POST /api/v1/supervision/cards/:id/rule': {
    rule: 'supervision:manage',
    request: async (f) => {
      const c = await f.card('appealed');
      return { url: `${S}/cards/${c.id}/rule`, payload: { version: c.version, upheld: true, reason: '维持' } };
    },
  },
  'GET /api/v1/supervision/monitor': { rule: 'supervision:read', request: at(`${S}/monitor`) },
  'GET /api/v1/supervision/monitor/series': { rule: 'supervision:read', request: at(`${S}/monitor/series?from=2026-03-01&to=2026-03-02`) },
  'GET /api/v1/supervision/feed': { rule: 'supervision:read', request: at(`${S}/feed?once=true`) },
  'GET /api/v1/supervision/anomalies': { rule: 'supervision:read', request: at(`${S}/anomalies`) },
  'POST /api/v1/supervision/anomalies/:id/close': {
    rule: 'supervision:manage',
    request: async (f) => {
      const a = await f.anomaly();
      return { url: `${S}/anomalies/${a.id}/close`, payload: { version: a.version, disposition: '已核实并批评教育' } };
    },
  },
  'GET /api/v1/supervision/orders': { rule: 'supervision:read', request: at(`${S}/orders`) },
  'POST /api/v1/supervision/orders': { rule: 'supervision:manage', request: (f: Fixtures) => ({ url: `${S}/orders`, payload: { departmentId: f.org.deptA, content: '请说明逾期原因' } }) },
  'POST /api/v1/supervision/orders/:id/answer': {
    rule: 'supervision:respond',
    request: async (f) => {
      const o = await f.order('open');
      return { url: `${S}/orders/${o.id}/answer`, payload: { version: o.version, text: '已督促办结' } };
    },
  },
  'POST /api/v1/supervision/orders/:id/review': {
    rule: 'supervision:manage',
    request: async (f) => {
      const o = await f.order('answered');
      return { url: `${S}/orders/${o.id}/review`, payload: { version: o.version, accept: true } };
    },
  },
  'GET /api/v1/supervision/follow-ups': { rule: 'supervision:read', request: at(`${S}/follow-ups`) },
  'POST /api/v1/supervision/follow-ups/:id/assign': {
    rule: 'supervision:manage',
    request: async (f) => {
      const x = await f.followUp();
      return { url: `${S}/follow-ups/${x.id}/assign`, payload: { version: x.version, assigneeUserId: f.org.users.supervisor } };
    },
  },
  'POST /api/v1/supervision/follow-ups/:id/result': {
    rule: 'supervision:manage',
    request: async (f) => {
      const x = await f.followUp();
      return { url: `${S}/follow-ups/${x.id}/result`, payload: { version: x.version, reached: true, result: 'satisfied' } };
    },
  },
  // ——— observation reports: volunteers file (observation:file), supervisors handle; complaint handling ———
  'GET /api/v1/supervision/observations': { rule: 'supervision:manage', request: at(`${S}/observations`) },
  'GET /api/v1/supervision/observations/mine': { rule: 'observation:file', request: at(`${S}/observations/mine`) },
  'POST /api/v1/supervision/observations': {
    rule: 'observation:file',
    request: (f) => ({ url: `${S}/observations`, payload: { windowId: f.windowId, observedAt: '2026-03-01T02:00:00.000Z', content: '窗口无人值守', rating: 'dissatisfied' } }),
  },
  'POST /api/v1/supervision/observations/:id/handle': {
    rule: 'supervision:manage',
    request: async (f) => {
      const o = await f.observation(f.windowId);
      return { url: `${S}/observations/${o.id}/handle`, payload: { version: o.version, handling: '已约谈窗口负责人' } };
    },
  },
  'GET /api/v1/supervision/complaints/:id': { rule: 'supervision:manage', request: async (f) => ({ url: `${S}/complaints/${(await f.complaint()).id}` }) },
  'POST /api/v1/supervision/complaints/:id/steps': {
    rule: 'supervision:manage',
    request: async (f) => {
      const c = await f.complaint();
      return { url: `${S}/complaints/${c.id}/steps`, payload: { version: c.version, step: 'accept' } };
    },
  },
  'GET /api/v1/rectifications': { rule: 'supervision:read', request: at('/api/v1/rectifications') },
  'GET /api/v1/rectifications/:id': { rule: 'supervision:read', request: async (f) => ({ url: `/api/v1/rectifications/${(await f.rectification()).id}` }) },
  'POST /api/v1/rectifications/:id/steps': {
    rule: 'supervision:read',
    narrower: (u) => u === 'leader' || u === 'supervisor',
    request: async (f) => {
      const r = await f.rectification();
      return { url: `/api/v1/rectifications/${r.id}/steps`, payload: { kind: 'verify', version: r.version, valid: true, note: '情况属实' } };
    },
  },
  // ——— public: the window screen, the SMS link, the figures ———
  'GET /api/v1/hall/rate/:windowId': { rule: 'public', request: (f) => ({ url: `/api/v1/hall/rate/${f.windowId}` }) },
  // nothing handled at the window yet: 409 (not the current case) for everyone, never 401/403
  'POST /api/v1/hall/rate/:windowId': {
    rule: 'public',
    request: (f) => ({ url: `/api/v1/hall/rate/${f.windowId}`, payload: { caseId: f.org.cityId, occasion: 'whole', level: 'satisfied' } }),
  },
  'GET /api/v1/public/rate/:token': { rule: 'public', request: async (f) => ({ url: `/api/v1/public/rate/${await f.ratingToken()}` }) },
  'POST /api/v1/public/rate/:token': { rule: 'public', request: async (f) => ({ url: `/api/v1/public/rate/${await f.ratingToken()}`, payload: { level: 'satisfied' } }) },
  'GET /api/v1/public/figures': { rule: 'public', request: (f) => ({ url: `/api/v1/public/figures?centerId=${f.org.cityId}&period=year` }) },
};
