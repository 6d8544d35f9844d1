/**
 * Co-department opinions on a joint case (并联审批, issue 4): 同意 / 不同意 (with its reason) /
 * 同意但需转报; 不同意 without a reason or no answer at all counts as consent; the system deems
 * consent (超时默认) once the task's limit has passed in silence — never before, never a person.
 */
import { describe, expect, it } from 'vitest';
import { transition, type CaseItem } from '../../../src/domain/case/index.js';
import { ACTORS, cal, make, run } from './fixtures.js';

const joint: CaseItem = { handlingClass: 'joint', promisedLimit: 10, statutoryLimit: 20 };
const opinion = (taskId: string, departmentId: string, limitDays = 3) =>
  make('openTask', '2025-06-03', { taskId, name: `${departmentId}会签`, assignee: { departmentId, role: 'reviewer', userId: null }, limitDays, taskKind: 'opinion' }, ACTORS.system);

function accepted() {
  return run(joint, [['submit', '2025-06-03'], ['accept', '2025-06-03'], 'startReview', opinion('2.1', 'deptA'), opinion('3.1', 'deptB')]);
}

describe('co-department opinions', () => {
  it('records each answer as it counts: a reasoned 不同意 stands, an unreasoned one or none is consent', () => {
    const { state } = accepted();
    const r1 = transition(state, make('completeTask', '2025-06-04', { taskId: '2.1', opinion: '选址不符合控制性详细规划', answer: 'disagree' }), { cal, actor: ACTORS.reviewer });
    expect(r1.ok && r1.state.tasks.find((t) => t.id === '2.1')).toMatchObject({ status: 'completed', answer: 'disagree', kind: 'opinion' });
    const r2 = transition(state, make('completeTask', '2025-06-04', { taskId: '2.1', opinion: '  ', answer: 'disagree' }), { cal, actor: ACTORS.reviewer });
    expect(r2.ok && r2.state.tasks.find((t) => t.id === '2.1')!.answer).toBe('agree');
    const r3 = transition(state, make('completeTask', '2025-06-04', { taskId: '2.1', opinion: '同意' }), { cal, actor: ACTORS.reviewer });
    expect(r3.ok && r3.state.tasks.find((t) => t.id === '2.1')!.answer).toBe('agree');
    const r4 = transition(state, make('completeTask', '2025-06-04', { taskId: '3.1', opinion: '需报省厅审核', answer: 'agreeForward' }, ACTORS.reviewerB), { cal, actor: ACTORS.reviewerB });
    expect(r4.ok && r4.state.tasks.find((t) => t.id === '3.1')!.answer).toBe('agreeForward');
  });

  it('keeps each department to its own task, and the lead cannot decide while an opinion is open', () => {
    const { state } = accepted();
    const other = transition(state, make('completeTask', '2025-06-04', { taskId: '3.1', opinion: '同意', answer: 'agree' }), { cal, actor: ACTORS.reviewer });
    expect(!other.ok && other.error.code).toBe('case.notAllowed');
    const decide = transition(state, make('decide', '2025-06-04', { decision: { outcome: 'approved', note: '' } }), { cal, actor: ACTORS.leader });
    expect(decide.ok).toBe(false);
  });

  it('refuses an answer on a review step', () => {
    const { state } = run(joint, [
      ['submit', '2025-06-03'], ['accept', '2025-06-03'], 'startReview',
      make('openTask', '2025-06-03', { taskId: '1.1', name: '审查', assignee: { departmentId: 'deptA', role: 'reviewer', userId: null }, limitDays: 2 }, ACTORS.system),
    ]);
    const r = transition(state, make('completeTask', '2025-06-04', { taskId: '1.1', opinion: '同意', answer: 'agree' }), { cal, actor: ACTORS.reviewer });
    expect(!r.ok && r.error.field).toBe('answer');
  });

  it('lets only the system deem consent, and only after the limit (3 working days from Tue 3 June: Fri 6 June)', () => {
    const { state } = accepted();
    const deem = (date: string) => make('completeTask', date, { taskId: '3.1', opinion: '', answer: 'deemedConsent' }, ACTORS.system);
    const early = transition(state, deem('2025-06-06'), { cal, actor: ACTORS.system });
    expect(!early.ok && early.error.code).toBe('case.tooEarly');
    const late = transition(state, deem('2025-06-09'), { cal, actor: ACTORS.system });
    expect(late.ok && late.state.tasks.find((t) => t.id === '3.1')).toMatchObject({ status: 'completed', answer: 'deemedConsent', closedOn: '2025-06-09' });
    const byPerson = transition(state, make('completeTask', '2025-06-09', { taskId: '3.1', opinion: '', answer: 'deemedConsent' }, ACTORS.reviewerB), { cal, actor: ACTORS.reviewerB });
    expect(!byPerson.ok && byPerson.error.field).toBe('answer');
    const silentAnswer = transition(state, make('completeTask', '2025-06-09', { taskId: '3.1', opinion: '同意' }, ACTORS.system), { cal, actor: ACTORS.system });
    expect(silentAnswer.ok).toBe(false);
  });

  it('does not offer the system anything on a case without an open opinion task', () => {
    const { state } = run(joint, [['submit', '2025-06-03'], ['accept', '2025-06-03']]);
    const r = transition(state, make('completeTask', '2025-06-09', { taskId: '2.1', opinion: '', answer: 'deemedConsent' }, ACTORS.system), { cal, actor: ACTORS.system });
    expect(r.ok).toBe(false);
  });
});
