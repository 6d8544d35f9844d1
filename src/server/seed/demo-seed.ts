/**
 * `onestop seed --demo` and `serve --demo` on an empty database: a city center with its
 * sub-centers and township stations, departments, windows, one user per role and the published
 * catalogue — written through the same services as the admin pages, so the action log covers it.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../domain/permissions.js';
import { insertUser } from '../repositories/users.js';
import { recordAction } from '../services/audit/record.js';
import { hashPassword } from '../services/auth/passwords.js';
import { createPublishedItem } from '../services/catalogue/create.js';
import { type Deps, inTx, nowIso, systemCtx } from '../services/context.js';
import { createCenter } from '../services/organisation/centers-write.js';
import { createDelegation } from '../services/organisation/delegations.js';
import { createDepartment } from '../services/organisation/departments-write.js';
import { createWindow } from '../services/organisation/windows-write.js';
import { createStaffUser } from '../services/staff/create.js';
import { attachDemoForms } from './demo-forms.js';
import { seedDemoBundles } from './demo/bundles.js';
import { demoCenters } from './demo/centers.js';
import { demoDepartments } from './demo/departments.js';
import { demoItems } from './demo/items/index.js';
import { demoWindows } from './demo/windows.js';

export const DEMO_PASSWORD = 'Demo@2026';

/** The department the role-holding demo users work in: 市场监督管理局 (its code in the demo data). */
const HOME_DEPT = 'SCJG';

export interface SeedReport {
  centers: number;
  departments: number;
  windows: number;
  users: number;
  items: number;
}

export async function isEmpty(deps: Deps): Promise<boolean> {
  const row = await deps.db.kysely.selectFrom('centers').select('id').limit(1).executeTakeFirst();
  return !row;
}

export async function seedDemo(deps: Deps, log: (m: string) => void = () => {}): Promise<SeedReport | null> {
  if (!(await isEmpty(deps))) return null;
  const ctx = systemCtx(deps);
  const centers = new Map<string, string>();
  for (const c of demoCenters) {
    const created = await createCenter(ctx, {
      parentId: c.parentKey ? centers.get(c.parentKey)! : null,
      name: c.name, kind: c.kind, areaCode: c.areaCode, address: c.address, phone: c.phone,
    });
    centers.set(c.key, created.id);
  }
  const depts = new Map<string, { id: string; name: string }>();
  for (const [i, d] of demoDepartments.entries()) {
    const created = await createDepartment(ctx, { centerId: centers.get(d.centerKey)!, ...d, sort: i * 10 });
    depts.set(d.code, { id: created.id, name: d.name });
  }
  const deptId = (code: string) => {
    const d = depts.get(code);
    if (!d) throw new Error(`demo data: unknown department code ${code}`);
    return d.id;
  };
  const windows = new Map<string, string>();
  for (const w of demoWindows) {
    const created = await createWindow(ctx, {
      centerId: centers.get(w.centerKey)!, code: w.code, name: w.name, kind: w.kind, location: w.location,
      departmentId: w.departmentCode ? deptId(w.departmentCode) : null,
      servedDepartmentIds: w.servedDepartmentCodes.map(deptId),
      roster: (w.roster ?? []).map((r) => ({ weekday: r.weekday, departmentId: deptId(r.departmentCode) })),
    });
    windows.set(w.code, created.id);
  }
  log(`centers ${centers.size}, departments ${depts.size}, windows ${windows.size}`);

  const items = new Map<string, string>();
  for (const raw of demoItems) {
    const dept = depts.get(raw.departmentCode)!;
    const item = await attachDemoForms(ctx, raw, dept.name);
    const { departmentCode, coDepartmentCodes, procedure, sampleForms: _forms, ...rest } = item;
    const created = await createPublishedItem(ctx, {
      ...rest,
      departmentId: deptId(departmentCode),
      coDepartmentIds: (coDepartmentCodes ?? []).map(deptId),
      procedure: procedure.map(({ departmentCode: dc, ...s }) => ({ ...s, departmentId: dc ? deptId(dc) : null })),
    });
    items.set(item.code, created.item.id);
  }
  log(`items ${items.size} published`);

  const city = centers.get(demoCenters[0].key)!;
  log(`bundles ${await seedDemoBundles(ctx, city, items)} published`);
  const home = deptId(HOME_DEPT);
  const windowOf = (code: string) => {
    const w = demoWindows.find((x) => x.kind === 'dedicated' && x.departmentCode === code);
    return w ? [windows.get(w.code)!] : [];
  };
  const users =
    (await seedUsers(deps, STAFF, city, home, windowOf(HOME_DEPT))) + (await seedUsers(deps, BDC_STAFF, centers.get('bdc')!, deptId('BDC'), windowOf('BDC'))) + (await seedApplicant(deps, city));

  // The chief rep of 市场监督管理局 may decide its immediate and promised items at the window.
  for (const it of demoItems.filter((x) => x.departmentCode === HOME_DEPT && x.handlingClass !== 'joint').slice(0, 8)) {
    await createDelegation(ctx, { departmentId: home, itemId: items.get(it.code)!, note: '首席代表授权审批' });
  }
  return { centers: centers.size, departments: depts.size, windows: windows.size, users, items: items.size };
}

