/**
 * Joint review meetings (联审会), pure rules: which meetings may move, what a record must say,
 * which opinions an absence closes (缺席默认), and the case rules for a meeting's decisions — a
 * task of kind `meeting` opened by the system in review, holding up the decision until done.
 */
import { describe, expect, it } from 'vitest';
import { type CaseAction, type CaseActor, type CaseItem, availableActions, transition } from '../../../src/domain/case/index.js';
import { absentConsentTasks, caseProblem, invitedProblem, meetingTaskId, moveProblem, recordProblem, startsAtProblem } from '../../../src/domain/meeting/index.js';
import { ACTORS, cal, make, run } from '../case/fixtures.js';

const joint: CaseItem = { handlingClass: 'joint', promisedLimit: 10, statutoryLimit: 20 };
const opinion = (taskId: string, departmentId: string) =>
  make('openTask', '2025-06-03', { taskId, name: `${departmentId}会签`, assignee: { departmentId, role: 'reviewer', userId: null }, limitDays: 3, taskKind: 'opinion' }, ACTORS.system);
const meetingTask = (date = '2025-06-04', departmentId = 'deptB') =>
  make('openTask', date, { taskId: meetingTaskId('m1', 1), name: '联审会决定：补充消防设计', assignee: { departmentId, role: 'reviewer', userId: null }, limitDays: 2, taskKind: 'meeting' }, ACTORS.system);

function inReview() {
  return run(joint, [['submit', '2025-06-03'], ['accept', '2025-06-03'], 'startReview', opinion('2.1', 'deptA'), opinion('3.1', 'deptB')]).state;
}

describe('meeting moves and the case it is held on', () => {
  it.each([
    ['scheduled', 'record', null],
    ['scheduled', 'cancel', null],
    ['cancelled', 'record', 'meeting.illegal'],
    ['recorded', 'reschedule', 'meeting.illegal'],
    ['recorded', 'cancel', 'meeting.illegal'],
  ] as const)('a %s meeting: %s → %s', (status, move, code) => {
    expect(moveProblem(status, move)?.code ?? null).toBe(code);
  });

  it.each([
    ['joint in review', 'joint', 'inReview', null, null],
    ['not joint', 'promised', 'inReview', null, 'caseId'],
    ['not in review', 'joint', 'accepted', null, 'state'],
    ['decided', 'joint', 'inReview', { outcome: 'approved' }, 'state'],
  ] as const)('%s', (_name, handlingClass, status, decision, expected) => {
    const p = caseProblem({ handlingClass, state: { status, decision: decision as never } });
    expect(p === null ? null : (p.field ?? 'state')).toBe(expected);
  });

  it('schedules ahead only, and invites each allowed department once', () => {
    expect(startsAtProblem('2026-03-05T09:00:00+08:00', '2026-03-04T00:00:00Z')).toBeNull();
    expect(startsAtProblem('2026-03-03T09:00:00+08:00', '2026-03-04T00:00:00Z')?.field).toBe('startsAt');
    const allowed = (id: string) => id !== 'other';
    expect(invitedProblem(['a', 'b'], allowed)).toBeNull();
    expect(invitedProblem([], allowed)?.field).toBe('departmentIds');
    expect(invitedProblem(['a', 'a'], allowed)?.field).toBe('departmentIds.1');
    expect(invitedProblem(['a', 'other'], allowed)?.field).toBe('departmentIds.1');
  });
});

describe('the record', () => {
  const m = { startsAt: '2026-03-05T01:30:00.000Z', invited: ['A', 'B'] };
  const good = {
    attendance: [
      { departmentId: 'A', attendance: 'present' as const, attendees: ['张科长'] },
      { departmentId: 'B', attendance: 'absent' as const, attendees: [] },
    ],
    minutes: '会议研究了项目的消防与规划问题。',
    decisions: [{ departmentId: 'A', content: '补充消防设计说明', limitDays: 3 }],
  };
  const after = '2026-03-05T03:00:00.000Z';
  it.each([
    ['a complete record', good, after, null],
    ['before the meeting', good, '2026-03-05T01:00:00.000Z', 'state'],
    ['a department left out', { ...good, attendance: good.attendance.slice(0, 1) }, after, 'attendance'],
    ['an uninvited department', { ...good, attendance: [...good.attendance, { departmentId: 'C', attendance: 'absent' as const, attendees: [] }] }, after, 'attendance.2.departmentId'],
    ['a department twice', { ...good, attendance: [good.attendance[0], good.attendance[0]] }, after, 'attendance.1.departmentId'],
    ['present without names', { ...good, attendance: [{ ...good.attendance[0], attendees: [' '] }, good.attendance[1]] }, after, 'attendance.0.attendees'],
    ['no minutes', { ...good, minutes: '  ' }, after, 'minutes'],
    ['a decision for an uninvited department', { ...good, decisions: [{ ...good.decisions[0], departmentId: 'C' }] }, after, 'decisions.0.departmentId'],
    ['a decision with no limit', { ...good, decisions: [{ ...good.decisions[0], limitDays: 0 }] }, after, 'decisions.0.limitDays'],
  ])('%s', (_name, input, now, expected) => {
    const p = recordProblem(m, input, now);
    expect(p === null ? null : (p.field ?? 'state')).toBe(expected);
  });

  it("closes an absent department's open opinion only under absent consent", () => {
    const s = inReview();
    expect(absentConsentTasks(s.tasks, ['deptB'], true).map((t) => t.id)).toEqual(['3.1']);
    expect(absentConsentTasks(s.tasks, ['deptB'], false)).toEqual([]);
    expect(absentConsentTasks(s.tasks, [], true)).toEqual([]);
  });
});

