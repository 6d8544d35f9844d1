/**
 * The online hall's entries of the matrix. Applicant routes admit applicant accounts only:
 * every staff role gets 403. actors.ts lets `narrower` decide only under a permission rule (a
 * `login` rule admits everyone), so these entries carry `case:read` as a placeholder and
 * `narrower` says who passes.
 */
import type { User } from './actors.js';
import type { Fixtures } from './fixtures.js';
import type { Req, RouteCase } from './routes.js';
import { multipartBody, PDF_BYTES } from '../catalogue-helpers.js';

const H = '/api/v1/hall';
const P = '/api/v1/public';
const APPLICANT = (u: User) => u === 'applicant';
/** the department's staff who answer consultations: case:accept, case:review or case:decide */
const ANSWERING = (u: User) => u === 'clerk' || u === 'chiefrep' || u === 'reviewer' || u === 'leader';
const SUPERVISOR = (u: User) => u === 'supervisor';

const applicant = (request: (f: Fixtures) => Req | Promise<Req>): RouteCase => ({ rule: 'case:read', narrower: APPLICANT, request });
const at = (url: string) => (): Req => ({ url });
const pdf = (url: string): Req => ({ url, ...multipartBody('材料.pdf', PDF_BYTES, 'application/pdf') });

let seq = 0;
const nextMobile = () => `1350000${String(++seq).padStart(4, '0')}`;

