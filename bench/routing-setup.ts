/**
 * What `bench:routing` adds to the app of bench/setup.ts (test organisation, production mode,
 * signed-in clerk): five co-departments in the city center with one reviewer each, and two
 * published joint items of the lead department (deptA, 市场监督管理局) that differ only in how
 * many co-departments they copy at once — 受理 → the co-departments' opinions (one stage, run side
 * by side, 3 working days each) → 决定. Written through the same services as the admin pages.
 */
import type { ItemDataInput } from '../src/contracts/catalogue.js';
import { createPublishedItem } from '../src/server/services/catalogue/index.js';
import { systemCtx } from '../src/server/services/context.js';
import { createDepartment } from '../src/server/services/organisation/departments-write.js';
import { createStaffUser } from '../src/server/services/staff/create.js';
import { PASSWORD } from '../test/helpers/fixtures.js';
import type { Session } from './client.js';
import { type BenchApp, type BenchDb, startApp } from './setup.js';

/** The most co-departments an item of the run copies. */
export const MAX_CO = 5;

export interface JointItem {
  itemId: string;
  /** co-department id → its reviewer's session */
  reviewers: Record<string, Session>;
}

export interface RoutingApp extends BenchApp {
  /** by number of co-departments */
  joint: (n: number) => Promise<JointItem>;
}

function jointItem(code: string, departmentId: string, coIds: readonly string[]): ItemDataInput {
  return {
    code,
    name: `联合审批基准测试（${coIds.length}个协办部门）`,
    departmentId,
    coDepartmentIds: [...coIds],
    level: 'city',
    itemType: 'licensing',
    themes: ['工程建设'],
    summary: '牵头部门一窗受理，同时抄告各协办部门限时出具意见，牵头部门统一决定。',
    legalBasis: [{ law: '《中华人民共和国行政许可法》', article: '第二十六条', text: '……转告有关部门分别提出意见后统一办理……' }],
    conditions: ['符合各协办部门的审查条件'],
    materials: [{ code: 'M01', name: '联合审批申请表' }],
    procedure: [
      { name: '一窗受理并抄告', kind: 'accept', role: 'clerk', limitDays: 0 },
      ...coIds.map((id, i) => ({ name: `协办部门${i + 1}意见`, kind: 'review' as const, role: 'reviewer' as const, limitDays: 3, departmentId: id })),
      { name: '决定', kind: 'decide', role: 'deptLeader', limitDays: 2 },
    ],
    handlingClass: 'joint',
    statutoryLimit: 20,
    promisedLimit: 10,
    fees: { free: true, lines: [] },
    result: { name: '联合审批意见书', validity: '', delivery: ['window'] },
    onlineDepth: 'window',
    maxVisits: 1,
    jointPolicy: { silence: 'deemedConsent', absentConsent: true },
  };
}

async function signIn(port: number, username: string): Promise<Session> {
  const r = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${await r.text()}`);
  return { cookie: (r.headers.get('set-cookie') ?? '').split(';')[0], csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
}

export async function startRoutingApp(b: BenchDb): Promise<RoutingApp> {
  const a = await startApp(b);
  const ctx = systemCtx(a.app.deps);
  // the lead department and its center: those of the app's own review item
  const lead = await b.db.kysely.selectFrom('items').select(['center_id', 'department_id']).where('id', '=', a.itemId).executeTakeFirstOrThrow();
  const co: { id: string; session: Session }[] = [];
  for (let i = 1; i <= MAX_CO; i++) {
    const d = await createDepartment(ctx, { centerId: lead.center_id, code: `XB${i}`, name: `基准测试协办部门${i}` });
    await createStaffUser(ctx, {
      username: `coreviewer${i}`,
      displayName: `协办审查员${i}`,
      password: PASSWORD,
      grants: [{ role: 'reviewer', centerId: lead.center_id, departmentId: d.id }],
    });
    co.push({ id: d.id, session: await signIn(a.port, `coreviewer${i}`) });
  }
  const made = new Map<number, Promise<JointItem>>();
  const joint = (n: number) => {
    if (n < 1 || n > MAX_CO) throw new RangeError(`1 to ${MAX_CO} co-departments`);
    let p = made.get(n);
    if (!p) {
      const mine = co.slice(0, n);
      p = createPublishedItem(ctx, jointItem(`SCJG-LB-${String(n).padStart(4, '0')}`, lead.department_id, mine.map((c) => c.id))).then((r) => ({
        itemId: r.item.id,
        reviewers: Object.fromEntries(mine.map((c) => [c.id, c.session])),
      }));
      made.set(n, p);
    }
    return p;
  };
  return { ...a, joint };
}
