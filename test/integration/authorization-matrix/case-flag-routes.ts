/**
 * The green channel, credit records and denial reports in the matrix. The green channel is the
 * window's or the department leader's (the domain's role rule: clerk, chief rep, leader); credit
 * records are read with supervision:read (center-wide grants see them) and kept by the office
 * (supervision:manage); the window checks credit before 容缺 (case:accept); a denial report is
 * acknowledged by the office or the department's leader (manage or respond).
 */
import type { Req, RouteCase } from './routes.js';

const S = '/api/v1/supervision';

export const CASE_FLAG_MATRIX: Record<string, RouteCase> = {
  'POST /api/v1/cases/:id/green-channel': {
    rule: 'case:accept',
    narrower: (u) => u === 'clerk' || u === 'chiefrep' || u === 'leader',
    request: async (f): Promise<Req> => {
      const c = await f.submittedCase();
      return { url: `/api/v1/cases/${c.id}/green-channel`, payload: { version: c.version, on: true, escortId: f.staffId, reason: '市重点项目' } };
    },
  },
  'GET /api/v1/supervision/credit-records': { rule: 'supervision:read', request: () => ({ url: `${S}/credit-records?active=true` }) },
  'POST /api/v1/supervision/credit-records': {
    rule: 'supervision:manage',
    request: (f) => ({ url: `${S}/credit-records`, payload: { centerId: f.org.cityId, subjectKind: 'enterprise', subjectNo: '91370100MA3C123459', subjectName: '矩阵测试有限公司', reason: '虚假材料' } }),
  },
  'POST /api/v1/supervision/credit-records/:id/lift': {
    rule: 'supervision:manage',
    request: async (f) => {
      const r = await f.creditRecord();
      return { url: `${S}/credit-records/${r.id}/lift`, payload: { version: r.version, reason: '信用修复完成' } };
    },
  },
  'GET /api/v1/credit-check': { rule: 'case:accept', request: () => ({ url: '/api/v1/credit-check?subjectNo=91370100MA3C123459' }) },
  'GET /api/v1/supervision/denial-reports': { rule: 'supervision:read', request: () => ({ url: `${S}/denial-reports` }) },
  'POST /api/v1/supervision/denial-reports/:id/acknowledge': {
    rule: 'supervision:read',
    narrower: (u) => u === 'supervisor' || u === 'leader',
    request: async (f) => {
      const r = await f.denialReport();
      return { url: `${S}/denial-reports/${r.id}/acknowledge`, payload: { version: r.version } };
    },
  },
};
