/**
 * Rows the matrix's requests point at, created as the system, and "ensure" helpers that put a
 * row into the state a request needs just before it is sent — so every actor, allowed or not,
 * sends a request that would succeed, and a refusal can only come from the permission check.
 */
import { randomUUID } from 'node:crypto';
import type { ItemDataInput } from '../../../src/contracts/catalogue.js';
import type { CatalogueExport } from '../../../src/contracts/catalogue-api.js';
import { setOverride } from '../../../src/server/services/calendar/admin.js';
import {
  createItem,
  createPublishedItem,
  exportCatalogue,
  getItem,
  newDraft,
  publishItem,
  resumeItem,
  storeFile,
  suspendItem,
} from '../../../src/server/services/catalogue/index.js';
import { systemCtx } from '../../../src/server/services/context.js';
import {
  createCenter,
  createDelegation,
  createDepartment,
  createStaffUser,
  createWindow,
  revokeDelegation,
} from '../../../src/server/services/organisation/index.js';
import type { TestApp } from '../../helpers/app.js';
import type { Org } from '../../helpers/fixtures.js';
import { PDF_BYTES, sampleItem } from '../catalogue-helpers.js';
import { type CaseMoveFixtures, createCaseMoveFixtures } from './case-fixtures.js';
import { type BundleFixtures, createBundleFixtures } from './bundle-fixtures.js';
import { createHallFixtures, type HallFixtures } from './hall-fixtures.js';
import { createSupervisionFixtures, type SupervisionFixtures } from './supervision-fixtures.js';
import { type BundleCaseFixtures, createBundleCaseFixtures } from './bundle-case-fixtures.js';
import { createMeetingFixtures, type MeetingFixtures } from './meeting-fixtures.js';
import { type CaseFlagFixtures, createCaseFlagFixtures } from './case-flag-fixtures.js';
import { type BundleOnlineFixtures, createBundleOnlineFixtures } from './bundle-online-fixtures.js';

export interface Fixtures extends CaseMoveFixtures, BundleFixtures, HallFixtures, SupervisionFixtures, BundleCaseFixtures, MeetingFixtures, CaseFlagFixtures, BundleOnlineFixtures {
  org: Org;
  /** a PDF form; public once itemA (which shows it) was published */
  fileId: string;
  /** deptA, published; reads, drafts and publishing */
  itemA: string;
  /** deptA, published; suspend / resume / retire and new delegations */
  itemLife: string;
  /** deptB, a draft with a delegation — another department's data for deptA's leader */
  itemB: string;
  delegationB: string;
  /** a sub-center under the city and a spare city department: safe to update, deactivate, activate */
  spareCenter: string;
  spareDept: string;
  /** a comprehensive window of the city serving deptA and deptB */
  windowId: string;
  /** a clerk account of deptA */
  staffId: string;
  /** the city's catalogue as exported, for the import route */
  exportJson: CatalogueExport;
  /** itemA's data (code SCJG-XK-0001, deptA, its form attached), with `over` applied */
  itemData(over?: Partial<ItemDataInput>): ItemDataInput;
  /** `version` of the row now (the optimistic-lock token a write must carry) */
  version(table: 'centers' | 'departments' | 'windows' | 'users', id: string): Promise<number>;
  /** the item has a draft; its `version` */
  draftVersion(itemId: string): Promise<number>;
  /** the item has no draft (a pending one is published) */
  withoutDraft(itemId: string): Promise<void>;
  /** the item's public version has this status; its `version` */
  publicVersion(itemId: string, status: 'published' | 'suspended'): Promise<number>;
  /** the item is delegated; the delegation's id */
  delegation(itemId: string, departmentId: string): Promise<string>;
  /** the item is not delegated */
  noDelegation(itemId: string): Promise<void>;
  /** a fresh calendar override of `scope`; its id */
  override(scope: string): Promise<string>;
  /** a case of itemA (or of an immediate deptA item) just taken in at the window: id and version */
  submittedCase(kind?: 'promised' | 'immediate'): Promise<{ id: string; version: number }>;
  /** a case accepted just now: of the review item (or of an item delegated to deptA's chief rep) */
  acceptedCase(item?: 'review' | 'delegated'): Promise<{ id: string; version: number }>;
  /**
   * a case of the review item in review with `completed` steps done (0: 初审 open for a reviewer,
   * 1: 复核 open after 初审, 2: 审核 open for the leader after both); the open task's id
   */
  taskCase(completed: 0 | 1 | 2): Promise<{ id: string; version: number; taskId: string }>;
  /** a case of the delegated item, accepted and approved by deptA's leader (and concluded) */
  decidedCase(concluded?: boolean): Promise<{ id: string; version: number }>;
  /** a case accepted just now and its 受理通知书: ids, number and query code */
  acceptedNotice(): Promise<{ caseId: string; noticeId: string; caseNo: string; code: string }>;
  /** an unread message in `username`'s message box; its id */
  messageFor(username: string): Promise<string>;
}