export const HALL_MATRIX: Record<string, RouteCase> = {
  // ——— accounts (public, rate-limited per client) ———
  'POST /api/v1/hall/sms-codes': { rule: 'public', request: () => ({ url: `${H}/sms-codes`, payload: { mobile: nextMobile(), purpose: 'register' } }) },
  'POST /api/v1/hall/register': {
    rule: 'public',
    request: (_f, a) => ({ url: `${H}/register`, payload: { method: 'email', email: `mx-${a}-${++seq}@example.com`, password: 'Matrix2026pw' } }),
  },
  // refused at the code check (400: no code was sent to the number): nothing changes
  'POST /api/v1/hall/password-reset': {
    rule: 'public',
    request: (f) => ({ url: `${H}/password-reset`, payload: { mobile: f.hall.agentMobile, code: '000000', newPassword: 'Matrix2027pw' } }),
  },
  'GET /api/v1/hall/profile': applicant(at(`${H}/profile`)),
  'PUT /api/v1/hall/profile': applicant(async (f) => ({ url: `${H}/profile`, payload: { version: await f.hall.profileVersion(), displayName: '矩阵测试有限公司' } })),
  // the same identity again: 200 until a case is filed under it, then 409 (fixed)
  'PUT /api/v1/hall/profile/identity': applicant(async (f) => ({
    url: `${H}/profile/identity`,
    payload: { version: await f.hall.profileVersion(), kind: 'enterprise', name: '矩阵测试有限公司', uscc: '91370100MA3C123459', legalRep: '矩阵' },
  })),
  'GET /api/v1/hall/agents': applicant(at(`${H}/agents`)),
  'POST /api/v1/hall/agents': applicant(async (f) => (await f.hall.noAgent(), { url: `${H}/agents`, payload: { mobile: f.hall.agentMobile } })),
  'DELETE /api/v1/hall/agents/:id': applicant(async (f) => ({ url: `${H}/agents/${await f.hall.agent()}` })),
  'GET /api/v1/hall/messages': applicant(at(`${H}/messages`)),
  'POST /api/v1/hall/messages/:id/read': applicant(async (f) => ({ url: `${H}/messages/${await f.hall.message()}/read`, payload: {} })),

  // ——— applying online ———
  'GET /api/v1/public/items/:id/form': { rule: 'public', request: (f) => ({ url: `${P}/items/${f.hall.itemId}/form` }) },
  'GET /api/v1/hall/drafts': applicant(at(`${H}/drafts`)),
  'POST /api/v1/hall/drafts': applicant((f) => ({ url: `${H}/drafts`, payload: { itemId: f.hall.itemId } })),
  'GET /api/v1/hall/drafts/:id': applicant(async (f) => ({ url: `${H}/drafts/${(await f.hall.draft()).id}` })),
  'PUT /api/v1/hall/drafts/:id': applicant(async (f) => {
    const d = await f.hall.draft();
    return { url: `${H}/drafts/${d.id}`, payload: { version: d.version, formData: { entName: '矩阵测试有限公司' } } };
  }),
  'DELETE /api/v1/hall/drafts/:id': applicant(async (f) => ({ url: `${H}/drafts/${(await f.hall.draft()).id}` })),
  'POST /api/v1/hall/drafts/:id/submit': applicant(async (f) => {
    const d = await f.hall.draft(true);
    return { url: `${H}/drafts/${d.id}/submit`, payload: { version: d.version } };
  }),
  'POST /api/v1/hall/drafts/:id/materials': applicant(async (f) => pdf(`${H}/drafts/${(await f.hall.draft()).id}/materials?materialCode=M02`)),
  'DELETE /api/v1/hall/drafts/:id/materials/:materialId': applicant(async (f) => {
    const d = await f.hall.draft();
    return { url: `${H}/drafts/${d.id}/materials/${d.uploadId}` };
  }),
  'GET /api/v1/hall/files/:id': applicant(async (f) => ({ url: `${H}/files/${(await f.hall.draft()).fileId}` })),

  // ——— my cases ———
  'GET /api/v1/hall/cases': applicant(at(`${H}/cases`)),
  'GET /api/v1/hall/cases/:id': applicant(async (f) => ({ url: `${H}/cases/${(await f.hall.submitted()).id}` })),
  'GET /api/v1/hall/cases/:id/notices/:noticeId/pdf': applicant(async (f) => {
    const c = await f.hall.supplement(false);
    return { url: `${H}/cases/${c.id}/notices/${c.noticeId}/pdf` };
  }),
  'POST /api/v1/hall/cases/:id/materials': applicant(async (f) => pdf(`${H}/cases/${(await f.hall.supplement(false)).id}/materials?materialCode=M02`)),
  'DELETE /api/v1/hall/cases/:id/materials/:materialId': applicant(async (f) => {
    const c = await f.hall.supplement(true);
    return { url: `${H}/cases/${c.id}/materials/${c.uploadId}` };
  }),
  'POST /api/v1/hall/cases/:id/supply': applicant(async (f) => {
    const c = await f.hall.supplement(true);
    return { url: `${H}/cases/${c.id}/supply`, payload: { version: c.version } };
  }),
  'POST /api/v1/hall/cases/:id/withdraw': applicant(async (f) => {
    const c = await f.hall.submitted();
    return { url: `${H}/cases/${c.id}/withdraw`, payload: { version: c.version, reason: '矩阵测试撤回' } };
  }),
  'POST /api/v1/hall/cases/:id/ask-recheck': applicant(async (f) => {
    const c = await f.hall.refused();
    return { url: `${H}/cases/${c.id}/ask-recheck`, payload: { version: c.version, reason: '材料已齐全，请求复核' } };
  }),
  'POST /api/v1/hall/cases/:id/evaluations': applicant(async (f) => ({ url: `${H}/cases/${(await f.hall.accepted()).id}/evaluations`, payload: { occasion: 'acceptance', level: 'satisfied' } })),

  // ——— consultations, complaints, publication ———
  'GET /api/v1/hall/consultations': applicant(at(`${H}/consultations`)),
  'POST /api/v1/hall/consultations': applicant((f) => ({ url: `${H}/consultations`, payload: { itemId: f.hall.itemId, question: '矩阵测试咨询' } })),
  'GET /api/v1/hall/complaints': applicant(at(`${H}/complaints`)),
  'POST /api/v1/hall/complaints': applicant(async (f) => ({ url: `${H}/complaints`, payload: { subject: 'case', caseId: (await f.hall.submitted()).id, content: '矩阵测试投诉' } })),
  'GET /api/v1/public/items/:id/consultations': { rule: 'public', request: (f) => ({ url: `${P}/items/${f.hall.itemId}/consultations` }) },
  'GET /api/v1/public/publications': { rule: 'public', request: at(`${P}/publications`) },
  'GET /api/v1/public/windows': { rule: 'public', request: at(`${P}/windows`) },

  // ——— the staff side: deptA's online case; consultations of deptA's item; the center's complaints ———
  'GET /api/v1/cases/:id/application': { rule: 'case:read', request: async (f) => ({ url: `/api/v1/cases/${(await f.hall.submitted()).id}/application` }) },
  'GET /api/v1/cases/:id/materials/:materialId/file': {
    rule: 'case:read',
    request: async (f) => {
      const c = await f.hall.submitted();
      return { url: `/api/v1/cases/${c.id}/materials/${c.materialId}/file` };
    },
  },
  'GET /api/v1/consultations': { rule: 'case:read', narrower: ANSWERING, request: at('/api/v1/consultations') },
  'POST /api/v1/consultations/:id/answer': {
    rule: 'case:read',
    narrower: ANSWERING,
    request: async (f) => ({ url: `/api/v1/consultations/${await f.hall.consultation()}/answer`, payload: { version: 1, answer: '矩阵测试答复', public: false } }),
  },
  'GET /api/v1/supervision/complaints': { rule: 'case:recheck', narrower: SUPERVISOR, request: at('/api/v1/supervision/complaints') },
};
