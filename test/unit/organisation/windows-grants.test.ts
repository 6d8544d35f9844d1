import { describe, expect, it } from 'vitest';
import { checkGrants, isDepartmentRole } from '../../../src/domain/organisation/grants.js';
import { checkRoster, checkWindowShape, type WindowShape } from '../../../src/domain/organisation/windows.js';

const depts = new Map([
  ['a', { centerId: 'c1', active: true }],
  ['b', { centerId: 'c1', active: true }],
  ['x', { centerId: 'c2', active: true }],
  ['off', { centerId: 'c1', active: false }],
]);
const shape = (s: Partial<WindowShape>): WindowShape => ({ kind: 'dedicated', departmentId: null, servedDepartmentIds: [], roster: [], ...s });
const fields = (r: { errors: { field: string }[] }) => r.errors.map((e) => e.field);
const week = (f: (d: number) => string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, departmentId: f(weekday) }));

describe('window kinds', () => {
  it('a dedicated window has exactly its one department', () => {
    const ok = checkWindowShape(shape({ departmentId: 'a' }), 'c1', depts);
    expect(ok.errors).toEqual([]);
    expect(ok.shape.servedDepartmentIds).toEqual(['a']);
    expect(fields(checkWindowShape(shape({}), 'c1', depts))).toEqual(['departmentId']);
    expect(fields(checkWindowShape(shape({ departmentId: 'a', servedDepartmentIds: ['a', 'b'] }), 'c1', depts))).toEqual(['servedDepartmentIds']);
    expect(checkWindowShape(shape({ departmentId: 'a', servedDepartmentIds: ['a'] }), 'c1', depts).errors).toEqual([]);
    expect(fields(checkWindowShape(shape({ departmentId: 'x' }), 'c1', depts))).toEqual(['departmentId']);
    expect(checkWindowShape(shape({ departmentId: 'off' }), 'c1', depts).errors[0].messageEn).toContain('deactivated');
  });

  it('a comprehensive window serves at least two departments, has no own department and no roster', () => {
    expect(checkWindowShape(shape({ kind: 'comprehensive', servedDepartmentIds: ['a', 'b'] }), 'c1', depts).errors).toEqual([]);
    expect(fields(checkWindowShape(shape({ kind: 'comprehensive', servedDepartmentIds: ['a'] }), 'c1', depts))).toEqual(['servedDepartmentIds']);
    expect(fields(checkWindowShape(shape({ kind: 'comprehensive', servedDepartmentIds: ['a', 'a'] }), 'c1', depts))).toEqual([
      'servedDepartmentIds',
      'servedDepartmentIds',
    ]);
    expect(fields(checkWindowShape(shape({ kind: 'comprehensive', departmentId: 'a', servedDepartmentIds: ['a', 'b'] }), 'c1', depts))).toEqual(['departmentId']);
    expect(fields(checkWindowShape(shape({ kind: 'comprehensive', servedDepartmentIds: ['a', 'x'] }), 'c1', depts))).toEqual(['servedDepartmentIds.1']);
    expect(fields(checkWindowShape(shape({ kind: 'comprehensive', servedDepartmentIds: ['a', 'b'], roster: week(() => 'a') }), 'c1', depts))).toEqual(['roster']);
  });

  it('an appointment window has one served department on duty each weekday, sorted', () => {
    const r = checkWindowShape(
      shape({ kind: 'appointment', servedDepartmentIds: ['a', 'b'], roster: week((d) => (d % 2 ? 'a' : 'b')).reverse() }),
      'c1',
      depts,
    );
    expect(r.errors).toEqual([]);
    expect(r.shape.roster.map((e) => e.weekday)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('duty roster', () => {
  it('covers Monday to Friday once each with served departments', () => {
    expect(checkRoster(week(() => 'a'), ['a', 'b'])).toEqual([]);
    expect(checkRoster([...week(() => 'a').slice(0, 4), { weekday: 6, departmentId: 'a' }], ['a']).map((e) => e.field)).toEqual([
      'roster.4.weekday',
      'roster',
    ]);
    expect(checkRoster([...week(() => 'a'), { weekday: 0, departmentId: 'a' }], ['a']).map((e) => e.field)).toEqual(['roster.5.weekday']);
    expect(checkRoster([...week(() => 'a'), { weekday: 3, departmentId: 'a' }], ['a'])[0]).toMatchObject({ field: 'roster.5.weekday', messageEn: expect.stringContaining('already') });
    expect(checkRoster(week((d) => (d === 2 ? 'x' : 'a')), ['a', 'b']).map((e) => e.field)).toEqual(['roster.1.departmentId']);
    expect(checkRoster([], ['a', 'b'])[0].messageEn).toContain('missing weekday 1, 2, 3, 4, 5');
  });
});

describe('role grants', () => {
  const centers = new Map([
    ['c1', { active: true }],
    ['c2', { active: true }],
    ['dead', { active: false }],
  ]);
  const check = (g: Parameters<typeof checkGrants>[0]) => checkGrants(g, centers, depts).map((e) => e.field);

  it('department roles need a department of the grant’s center', () => {
    expect(isDepartmentRole('deptLeader')).toBe(true);
    expect(isDepartmentRole('supervisor')).toBe(false);
    expect(check([{ role: 'clerk', centerId: 'c1', departmentId: 'a' }])).toEqual([]);
    for (const role of ['clerk', 'chiefRep', 'reviewer', 'deptLeader'] as const) {
      expect(check([{ role, centerId: 'c1' }])).toEqual(['grants.0.departmentId']);
    }
    expect(check([{ role: 'reviewer', centerId: 'c1', departmentId: 'x' }])).toEqual(['grants.0.departmentId']);
    expect(check([{ role: 'reviewer', centerId: 'c1', departmentId: 'off' }])).toEqual(['grants.0.departmentId']);
  });

  it('center roles take no department', () => {
    for (const role of ['centerAdmin', 'supervisor', 'volunteer'] as const) {
      expect(check([{ role, centerId: 'c2' }])).toEqual([]);
      expect(check([{ role, centerId: 'c1', departmentId: 'a' }])).toEqual(['grants.0.departmentId']);
    }
  });

  it('names unknown or closed centers and repeated grants by index', () => {
    expect(check([{ role: 'supervisor', centerId: 'c1' }, { role: 'volunteer', centerId: 'nope' }])).toEqual(['grants.1.centerId']);
    expect(check([{ role: 'supervisor', centerId: 'dead' }])).toEqual(['grants.0.centerId']);
    expect(check([{ role: 'clerk', centerId: 'c1', departmentId: 'a' }, { role: 'clerk', centerId: 'c1', departmentId: 'a' }])).toEqual(['grants.1']);
  });
});