export async function createFixtures(t: TestApp): Promise<Fixtures> {
  const sys = systemCtx(t.app.deps);
  const k = t.tdb.db.kysely;
  const { org } = t;

  const file = await storeFile(sys, { name: '申请书样表.pdf', data: PDF_BYTES });
  const itemData = (over: Partial<ItemDataInput> = {}) =>
    sampleItem(t, {
      materials: [
        { code: 'M01', name: '食品经营许可申请书', sampleFileId: file.id },
        { code: 'M02', name: '营业执照', form: 'copy' },
      ],
      ...over,
    });
  const itemA = (await createPublishedItem(sys, itemData())).item.id;
  const itemLife = (await createPublishedItem(sys, sampleItem(t, { code: 'SCJG-XK-0002', name: '食品生产许可' }))).item.id;
  const itemB = (await createItem(sys, sampleItem(t, { code: 'ZJJ-XK-0001', name: '建筑工程施工许可', departmentId: org.deptB }))).item.id;
  const delegationB = (await createDelegation(sys, { departmentId: org.deptB, itemId: itemB })).id;

  const spareCenter = (await createCenter(sys, { parentId: org.cityId, name: '测试市政务服务中心东区分中心', kind: 'subCenter', areaCode: '370199' })).id;
  const spareDept = (await createDepartment(sys, { centerId: org.cityId, code: 'SPARE', name: '备用部门' })).id;
  const windowId = (
    await createWindow(sys, { centerId: org.cityId, code: 'W01', name: '综合受理窗口', kind: 'comprehensive', servedDepartmentIds: [org.deptA, org.deptB] })
  ).id;
  const staffId = (
    await createStaffUser(sys, {
      username: 'matrixclerk',
      displayName: '矩阵测试收件员',
      password: 'Matrix2026pw',
      grants: [{ role: 'clerk', centerId: org.cityId, departmentId: org.deptA }],
    })
  ).id;
  const exportJson = await exportCatalogue(sys, org.cityId);

  // cases are taken in over the API by deptA's clerk; the immediate item is made on first use
  let clerk: Awaited<ReturnType<TestApp['login']>> | undefined;
  let immediateItem: string | undefined;
  const submittedCase = async (kind: 'promised' | 'immediate' = 'promised') => {
    clerk ??= await t.login('clerk');
    immediateItem ??= kind === 'immediate'
      ? (await createPublishedItem(sys, sampleItem(t, {
          code: 'SCJG-JB-0001', name: '即办测试事项', handlingClass: 'immediate', promisedLimit: 0,
          procedure: [{ name: '受理并办结', kind: 'accept', role: 'clerk', limitDays: 0 }],
        }))).item.id
      : undefined;
    const itemId = kind === 'immediate' ? immediateItem! : itemA;
    const applicant = { kind: 'enterprise', name: '矩阵测试有限公司', uscc: '91370100MA3C123459' };
    const r = await t.as(clerk, { method: 'POST', url: '/api/v1/cases', payload: { itemId, applicant } });
    if (r.statusCode !== 200) throw new Error(`intake failed: ${r.statusCode} ${r.body}`);
    return { id: r.json().id as string, version: r.json().version as number };
  };

  // the back office: an item with three task steps, and one delegated to deptA's chief rep
  const itemReview = (await createPublishedItem(sys, sampleItem(t, {
    code: 'SCJG-XK-0301', name: '审查测试事项',
    procedure: [
      { name: '受理', kind: 'accept', role: 'clerk', limitDays: 0 },
      { name: '初审', kind: 'review', role: 'reviewer', limitDays: 3 },
      { name: '复核', kind: 'review', role: 'reviewer', limitDays: 2 },
      { name: '审核', kind: 'review', role: 'deptLeader', limitDays: 2 },
      { name: '决定', kind: 'decide', role: 'deptLeader', limitDays: 2 },
    ],
  }))).item.id;
  const itemDelegated = (await createPublishedItem(sys, sampleItem(t, { code: 'SCJG-XK-0302', name: '授权测试事项' }))).item.id;
  await createDelegation(sys, { departmentId: org.deptA, itemId: itemDelegated });
  type S = Awaited<ReturnType<TestApp['login']>>;
  const staff: Partial<Record<'clerk' | 'reviewer' | 'leader', S>> = {};
  const as = async (who: 'clerk' | 'reviewer' | 'leader') => (staff[who] ??= await t.login(who));
  const post = async (who: 'clerk' | 'reviewer' | 'leader', url: string, payload: object) => {
    const r = await t.as(await as(who), { method: 'POST', url, payload });
    if (r.statusCode !== 200) throw new Error(`${url} failed: ${r.statusCode} ${r.body}`);
    return r.json() as { id: string; version: number; tasks: { id: string; status: string }[] };
  };
  const intakeOf = async (itemId: string) =>
    post('clerk', '/api/v1/cases', { itemId, applicant: { kind: 'enterprise', name: '矩阵测试有限公司', uscc: '91370100MA3C123459' } });
  const acceptedCase = async (item: 'review' | 'delegated' = 'review') => {
    const c = await intakeOf(item === 'review' ? itemReview : itemDelegated);
    const a = await post('clerk', `/api/v1/cases/${c.id}/accept`, { version: c.version });
    return { id: a.id, version: a.version };
  };
  const taskCase = async (completed: 0 | 1 | 2) => {
    const a = await acceptedCase('review');
    let c = await post('clerk', `/api/v1/cases/${a.id}/start-review`, { version: a.version });
    for (let i = 0; i < completed; i++) {
      const open = c.tasks.find((x) => x.status === 'open')!;
      c = await post('reviewer', `/api/v1/cases/${c.id}/tasks/${open.id}/complete`, { version: c.version, opinion: '同意' });
    }
    return { id: c.id, version: c.version, taskId: c.tasks.find((x) => x.status === 'open')!.id };
  };
  const decidedCase = async (concluded = false) => {
    const a = await acceptedCase('delegated');
    const d = await post('leader', `/api/v1/cases/${a.id}/decide`, { version: a.version, decision: { outcome: 'approved', note: '' } });
    if (!concluded) return { id: d.id, version: d.version };
    const c = await post('leader', `/api/v1/cases/${a.id}/conclude`, { version: d.version });
    return { id: c.id, version: c.version };
  };

  const delegationOf = (itemId: string) => k.selectFrom('delegations').select('id').where('item_id', '=', itemId).executeTakeFirst();

  return {
    ...(await createCaseMoveFixtures(t)),
    ...(await createBundleFixtures(t)),
    ...(await createHallFixtures(t)),
    ...createSupervisionFixtures(t, () => submittedCase()),
    ...createCaseFlagFixtures(t, () => submittedCase()),
    ...(await createBundleCaseFixtures(t)),
    ...(await createBundleOnlineFixtures(t)),
    ...(await createMeetingFixtures(t)),
    org, fileId: file.id, itemA, itemLife, itemB, delegationB, spareCenter, spareDept, windowId, staffId, exportJson, itemData, submittedCase,
    acceptedCase, taskCase, decidedCase,
    async acceptedNotice() {
      const c = await acceptedCase('review');
      const n = await k.selectFrom('case_notices').innerJoin('cases', 'cases.id', 'case_notices.case_id').select(['case_notices.id', 'cases.case_no', 'cases.verification_code']).where('case_id', '=', c.id).executeTakeFirstOrThrow();
      return { caseId: c.id, noticeId: n.id, caseNo: n.case_no, code: n.verification_code };
    },
    async messageFor(username) {
      const u = await k.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
      const id = randomUUID();
      await k.insertInto('messages').values({ id, recipient_key: `user:${u.id}`, recipient_user_id: u.id, case_id: null, template: 'caseAccepted', title: '矩阵', body: '矩阵测试消息', created_at: new Date().toISOString(), read_at: null }).execute();
      return id;
    },
    async version(table, id) {
      return (await k.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
    },
    async draftVersion(itemId) {
      const d = await getItem(sys, itemId);
      return (d.draft ?? (await newDraft(sys, itemId)).draft!).version;
    },
    async withoutDraft(itemId) {
      const d = await getItem(sys, itemId);
      if (d.draft) await publishItem(sys, itemId, { version: d.draft.version });
    },
    async publicVersion(itemId, status) {
      let d = await getItem(sys, itemId);
      if (!d.published) {
        // retired: publish again (from its pending draft, or a new one copied from the last version)
        const draft = d.draft ?? (await newDraft(sys, itemId)).draft!;
        d = await publishItem(sys, itemId, { version: draft.version });
      }
      const pub = d.published!;
      if (pub.status === status) return pub.version;
      const move = status === 'suspended' ? suspendItem : resumeItem;
      return (await move(sys, itemId, { version: pub.version })).published!.version;
    },
    async delegation(itemId, departmentId) {
      return (await delegationOf(itemId))?.id ?? (await createDelegation(sys, { departmentId, itemId })).id;
    },
    async noDelegation(itemId) {
      const d = await delegationOf(itemId);
      if (d) await revokeDelegation(sys, d.id);
    },
    async override(scope) {
      return (await setOverride(sys, { scope, date: '2027-06-01', workday: false, name: '矩阵测试' })).id;
    },
  };
}
