/**
 * A small organisation for tests, written straight to the tables: a city center with a county
 * center below it, two departments in the city, one in the county, and one user per role.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/domain/permissions.js';
import type { Db } from '../../src/server/db/database.js';
import { hashPassword } from '../../src/server/services/auth/passwords.js';

export const PASSWORD = 'Test@2026pw';
let cachedHash: string | undefined;

export interface Org {
  cityId: string;
  countyId: string;
  deptA: string; // 市场监督管理局 (city)
  deptB: string; // 住房和城乡建设局 (city)
  deptCounty: string; // 县市场监管局 (county)
  users: Record<string, string>; // username → id
}

const T = '2026-01-05T00:00:00.000Z';

export async function seedOrg(db: Db): Promise<Org> {
  cachedHash ??= await hashPassword(PASSWORD);
  const k = db.kysely;
  const cityId = randomUUID();
  const countyId = randomUUID();
  await k.insertInto('centers').values([
    { id: cityId, parent_id: null, path: `/${cityId}/`, name: '测试市政务服务中心', kind: 'city', area_code: '370100', address: '', phone: '', time_zone: 'Asia/Shanghai', active: 1, version: 1, created_at: T, updated_at: T },
    { id: countyId, parent_id: cityId, path: `/${cityId}/${countyId}/`, name: '测试县政务服务中心', kind: 'county', area_code: '370124', address: '', phone: '', time_zone: 'Asia/Shanghai', active: 1, version: 1, created_at: T, updated_at: T },
  ]).execute();
  const dept = (center: string, code: string, name: string) => ({
    id: randomUUID(), center_id: center, code, name, short_name: name, liaison_name: '联络员', liaison_phone: '13800000000',
    leader_name: '负责人', leader_phone: '13900000000', sort: 0, active: 1, version: 1, created_at: T, updated_at: T,
  });
  const a = dept(cityId, 'SCJG', '市场监督管理局');
  const b = dept(cityId, 'ZJJ', '住房和城乡建设局');
  const c = dept(countyId, 'SCJG', '县市场监督管理局');
  await k.insertInto('departments').values([a, b, c]).execute();

  const users: Record<string, string> = {};
  const add = async (username: string, role: Role | null, center: string, department: string | null) => {
    const id = randomUUID();
    users[username] = id;
    await k.insertInto('users').values({
      id, username, display_name: username, kind: role === 'applicant' ? 'applicant' : 'staff', password_hash: cachedHash!,
      phone: '', email: '', center_id: center, department_id: department, active: 1, failed_logins: 0, locked_until: null,
      password_changed_at: null, version: 1, created_at: T, updated_at: T,
    }).execute();
    if (role && role !== 'applicant') {
      await k.insertInto('user_roles').values({ id: randomUUID(), user_id: id, role, center_id: center, department_id: department }).execute();
    }
  };
  await add('admin', 'centerAdmin', cityId, null);
  await add('countyadmin', 'centerAdmin', countyId, null);
  await add('clerk', 'clerk', cityId, a.id);
  await add('chiefrep', 'chiefRep', cityId, a.id);
  await add('reviewer', 'reviewer', cityId, a.id);
  await add('leader', 'deptLeader', cityId, a.id);
  await add('leaderB', 'deptLeader', cityId, b.id);
  await add('supervisor', 'supervisor', cityId, null);
  await add('volunteer', 'volunteer', cityId, null);
  await add('applicant', 'applicant', cityId, null);
  return { cityId, countyId, deptA: a.id, deptB: b.id, deptCounty: c.id, users };
}
