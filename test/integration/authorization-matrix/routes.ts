/**
 * The matrix: one entry per `METHOD url` the app serves, with its access rule and a valid
 * request (real ids from the fixtures; rows put into the state the request needs first).
 * A new route fails the matrix test until it is added here.
 */
import type { Fixtures } from './fixtures.js';
import { ACTORS, type ActorName, type Rule, type User } from './actors.js';
import { PASSWORD } from '../../helpers/fixtures.js';
import { multipartBody, PDF_BYTES } from '../catalogue-helpers.js';
import { HALL_MATRIX } from './hall-routes.js';
import { SUPERVISION_MATRIX } from './supervision-routes.js';
import { BUNDLE_CASE_MATRIX } from './bundle-case-routes.js';
import { MEETING_MATRIX } from './meeting-routes.js';
import { CASE_FLAG_MATRIX } from './case-flag-routes.js';
import { BUNDLE_ONLINE_MATRIX } from './bundle-online-routes.js';

export interface Req {
  url: string;
  payload?: string | object | Buffer;
  headers?: Record<string, string>;
}

export interface RouteCase {
  rule: Rule;
  /** only where the route asks for more than the permission (see the comment at the entry) */
  narrower?: (u: User) => boolean;
  /** the request ends the session: each user sends it from a session of its own */
  ownSession?: boolean;
  request(f: Fixtures, actor: ActorName): Req | Promise<Req>;
}

const A = '/api/v1/admin';
// test data in the import format, not an official notice
const LIST_2027 = '2027-01-01~2027-01-03 休 元旦\n2027-10-01~2027-10-07 休 国庆节\n2027-10-09 班 国庆节';

const at = (url: string) => (): Req => ({ url });
type Table = 'centers' | 'departments' | 'windows' | 'users';
/** deactivate / activate: the row's current version */
const stateMove = (path: string, table: Table, id: (f: Fixtures) => string, action: 'deactivate' | 'activate') =>
  async (f: Fixtures): Promise<Req> => ({ url: `${A}/${path}/${id(f)}/${action}`, payload: { version: await f.version(table, id(f)) } });
/** A move on a case taken in just now, carrying its version. */
const caseMove = (action: string, body: () => object, kind: 'promised' | 'immediate' = 'promised') =>
  async (f: Fixtures): Promise<Req> => {
    const c = await f.submittedCase(kind);
    return { url: `/api/v1/cases/${c.id}/${action}`, payload: { version: c.version, ...body() } };
  };
/** A move on a fee of a case in `state`, carrying the case's version. */
const feeMove = (state: 'assessed' | 'paid', action: string, body: object) =>
  async (f: Fixtures): Promise<Req> => {
    const c = await f.feeCase(state);
    return { url: `/api/v1/cases/${c.id}/fees/${c.feeId}/${action}`, payload: { version: c.version, ...body } };
  };
/** Center-wide grants only (of the matrix's users, the center admin's): a department's grant covers no bundle. */
const CENTER_WIDE = (u: User) => u === 'admin';
const SUSPENDERS = (u: User) => u === 'leader' || u === 'chiefrep' || u === 'reviewer';
const staffBody = (f: Fixtures) => ({
  displayName: '矩阵测试收件员',
  grants: [{ role: 'clerk', centerId: f.org.cityId, departmentId: f.org.deptA }],
});

