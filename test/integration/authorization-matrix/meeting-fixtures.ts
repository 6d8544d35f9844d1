/**
 * Rows the joint review meetings (联审会) entries of the matrix point at: a joint case of deptA
 * copied to deptB, in review (made over the API by deptA's clerk), and meetings on it — the one
 * the reads look at, and a scheduled one for each change (made afresh once the last was changed
 * for good). The matrix's clock does not move, so a meeting to record starts "now".
 */
import { randomUUID } from 'node:crypto';
import { createPublishedItem } from '../../../src/server/services/catalogue/index.js';
import { systemCtx } from '../../../src/server/services/context.js';
import type { Session, TestApp } from '../../helpers/app.js';
import { sampleItem } from '../catalogue-helpers.js';

export interface MeetingFixtures {
  /** a joint case of deptA (co-department deptB) in review, no decision yet */
  meetingCase(): Promise<{ id: string }>;
  /** a meeting on it inviting deptA and deptB, scheduled and starting now (so it may be recorded) */
  scheduledMeeting(): Promise<{ id: string; version: number }>;
}

const AT = '2026-03-02T02:00:00.000Z';

export async function createMeetingFixtures(t: TestApp): Promise<MeetingFixtures> {
  const k = t.tdb.db.kysely;
  const { org } = t;
  const itemId = (await createPublishedItem(systemCtx(t.app.deps), sampleItem(t, {
    code: 'SCJG-LS-0901',
    name: '联审会矩阵测试事项',
    handlingClass: 'joint',
    coDepartmentIds: [org.deptB],
    jointPolicy: { silence: 'escalate', absentConsent: true },
    procedure: [
      { name: '受理', kind: 'accept', role: 'clerk', limitDays: 0 },
      { name: '住建部门意见', kind: 'review', role: 'reviewer', limitDays: 3, departmentId: org.deptB },
      { name: '决定', kind: 'decide', role: 'deptLeader', limitDays: 2 },
    ],
  }))).item.id;

  let clerk: Session | null = null;
  const post = async (url: string, payload: object) => {
    const r = await t.as((clerk ??= await t.login('clerk')), { method: 'POST', url, payload });
    if (r.statusCode !== 200) throw new Error(`${url} failed: ${r.statusCode} ${r.body}`);
    return r.json() as { id: string; version: number };
  };
  let theCase: { id: string } | null = null;
  const meetingCase = async () => {
    if (theCase) return theCase;
    const c = await post('/api/v1/cases', { itemId, applicant: { kind: 'enterprise', name: '矩阵联审有限公司', uscc: '91370100MA3C123459' } });
    const a = await post(`/api/v1/cases/${c.id}/accept`, { version: c.version });
    return (theCase = await post(`/api/v1/cases/${c.id}/start-review`, { version: a.version }));
  };

  let last: string | null = null;
  const scheduledMeeting = async () => {
    const found = last ? await k.selectFrom('meetings').select(['id', 'version', 'status']).where('id', '=', last).executeTakeFirst() : undefined;
    if (found && found.status === 'scheduled') return { id: found.id, version: found.version };
    const c = await meetingCase();
    const id = randomUUID();
    await k.insertInto('meetings').values({
      id, case_id: c.id, center_id: org.cityId, topic: '矩阵测试联审会', place: '会议室', starts_at: AT, status: 'scheduled', minutes: '', cancel_reason: '',
      scheduled_by: org.users.supervisor, recorded_by: null, recorded_at: null, version: 1, created_at: AT, updated_at: AT,
    }).execute();
    await k.insertInto('meeting_departments').values([org.deptA, org.deptB].map((department_id, sort) => ({ meeting_id: id, department_id, sort, attendance: null, attendees: '[]' }))).execute();
    last = id;
    return { id, version: 1 };
  };
  return { meetingCase, scheduledMeeting };
}
