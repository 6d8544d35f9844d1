/** Shared by the back-office case tests: an item with two review steps, a case in review, other departments' staff. */
import { expect } from 'vitest';
import { systemCtx } from '../../src/server/services/context.js';
import { createStaffUser } from '../../src/server/services/organisation/index.js';
import type { Session, TestApp } from '../helpers/app.js';
import { intake, move, publishedItem } from './case-helpers.js';

/** A promised deptA item: 受理 → 初审 (reviewer, 3 days) → 复核 (reviewer, `reviewLimit`) → 决定 (leader). */
export function reviewItem(t: TestApp, code = 'SCJG-XK-0101', reviewLimit = 2): Promise<string> {
  return publishedItem(t, {
    code,
    name: `食品经营许可（${code}）`,
    procedure: [
      { name: '受理', kind: 'accept', role: 'clerk', limitDays: 0 },
      { name: '初审', kind: 'review', role: 'reviewer', limitDays: 3 },
      { name: '复核', kind: 'review', role: 'reviewer', limitDays: reviewLimit },
      { name: '决定', kind: 'decide', role: 'deptLeader', limitDays: 2 },
    ],
  });
}

/** A staff account holding `role` in `departmentId` of the city; signed in. */
export async function staffIn(t: TestApp, username: string, role: 'reviewer' | 'deptLeader' | 'clerk', departmentId: string): Promise<Session> {
  await createStaffUser(systemCtx(t.app.deps), {
    username,
    displayName: username,
    password: 'Review2026pw!',
    grants: [{ role, centerId: t.org.cityId, departmentId }],
  });
  return t.login(username, 'Review2026pw!');
}

/** Expects 200 and returns the case view. */
export async function ok(p: Promise<{ statusCode: number; body: string; json(): any }>) {
  const r = await p;
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

/** A case of `itemId` taken in, accepted and routed to review by the clerk; the case view. */
export async function caseInReview(t: TestApp, clerk: Session, itemId: string) {
  const c = await intake(t, clerk, itemId);
  const a = await ok(move(t, clerk, c.id, 'accept', { version: c.version }));
  return ok(move(t, clerk, c.id, 'start-review', { version: a.version }));
}

export const openTask = (c: { tasks: { id: string; status: string }[] }) => c.tasks.find((x) => x.status === 'open')!;

export const taskMove = (t: TestApp, s: Session, caseId: string, taskId: string, action: 'complete' | 'return', payload: object) =>
  move(t, s, caseId, `tasks/${taskId}/${action}`, payload);

export const inbox = async (t: TestApp, s: Session) => {
  const r = await t.as(s, { url: '/api/v1/review/tasks' });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { items: { caseNo: string; taskId: string; taskName: string; deadline: string; light: string; workable: boolean }[]; total: number };
};