describe('the case rules for meetings', () => {
  const absent = (taskId: string, actor: CaseActor = ACTORS.system) =>
    make('completeTask', '2025-06-04', { taskId, opinion: '缺席联审会，视为同意', answer: 'absentConsent' }, actor);
  const step = (s: ReturnType<typeof inReview>, a: CaseAction, actor: CaseActor) => transition(s, a, { cal, actor });

  it.each([
    ['the system closes an absent opinion as consent, before its limit', () => step(inReview(), absent('3.1'), ACTORS.system), 'ok'],
    ['a person may not answer 缺席默认', () => step(inReview(), absent('3.1', ACTORS.reviewerB), ACTORS.reviewerB), 'answer'],
    ['the system opens a meeting task in review', () => step(inReview(), meetingTask(), ACTORS.system), 'ok'],
    ['no meeting task once decided', () => {
      let s = inReview();
      for (const id of ['2.1', '3.1']) s = transitionOk(s, absent(id));
      s = transitionOk(s, make('decide', '2025-06-04', { decision: { outcome: 'approved', note: '' } }, ACTORS.leader), ACTORS.leader);
      return step(s, meetingTask(), ACTORS.system);
    }, 'taskKind'],
    ['no task on a concluded case', () => step(run({ handlingClass: 'immediate', promisedLimit: 0, statutoryLimit: 20 }, ['submit', 'concludeImmediately']).state, meetingTask('2025-06-03'), ACTORS.system), 'state'],
    ['a meeting task takes no opinion answer', () => step(transitionOk(inReview(), meetingTask()), make('completeTask', '2025-06-04', { taskId: meetingTaskId('m1', 1), opinion: '已补充', answer: 'agree' }, ACTORS.reviewerB), ACTORS.reviewerB), 'answer'],
    ['a meeting task is not returned to a previous step', () => {
      const s = transitionOk(transitionOk(inReview(), absent('2.1')), meetingTask());
      return step(s, make('returnTask', '2025-06-04', { taskId: meetingTaskId('m1', 1), reason: '退回' }, ACTORS.reviewerB), ACTORS.reviewerB);
    }, 'taskId'],
  ])('%s', (_name, attempt, expected) => {
    const r = attempt();
    expect(r.ok ? 'ok' : (r.error.field ?? 'state')).toBe(expected);
  });

  it("records 缺席默认 on the task, and a meeting task holds up the decision until its department completes it", () => {
    let s = inReview();
    s = transitionOk(s, absent('3.1'));
    expect(s.tasks.find((t) => t.id === '3.1')).toMatchObject({ status: 'completed', answer: 'absentConsent' });
    s = transitionOk(s, make('completeTask', '2025-06-04', { taskId: '2.1', opinion: '同意', answer: 'agree' }, ACTORS.reviewer), ACTORS.reviewer);
    expect(availableActions(s, ACTORS.leader)).toContain('decide');
    s = transitionOk(s, meetingTask());
    expect(s.tasks.find((t) => t.id === meetingTaskId('m1', 1))).toMatchObject({ kind: 'meeting', status: 'open', answer: null });
    expect(availableActions(s, ACTORS.leader)).not.toContain('decide');
    expect(availableActions(s, ACTORS.reviewer)).not.toContain('completeTask'); // deptA's reviewer: not theirs
    expect(availableActions(s, ACTORS.reviewerB)).toContain('completeTask');
    s = transitionOk(s, make('completeTask', '2025-06-05', { taskId: meetingTaskId('m1', 1), opinion: '已补充消防设计说明' }, ACTORS.reviewerB), ACTORS.reviewerB);
    expect(availableActions(s, ACTORS.leader)).toContain('decide');
  });
});

function transitionOk(s: ReturnType<typeof inReview>, a: CaseAction, actor: CaseActor = ACTORS.system) {
  const r = transition(s, a, { cal, actor });
  if (!r.ok) throw new Error(`${a.kind} refused: ${r.error.messageEn}`);
  return r.state;
}
