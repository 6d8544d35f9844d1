/** Shared by the joint review meeting (联审会) tests: a joint case in review, the staff of its departments, short calls. */
import { expect } from 'vitest';
import { systemCtx } from '../../src/server/services/context.js';
import { createDepartment, createStaffUser } from '../../src/server/services/organisation/index.js';
import type { Session, TestApp } from '../helpers/app.js';
import { publishedItem } from './case-helpers.js';
import { caseInReview, staffIn } from './case-review-helpers.js';

export interface MeetingWorld {
  /** lead deptA; co-departments deptB (住建) and deptC (规划) */
  depts: { a: string; b: string; c: string };
  clerk: Session;
  leader: Session;
  supervisor: Session;
  reviewers: { a: Session; b: Session; c: Session };
}

export async function meetingWorld(t: TestApp): Promise<MeetingWorld> {
  const c = (await createDepartment(systemCtx(t.app.deps), { centerId: t.org.cityId, code: 'ZRZY', name: '自然资源和规划局' })).id;
  return {
    depts: { a: t.org.deptA, b: t.org.deptB, c },
    clerk: await t.login('clerk'),
    leader: await t.login('leader'),
    supervisor: await t.login('supervisor'),
    reviewers: { a: await t.login('reviewer'), b: await staffIn(t, 'revB', 'reviewer', t.org.deptB), c: await staffIn(t, 'revC', 'reviewer', c) },
  };
}

/** A joint item of deptA copied to deptB (3 days) and deptC (5 days); absent consent as given. */
export function jointItem(t: TestApp, w: MeetingWorld, absentConsent: boolean, code = 'SCJG-LS-0001'): Promise<string> {
  return publishedItem(t, {
    code,
    name: '大型商业综合体联合审批',
    handlingClass: 'joint',
    coDepartmentIds: [w.depts.b, w.depts.c],
    jointPolicy: { silence: 'escalate', absentConsent },
    procedure: [
      { name: '一窗受理并抄告', kind: 'accept', role: 'clerk', limitDays: 0 },
      { name: '住建部门意见', kind: 'review', role: 'reviewer', limitDays: 3, departmentId: w.depts.b },
      { name: '规划部门意见', kind: 'review', role: 'reviewer', limitDays: 5, departmentId: w.depts.c },
      { name: '牵头部门决定', kind: 'decide', role: 'deptLeader', limitDays: 2 },
    ],
  });
}

/** A joint case in review (opinions 2.1 of deptB and 3.1 of deptC open); the case view. */
export async function jointCase(t: TestApp, w: MeetingWorld, absentConsent = true, code?: string) {
  return caseInReview(t, w.clerk, await jointItem(t, w, absentConsent, code));
}

/** A supervisor of the county center (another center than the city's cases); signed in. */
export async function countySupervisor(t: TestApp): Promise<Session> {
  await createStaffUser(systemCtx(t.app.deps), {
    username: 'supCounty',
    displayName: '县督办员',
    password: 'Meeting2026pw!',
    grants: [{ role: 'supervisor', centerId: t.org.countyId, departmentId: null }],
  });
  return t.login('supCounty', 'Meeting2026pw!');
}

export const M = '/api/v1/meetings';
/** Mon 2 March 2026, 14:30 in Beijing: the afternoon of the test clock's Monday (10:00). */
export const STARTS_AT = '2026-03-02T14:30:00+08:00';
/** After the meeting, the same day (sessions stay valid). */
export const HELD = '2026-03-02T08:00:00.000Z';

export const schedule = (t: TestApp, s: Session, payload: object) => t.as(s, { method: 'POST', url: M, payload });
export const record = (t: TestApp, s: Session, id: string, payload: object) => t.as(s, { method: 'POST', url: `${M}/${id}/record`, payload });

/** Expects 200 and returns the body. */
export async function ok200(p: Promise<{ statusCode: number; body: string; json(): any }>) {
  const r = await p;
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

/** Expects `status`, and the error to name `field` when given. */
export async function refused(p: Promise<{ statusCode: number; body: string; json(): any }>, status: number, field?: string) {
  const r = await p;
  expect(r.statusCode, r.body).toBe(status);
  if (field) expect(r.json().error.fields.map((f: { field: string }) => f.field), r.body).toContain(field);
  return r.json();
}

/** A record of the meeting: deptA and deptB present, deptC absent; the decisions given. */
export const recordBody = (w: MeetingWorld, version: number, decisions: object[] = []) => ({
  version,
  attendance: [
    { departmentId: w.depts.a, attendance: 'present', attendees: ['张科长'] },
    { departmentId: w.depts.b, attendance: 'present', attendees: ['李工', '王工'] },
    { departmentId: w.depts.c, attendance: 'absent' },
  ],
  minutes: '会议听取了项目情况汇报，研究了消防和规划问题。',
  decisions,
});