export const MATRIX: Record<string, RouteCase> = {
  // ——— system and sessions ———
  'GET /api/health': { rule: 'public', request: at('/api/health') },
  'POST /api/auth/login': {
    rule: 'public',
    request: (_f, a) => ({ url: '/api/auth/login', payload: { username: a === 'anonymous' ? 'volunteer' : a, password: PASSWORD } }),
  },
  'POST /api/auth/logout': { rule: 'public', ownSession: true, request: at('/api/auth/logout') },
  'GET /api/auth/me': { rule: 'public', request: at('/api/auth/me') },
  'POST /api/auth/password': {
    rule: 'login',
    // refused as unchanged (400) after the login and current-password checks: no account changes
    request: () => ({ url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword: PASSWORD } }),
  },

  // ——— action log ———
  'GET /api/v1/admin/audit': { rule: 'audit:read', request: at(`${A}/audit`) },
  'GET /api/v1/admin/audit/verify': { rule: 'audit:read', request: at(`${A}/audit/verify`) },

  // ——— catalogue ———
  'GET /api/v1/admin/items': { rule: 'catalogue:read', request: at(`${A}/items`) },
  'POST /api/v1/admin/items': {
    rule: 'catalogue:edit',
    request: (f, a) => ({ url: `${A}/items`, payload: f.itemData({ code: `MX-${a}`, name: `矩阵测试事项${a}` }) }),
  },
  // checking data is a read: whoever may read the department's catalogue may check it
  'POST /api/v1/admin/items/validate': { rule: 'catalogue:read', request: (f) => ({ url: `${A}/items/validate`, payload: { data: f.itemData({ code: 'MX-NEW' }) } }) },
  'GET /api/v1/admin/items/:id': { rule: 'catalogue:read', request: (f) => ({ url: `${A}/items/${f.itemA}` }) },
  'PUT /api/v1/admin/items/:id/draft': {
    rule: 'catalogue:edit',
    request: async (f) => ({ url: `${A}/items/${f.itemA}/draft`, payload: { version: await f.draftVersion(f.itemA), data: f.itemData() } }),
  },
  'POST /api/v1/admin/items/:id/draft': {
    rule: 'catalogue:edit',
    request: async (f) => (await f.withoutDraft(f.itemA), { url: `${A}/items/${f.itemA}/draft`, payload: {} }),
  },
  'POST /api/v1/admin/items/:id/publish': {
    rule: 'catalogue:publish',
    request: async (f) => ({ url: `${A}/items/${f.itemA}/publish`, payload: { version: await f.draftVersion(f.itemA) } }),
  },
  'POST /api/v1/admin/items/:id/suspend': {
    rule: 'catalogue:publish',
    request: async (f) => ({ url: `${A}/items/${f.itemLife}/suspend`, payload: { version: await f.publicVersion(f.itemLife, 'published'), reason: '矩阵测试' } }),
  },
  'POST /api/v1/admin/items/:id/resume': {
    rule: 'catalogue:publish',
    request: async (f) => ({ url: `${A}/items/${f.itemLife}/resume`, payload: { version: await f.publicVersion(f.itemLife, 'suspended') } }),
  },
  'POST /api/v1/admin/items/:id/retire': {
    rule: 'catalogue:publish',
    request: async (f) => ({ url: `${A}/items/${f.itemLife}/retire`, payload: { version: await f.publicVersion(f.itemLife, 'published') } }),
  },
  'GET /api/v1/admin/items/:id/versions/:versionNo': { rule: 'catalogue:read', request: (f) => ({ url: `${A}/items/${f.itemA}/versions/1` }) },
  'POST /api/v1/admin/items/:id/validate': { rule: 'catalogue:read', request: (f) => ({ url: `${A}/items/${f.itemA}/validate`, payload: { data: f.itemData() } }) },
  'POST /api/v1/admin/files': { rule: 'catalogue:edit', request: () => ({ url: `${A}/files`, ...multipartBody('申请表.pdf', PDF_BYTES, 'application/pdf') }) },
  'GET /api/v1/admin/files/:id': { rule: 'catalogue:read', request: (f) => ({ url: `${A}/files/${f.fileId}` }) },
  // export carries drafts and every form: the import permission, not catalogue:read
  'GET /api/v1/admin/catalogue/export': { rule: 'catalogue:import', request: (f) => ({ url: `${A}/catalogue/export?centerId=${f.org.cityId}` }) },
  'POST /api/v1/admin/catalogue/import': {
    rule: 'catalogue:import',
    request: (f) => ({ url: `${A}/catalogue/import?centerId=${f.org.cityId}`, payload: f.exportJson }),
  },

  // ——— bundles (一件事): a bundle spans departments, so writing one takes a center-wide grant ———
  'GET /api/v1/admin/bundles': { rule: 'catalogue:read', request: at(`${A}/bundles`) },
  'POST /api/v1/admin/bundles': { rule: 'catalogue:edit', narrower: CENTER_WIDE, request: (f, a) => ({ url: `${A}/bundles`, payload: f.bundleBody(`MXB-${a}`) }) },
  'GET /api/v1/admin/bundles/:id': { rule: 'catalogue:read', request: (f) => ({ url: `${A}/bundles/${f.bundleId}` }) },
  'PUT /api/v1/admin/bundles/:id': {
    rule: 'catalogue:edit',
    narrower: CENTER_WIDE,
    request: async (f) => ({ url: `${A}/bundles/${f.bundleId}`, payload: { ...f.bundleBody('MXB-MAIN'), version: await f.bundleIn('publishable') } }),
  },
  'POST /api/v1/admin/bundles/:id/publish': {
    rule: 'catalogue:publish',
    narrower: CENTER_WIDE,
    request: async (f) => ({ url: `${A}/bundles/${f.bundleId}/publish`, payload: { version: await f.bundleIn('publishable') } }),
  },
  'POST /api/v1/admin/bundles/:id/retire': {
    rule: 'catalogue:publish',
    narrower: CENTER_WIDE,
    request: async (f) => ({ url: `${A}/bundles/${f.bundleId}/retire`, payload: { version: await f.bundleIn('published') } }),
  },

  // ——— calendar ———
  'GET /api/v1/admin/calendar/overrides': { rule: 'calendar:manage', request: at(`${A}/calendar/overrides`) },
  'POST /api/v1/admin/calendar/overrides': {
    rule: 'calendar:manage',
    request: (f) => ({ url: `${A}/calendar/overrides`, payload: { scope: f.org.cityId, date: '2027-05-06', workday: false, name: '矩阵测试' } }),
  },
  'DELETE /api/v1/admin/calendar/overrides/:id': {
    rule: 'calendar:manage',
    request: async (f) => ({ url: `${A}/calendar/overrides/${await f.override(f.org.cityId)}` }),
  },
  'POST /api/v1/admin/calendar/import': {
    rule: 'calendar:manage',
    // the national arrangement: calendar:manage over every center, or an admin of a root center
    // (the fixture's city) — a county's admin holds calendar:manage but not this
    narrower: (u) => u === 'admin',
    request: () => ({ url: `${A}/calendar/import`, payload: { scope: 'national', year: 2027, text: LIST_2027 } }),
  },
  // the staff home page warns about missing holiday years: any org:read, not calendar:manage
  'GET /api/v1/admin/calendar/coverage': { rule: 'org:read', request: at(`${A}/calendar/coverage`) },

  // ——— centers ———
  'GET /api/v1/admin/centers': { rule: 'org:read', request: at(`${A}/centers`) },
  'POST /api/v1/admin/centers': {
    rule: 'org:manage', // over the parent: the city
    request: (f, a) => ({
      url: `${A}/centers`,
      payload: { parentId: f.org.cityId, name: `矩阵测试分中心${a}`, kind: 'subCenter', areaCode: String(370150 + ACTORS.indexOf(a)) },
    }),
  },
  'GET /api/v1/admin/centers/:id': { rule: 'org:read', request: (f) => ({ url: `${A}/centers/${f.org.cityId}` }) },
  'PUT /api/v1/admin/centers/:id': {
    rule: 'org:manage',
    request: async (f) => ({
      url: `${A}/centers/${f.spareCenter}`,
      payload: {
        parentId: f.org.cityId, name: '测试市政务服务中心东区分中心', kind: 'subCenter', areaCode: '370199',
        address: '东区政务大厅', phone: '', timeZone: 'Asia/Shanghai', version: await f.version('centers', f.spareCenter),
      },
    }),
  },
  // a center is switched off and on from above: org:manage over its parent (the city)
  'POST /api/v1/admin/centers/:id/deactivate': { rule: 'org:manage', request: stateMove('centers', 'centers', (f) => f.spareCenter, 'deactivate') },
  'POST /api/v1/admin/centers/:id/activate': { rule: 'org:manage', request: stateMove('centers', 'centers', (f) => f.spareCenter, 'activate') },

  // ——— departments ———
  'GET /api/v1/admin/departments': { rule: 'org:read', request: at(`${A}/departments`) },
  'POST /api/v1/admin/departments': {
    rule: 'org:manage',
    request: (f, a) => ({ url: `${A}/departments`, payload: { centerId: f.org.cityId, code: `MX-${a}`, name: `矩阵测试部门${a}` } }),
  },
  'GET /api/v1/admin/departments/:id': { rule: 'org:read', request: (f) => ({ url: `${A}/departments/${f.org.deptA}` }) },
  'PUT /api/v1/admin/departments/:id': {
    rule: 'org:manage',
    request: async (f) => ({
      url: `${A}/departments/${f.spareDept}`,
      payload: { code: 'SPARE', name: '备用部门', shortName: '备用', version: await f.version('departments', f.spareDept) },
    }),
  },
  'POST /api/v1/admin/departments/:id/deactivate': { rule: 'org:manage', request: stateMove('departments', 'departments', (f) => f.spareDept, 'deactivate') },
  'POST /api/v1/admin/departments/:id/activate': { rule: 'org:manage', request: stateMove('departments', 'departments', (f) => f.spareDept, 'activate') },

  // ——— windows ———
  'GET /api/v1/admin/windows': { rule: 'org:read', request: at(`${A}/windows`) },
  'POST /api/v1/admin/windows': {
    rule: 'org:manage',
    request: (f, a) => ({
      url: `${A}/windows`,
      payload: { centerId: f.org.cityId, code: `MX-${a}`, name: `矩阵测试窗口${a}`, kind: 'dedicated', departmentId: f.org.deptA },
    }),
  },
  'GET /api/v1/admin/windows/:id': { rule: 'org:read', request: (f) => ({ url: `${A}/windows/${f.windowId}` }) },
  'PUT /api/v1/admin/windows/:id': {
    rule: 'org:manage',
    request: async (f) => ({
      url: `${A}/windows/${f.windowId}`,
      payload: {
        code: 'W01', name: '综合受理窗口', kind: 'comprehensive', servedDepartmentIds: [f.org.deptA, f.org.deptB], location: '一楼东侧',
        version: await f.version('windows', f.windowId),
      },
    }),
  },
  'POST /api/v1/admin/windows/:id/deactivate': { rule: 'org:manage', request: stateMove('windows', 'windows', (f) => f.windowId, 'deactivate') },
  'POST /api/v1/admin/windows/:id/activate': { rule: 'org:manage', request: stateMove('windows', 'windows', (f) => f.windowId, 'activate') },

  // ——— staff accounts (the account is a clerk of deptA: inside the leader's and the supervisor's user:read) ———
  'GET /api/v1/admin/staff': { rule: 'user:read', request: at(`${A}/staff`) },
  'POST /api/v1/admin/staff': {
    rule: 'user:manage',
    request: (f, a) => ({ url: `${A}/staff`, payload: { ...staffBody(f), username: `mx_${a}`, password: 'Matrix2026pw' } }),
  },
  'GET /api/v1/admin/staff/:id': { rule: 'user:read', request: (f) => ({ url: `${A}/staff/${f.staffId}` }) },
  'PUT /api/v1/admin/staff/:id': {
    rule: 'user:manage',
    request: async (f) => ({ url: `${A}/staff/${f.staffId}`, payload: { ...staffBody(f), version: await f.version('users', f.staffId) } }),
  },
  'POST /api/v1/admin/staff/:id/reset-password': {
    rule: 'user:manage',
    request: (f) => ({ url: `${A}/staff/${f.staffId}/reset-password`, payload: { password: 'Matrix2027pw' } }),
  },
  'POST /api/v1/admin/staff/:id/deactivate': { rule: 'user:manage', request: stateMove('staff', 'users', (f) => f.staffId, 'deactivate') },
  'POST /api/v1/admin/staff/:id/activate': { rule: 'user:manage', request: stateMove('staff', 'users', (f) => f.staffId, 'activate') },
  'POST /api/v1/admin/staff/:id/unlock': { rule: 'user:manage', request: (f) => ({ url: `${A}/staff/${f.staffId}/unlock` }) },

  // ——— delegations ———
  // read with org:read over the department (not delegation:manage): chief reps see what they may decide
  'GET /api/v1/admin/delegations': { rule: 'org:read', request: (f) => ({ url: `${A}/delegations?departmentId=${f.org.deptA}` }) },
  'POST /api/v1/admin/delegations': {
    rule: 'delegation:manage',
    request: async (f) => (
      await f.noDelegation(f.itemLife),
      { url: `${A}/delegations`, payload: { departmentId: f.org.deptA, itemId: f.itemLife, note: '矩阵测试' } }
    ),
  },
  'DELETE /api/v1/admin/delegations/:id': {
    rule: 'delegation:manage',
    request: async (f) => ({ url: `${A}/delegations/${await f.delegation(f.itemA, f.org.deptA)}` }),
  },

  // ——— cases (window) ———
  // each write gets a case of its own, just taken in, so every allowed actor's move is valid
  'POST /api/v1/cases': {
    rule: 'case:intake',
    request: (f) => ({ url: '/api/v1/cases', payload: { itemId: f.itemA, applicant: { kind: 'enterprise', name: '矩阵测试有限公司', uscc: '91370100MA3C123459' } } }),
  },
  'GET /api/v1/cases': { rule: 'case:read', request: at('/api/v1/cases?view=today&q=370100') },
  'GET /api/v1/cases/:id': { rule: 'case:read', request: async (f) => ({ url: `/api/v1/cases/${(await f.submittedCase()).id}` }) },
  'POST /api/v1/cases/:id/accept': { rule: 'case:accept', request: caseMove('accept', () => ({})) },
  'POST /api/v1/cases/:id/supplement': {
    rule: 'case:accept',
    request: caseMove('supplement', () => ({ materials: [{ code: 'M02', problem: 'missing', note: '' }] })),
  },
  'POST /api/v1/cases/:id/refuse': {
    rule: 'case:accept',
    request: caseMove('refuse', () => ({ reason: '不属于本部门职权范围', legalBasis: ['《中华人民共和国行政许可法》第三十二条'], redirectTo: null })),
  },
  'POST /api/v1/cases/:id/conclude-immediately': {
    rule: 'case:accept',
    request: caseMove('conclude-immediately', () => ({ decision: { outcome: 'approved', note: '' } }), 'immediate'),
  },

  'POST /api/v1/cases/:id/start-review': {
    rule: 'case:accept',
    request: async (f) => {
      const c = await f.acceptedCase();
      return { url: `/api/v1/cases/${c.id}/start-review`, payload: { version: c.version } };
    },
  },
  'POST /api/v1/cases/:id/deliver': {
    rule: 'case:accept',
    request: async (f) => {
      const c = await f.decidedCase(true);
      return { url: `/api/v1/cases/${c.id}/deliver`, payload: { version: c.version, delivery: { method: 'mail', carrier: '中国邮政EMS', trackingNo: '1234567890123' } } };
    },
  },
  // the clerk records the applicant's written withdrawal (the domain gives it to no other staff role)
  'POST /api/v1/cases/:id/withdraw': { rule: 'case:intake', request: caseMove('withdraw', () => ({ reason: '申请人书面申请撤回' })) },

  // ——— cases (back office) ———
  // a leader works the 审核 step (role deptLeader), a reviewer the 初审 / 复核 steps: each gets the step it may work
  'GET /api/v1/review/tasks': { rule: 'case:review', request: at('/api/v1/review/tasks') },
  'POST /api/v1/cases/:id/tasks/:taskId/complete': {
    rule: 'case:review',
    request: async (f, a) => {
      const c = await f.taskCase(a === 'leader' ? 2 : 0);
      return { url: `/api/v1/cases/${c.id}/tasks/${c.taskId}/complete`, payload: { version: c.version, opinion: '同意' } };
    },
  },
  'POST /api/v1/cases/:id/tasks/:taskId/return': {
    rule: 'case:review',
    request: async (f, a) => {
      const c = await f.taskCase(a === 'leader' ? 2 : 1);
      return { url: `/api/v1/cases/${c.id}/tasks/${c.taskId}/return`, payload: { version: c.version, reason: '请重新核查' } };
    },
  },
  // the item is delegated to deptA: its chief rep decides at the window, as its leader may
  'POST /api/v1/cases/:id/decide': {
    rule: 'case:decide',
    request: async (f) => {
      const c = await f.acceptedCase('delegated');
      return { url: `/api/v1/cases/${c.id}/decide`, payload: { version: c.version, decision: { outcome: 'approved', note: '' } } };
    },
  },
  'POST /api/v1/cases/:id/conclude': {
    rule: 'case:decide',
    request: async (f) => {
      const c = await f.decidedCase();
      return { url: `/api/v1/cases/${c.id}/conclude`, payload: { version: c.version } };
    },
  },

  // ——— fees (window): a case of a charged item in the state each move needs ———
  'POST /api/v1/cases/:id/fees': {
    rule: 'case:accept',
    request: async (f) => {
      const c = await f.feeCase('accepted');
      return { url: `/api/v1/cases/${c.id}/fees`, payload: { version: c.version } };
    },
  },
  'POST /api/v1/cases/:id/fees/:feeId/pay': { rule: 'case:accept', request: feeMove('assessed', 'pay', { method: 'cash' }) },
  'POST /api/v1/cases/:id/fees/:feeId/cancel': { rule: 'case:accept', request: feeMove('assessed', 'cancel', { reason: '核定有误' }) },
  'POST /api/v1/cases/:id/fees/:feeId/refund': { rule: 'case:accept', request: feeMove('paid', 'refund', { reason: '重复收取' }) },

  // ——— special procedures and termination (back office) ———
  // the domain gives suspend / resume to the decider (leader; chief rep on this delegated item) and
  // to the reviewer holding the open task — under case:decide or case:review, so narrower than either
  'POST /api/v1/cases/:id/suspend': {
    rule: 'case:review',
    narrower: SUSPENDERS,
    request: async (f) => {
      const c = await f.procedureCase('inReview');
      return { url: `/api/v1/cases/${c.id}/suspend`, payload: { version: c.version, procedure: 'hearing', reason: '举行听证', limitDays: 20 } };
    },
  },
  'POST /api/v1/cases/:id/resume': {
    rule: 'case:review',
    narrower: SUSPENDERS,
    request: async (f) => {
      const c = await f.procedureCase('suspended');
      return { url: `/api/v1/cases/${c.id}/resume`, payload: { version: c.version } };
    },
  },
  // the item is delegated to deptA: its chief rep terminates, as its leader may
  'POST /api/v1/cases/:id/terminate': {
    rule: 'case:decide',
    request: async (f) => {
      const c = await f.acceptedCase('delegated');
      return { url: `/api/v1/cases/${c.id}/terminate`, payload: { version: c.version, reason: '申请人已注销' } };
    },
  },

  // ——— supply, recheck, forward answer ———
  // the clerk records the applicant's moves (the domain gives them to no other staff role)
  'POST /api/v1/cases/:id/supply': {
    rule: 'case:intake',
    request: async (f) => {
      const c = await f.supplementCase();
      return { url: `/api/v1/cases/${c.id}/supply`, payload: { version: c.version, materials: ['M02'] } };
    },
  },
  'POST /api/v1/cases/:id/ask-recheck': {
    rule: 'case:intake',
    request: async (f) => {
      const c = await f.refusedCase(false);
      return { url: `/api/v1/cases/${c.id}/ask-recheck`, payload: { version: c.version, reason: '材料已齐全，请求复核' } };
    },
  },
  // the center's supervision office answers (city-wide case:recheck)
  'POST /api/v1/cases/:id/answer-recheck': {
    rule: 'case:recheck',
    request: async (f) => {
      const c = await f.refusedCase(true);
      return { url: `/api/v1/cases/${c.id}/answer-recheck`, payload: { version: c.version, upheld: true, reason: '维持不予受理决定' } };
    },
  },
  // the window (case:accept) or the department's leader (case:decide) records the answer
  'POST /api/v1/cases/:id/forward-answer': {
    rule: 'case:accept',
    narrower: (u) => u === 'clerk' || u === 'chiefrep' || u === 'leader',
    request: async (f) => {
      const c = await f.forwardedCase();
      return { url: `/api/v1/cases/${c.id}/forward-answer`, payload: { version: c.version, result: 'approved', reference: '鲁市监许〔2026〕1号' } };
    },
  },

  // ——— settings (the admin's center: the city) ———
  'GET /api/v1/admin/settings/case': { rule: 'settings:manage', request: at(`${A}/settings/case`) },
  'PUT /api/v1/admin/settings/case': {
    rule: 'settings:manage',
    request: async (f) => ({ url: `${A}/settings/case`, payload: { version: await f.caseSettingsVersion(), lightWarningDays: 2, supplementDueWorkdays: 10, deferredReturnWorkdays: 15 } }),
  },
  'GET /api/v1/admin/settings/supervision': { rule: 'settings:manage', request: at(`${A}/settings/supervision`) },
  'PUT /api/v1/admin/settings/supervision': {
    rule: 'settings:manage',
    request: async (f) => ({
      url: `${A}/settings/supervision`,
      payload: { version: await f.supervisionSettingsVersion(), ratingPeriodDays: 7, defaultLevel: 'satisfied', rectifyWorkdays: 15, followUpPercent: 5, orderResponseWorkdays: 3 },
    }),
  },

  // ——— public pages ———
  'GET /api/v1/public/progress': {
    rule: 'public',
    request: async (f) => {
      const n = await f.acceptedNotice();
      return { url: `/api/v1/public/progress?${new URLSearchParams({ caseNo: n.caseNo, code: n.code })}` };
    },
  },
  'GET /api/v1/public/progress/notices/:noticeId': {
    rule: 'public',
    request: async (f) => {
      const n = await f.acceptedNotice();
      return { url: `/api/v1/public/progress/notices/${n.noticeId}?${new URLSearchParams({ caseNo: n.caseNo, code: n.code })}` };
    },
  },
  'GET /api/v1/cases/:id/notices/:noticeId/pdf': {
    rule: 'case:read',
    request: async (f) => {
      const n = await f.acceptedNotice();
      return { url: `/api/v1/cases/${n.caseId}/notices/${n.noticeId}/pdf` };
    },
  },
  // ——— the signed-in person's message box ———
  'GET /api/v1/me/messages': { rule: 'login', request: at('/api/v1/me/messages') },
  'POST /api/v1/me/messages/:id/read': {
    rule: 'login',
    request: async (f, a) => ({ url: `/api/v1/me/messages/${await f.messageFor(a === 'anonymous' ? 'clerk' : a)}/read`, payload: {} }),
  },
  'GET /api/v1/public/items': { rule: 'public', request: at('/api/v1/public/items') },
  'GET /api/v1/public/items/:id': { rule: 'public', request: (f) => ({ url: `/api/v1/public/items/${f.itemA}` }) },
  'GET /api/v1/public/departments': { rule: 'public', request: at('/api/v1/public/departments') },
  'GET /api/v1/public/themes': { rule: 'public', request: at('/api/v1/public/themes') },
  'GET /api/v1/public/bundles': { rule: 'public', request: at('/api/v1/public/bundles') },
  'GET /api/v1/public/bundles/:id': { rule: 'public', request: async (f) => (await f.bundleIn('published'), { url: `/api/v1/public/bundles/${f.bundleId}` }) },
  'GET /api/v1/public/files/:id': { rule: 'public', request: (f) => ({ url: `/api/v1/public/files/${f.fileId}` }) },
  'GET /api/v1/calendar/deadline': { rule: 'public', request: at('/api/v1/calendar/deadline?from=2026-03-02&workdays=5') },
  'GET /api/v1/calendar/days': { rule: 'public', request: at('/api/v1/calendar/days?year=2026') },
  // ——— the online hall (hall-routes.ts) ———
  ...HALL_MATRIX,
  // ——— supervision and evaluation (supervision-routes.ts) ———
  ...SUPERVISION_MATRIX,
  // ——— bundle runs (bundle-case-routes.ts) and joint review meetings (meeting-routes.ts) ———
  ...BUNDLE_CASE_MATRIX,
  ...MEETING_MATRIX,
  // ——— green channel, credit records, denial reports (case-flag-routes.ts) ———
  ...CASE_FLAG_MATRIX,
  // ——— online bundle applications (bundle-online-routes.ts) ———
  ...BUNDLE_ONLINE_MATRIX,
};
