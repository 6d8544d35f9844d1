/** availableActions: which buttons each role sees in each situation. */
import { describe, expect, it } from 'vitest';
import { availableActions, workableTasks, type CaseActionKind, type CaseActor } from '../../../src/domain/case/index.js';
import { ACTORS, immediate, make, promised, reportUp, run, type Step } from './fixtures.js';

const task = (id: string, assignee: { departmentId: string | null; role: 'reviewer' | 'deptLeader'; userId: string | null }) =>
  make('openTask', '2025-06-03', { taskId: id, name: '审查', assignee, limitDays: 3 });
const deptA = { departmentId: 'deptA', role: 'reviewer' as const, userId: null };

describe('availableActions', () => {
  it.each<[string, Step[], CaseActor, CaseActionKind[]]>([
    ['a draft: the applicant submits or withdraws', [], ACTORS.applicant, ['submit', 'withdraw']],
    ['a draft: the clerk takes it in', [], ACTORS.clerk, ['submit', 'withdraw']],
    ['submitted: the clerk accepts, asks for materials or refuses', ['submit'], ACTORS.clerk, ['accept', 'requestSupplement', 'refuse', 'withdraw', 'greenChannel']],
    ['submitted: the chief rep, like a clerk, and terminates as a decider', ['submit'], ACTORS.chiefRep, ['accept', 'requestSupplement', 'refuse', 'terminate', 'greenChannel']],
    ['submitted: a reviewer can do nothing yet', ['submit'], ACTORS.reviewer, []],
    ['submitted: the applicant may only withdraw', ['submit'], ACTORS.applicant, ['withdraw']],
    ['waiting for materials: the applicant supplies or withdraws', ['submit', 'requestSupplement'], ACTORS.applicant, ['supply', 'withdraw']],
    ['waiting with a due date: the system may expire it', ['submit', make('requestSupplement', '2025-06-03', { materials: [{ code: 'M1', name: '申请书', problem: 'missing', note: '' }], dueDate: '2025-06-05' })], ACTORS.system, ['supplementExpired']],
    ['refused: the applicant may ask for a recheck', ['submit', 'refuse'], ACTORS.applicant, ['askRecheck']],
    ['recheck asked: the supervisor answers', ['submit', 'refuse', 'askRecheck'], ACTORS.supervisor, ['answerRecheck']],
    ['accepted: the leader decides, suspends, opens tasks, terminates', ['submit', 'accept'], ACTORS.leader, ['requestSupplement', 'suspend', 'openTask', 'decide', 'terminate', 'greenChannel']],
    ['accepted: the delegated chief rep decides at the window', ['submit', 'accept'], ACTORS.chiefRep, ['requestSupplement', 'startReview', 'suspend', 'openTask', 'decide', 'terminate', 'assessFee', 'greenChannel']],
    ['accepted: a chief rep without delegation does not decide', ['submit', 'accept'], ACTORS.chiefRepUndelegated, ['requestSupplement', 'startReview', 'openTask', 'assessFee', 'greenChannel']],
    ['in review with a task of deptA: its reviewer works it', ['submit', 'accept', task('t1', deptA)], ACTORS.reviewer, ['requestSupplement', 'suspend', 'openTask', 'completeTask']],
    ['in review with a task of deptA: deptB’s reviewer cannot', ['submit', 'accept', task('t1', deptA)], ACTORS.reviewerB, ['openTask']],
    ['in review with a task open: the leader cannot decide', ['submit', 'accept', task('t1', deptA)], ACTORS.leader, ['requestSupplement', 'suspend', 'openTask', 'terminate', 'greenChannel']],
    ['a task named to a person: only that person', ['submit', 'accept', task('t1', { departmentId: null, role: 'reviewer', userId: 'rev-2' })], ACTORS.reviewerB, ['requestSupplement', 'suspend', 'openTask', 'completeTask']],
    ['suspended: the leader resumes', ['submit', 'accept', 'suspend'], ACTORS.leader, ['resume', 'terminate', 'greenChannel']],
    ['decided: the leader concludes', ['submit', 'accept', 'decide'], ACTORS.leader, ['openTask', 'conclude', 'terminate', 'greenChannel']],
    ['decided: the clerk may still open a task (制证) and assess fees', ['submit', 'accept', 'decide'], ACTORS.clerk, ['openTask', 'assessFee', 'greenChannel']],
    ['concluded with a fee owed: the clerk collects, cannot deliver', ['submit', 'accept', 'assessFee', 'decide', 'conclude'], ACTORS.clerk, ['assessFee', 'payFee', 'cancelFee']],
    ['concluded and paid: the clerk delivers', ['submit', 'accept', 'assessFee', 'payFee', 'decide', 'conclude'], ACTORS.clerk, ['deliver', 'assessFee', 'refundFee']],
    ['immediate, submitted: the clerk concludes on the spot, never just accepts', ['submit'], ACTORS.clerk, ['requestSupplement', 'refuse', 'concludeImmediately', 'withdraw', 'greenChannel']],
  ])('%s', (_name, steps, actor, kinds) => {
    const item = _name.startsWith('immediate') ? immediate : promised;
    expect(availableActions(run(item, steps).state, actor)).toEqual(kinds);
  });

  it('a forwarded case offers the clerk the answer once, then the leader the conclusion', () => {
    const { state } = run(reportUp, ['submit', 'accept', 'decide']);
    expect(state.outcome).toBe('forwarded');
    expect(availableActions(state, ACTORS.clerk)).toContain('recordForwardAnswer');
    expect(availableActions(state, ACTORS.leader)).not.toContain('conclude');
    const { state: answered } = run(reportUp, ['submit', 'accept', 'decide', 'recordForwardAnswer']);
    expect(availableActions(answered, ACTORS.clerk)).not.toContain('recordForwardAnswer');
    expect(availableActions(answered, ACTORS.leader)).toContain('conclude');
  });

  it('workableTasks lists the tasks of my department or named to me', () => {
    const { state } = run(promised, ['submit', 'accept', task('t1', deptA), task('t2', { departmentId: 'deptB', role: 'reviewer', userId: null }), task('t3', { departmentId: null, role: 'reviewer', userId: 'rev-1' })]);
    expect(workableTasks(state, ACTORS.reviewer).map((t) => t.id)).toEqual(['t1', 't3']);
    expect(workableTasks(state, ACTORS.reviewerB).map((t) => t.id)).toEqual(['t2']);
  });
});