const STAFF: { username: string; displayName: string; role: Role; dept: boolean }[] = [
  { username: 'admin', displayName: '王建国（中心管理员）', role: 'centerAdmin', dept: false },
  { username: 'clerk', displayName: '李晓梅（窗口）', role: 'clerk', dept: true },
  { username: 'chiefrep', displayName: '赵志强（首席代表）', role: 'chiefRep', dept: true },
  { username: 'reviewer', displayName: '陈静（审批科）', role: 'reviewer', dept: true },
  { username: 'leader', displayName: '刘洪涛（局长）', role: 'deptLeader', dept: true },
  { username: 'supervisor', displayName: '孙丽（督办科）', role: 'supervisor', dept: false },
  { username: 'volunteer', displayName: '周德明（义务监督员）', role: 'volunteer', dept: false },
];

/** 不动产登记中心: a charged department (不动产登记费), so fees can be tried in the demo. */
const BDC_STAFF: typeof STAFF = [
  { username: 'bdcclerk', displayName: '韩梅（不动产窗口）', role: 'clerk', dept: true },
  { username: 'bdcreviewer', displayName: '高峰（不动产审核）', role: 'reviewer', dept: true },
  { username: 'bdcleader', displayName: '马骏（不动产登记中心主任）', role: 'deptLeader', dept: true },
];

async function seedUsers(deps: Deps, staff: typeof STAFF, centerId: string, deptId: string, windowIds: string[]): Promise<number> {
  const ctx = systemCtx(deps);
  for (const s of staff) {
    await createStaffUser(ctx, {
      username: s.username, displayName: s.displayName, phone: '', email: '', password: DEMO_PASSWORD,
      grants: [{ role: s.role as never, centerId, departmentId: s.dept ? deptId : null }],
      windowIds: s.role === 'clerk' || s.role === 'chiefRep' ? windowIds : [],
    });
  }
  return staff.length;
}

/** The applicant account of the online hall (its own module grows it later). */
async function seedApplicant(deps: Deps, centerId: string): Promise<number> {
  const ctx = systemCtx(deps);
  const at = nowIso(deps);
  const id = randomUUID();
  const hash = await hashPassword(DEMO_PASSWORD);
  await inTx(deps, async (trx) => {
    await insertUser(trx, {
      id, username: 'applicant', display_name: '张伟', kind: 'applicant', password_hash: hash, phone: '', email: '',
      center_id: centerId, department_id: null, active: 1, failed_logins: 0, locked_until: null,
      password_changed_at: null, version: 1, created_at: at, updated_at: at,
    });
    await recordAction(trx, ctx, { entity: 'user', entityId: id, action: 'create', payload: { username: 'applicant', kind: 'applicant' } });
  });
  return 1;
}
