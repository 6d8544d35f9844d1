/** Every refusal, by example: the error's code, the field it names, and the status it names. */
import { describe, expect, it } from 'vitest';
import {
  CASE_ACTION_KINDS,
  CASE_ERROR_KIND,
  CASE_STATUS_LABELS,
  CaseError,
  guard,
  transition,
  transitionOrThrow,
  type CaseAction,
  type CaseActionKind,
  type CaseActor,
  type CaseErrorCode,
  type CaseItem,
  type CaseState,
} from '../../../src/domain/case/index.js';
import { ACTORS, DENIAL, FORWARD, cal, immediate, make, promised, reportUp, run, sample, type Step } from './fixtures.js';

const ACCEPTED: Step[] = ['submit', 'accept'];
const IN_REVIEW: Step[] = ['submit', 'accept', 'startReview'];
const CONCLUDED: Step[] = [...IN_REVIEW, 'decide', 'conclude'];
const task = (id: string, role: 'reviewer' | 'deptLeader' = 'reviewer') =>
  make('openTask', '2025-06-03', { taskId: id, name: '审查', assignee: { departmentId: 'deptA', role, userId: null }, limitDays: 3 });
const deferredAccept = make('accept', '2025-06-03', { deferred: { materials: [{ code: 'M9', name: '营业执照副本' }], dueDate: '2025-06-06' }, pledged: [] });
const fee = make('assessFee', '2025-06-03', { feeId: 'f1', name: '工本费', licenceNo: '鲁价费证字第001号', amountFen: 1250 });

type Row = [name: string, item: CaseItem, setup: Step[], action: (s: CaseState) => CaseAction, code: CaseErrorCode, field?: string];

const ROWS: Row[] = [
  ['submit twice', promised, ['submit'], (s) => sample(s, 'submit', '2025-06-03'), 'case.invalidState'],
  ['accept an immediate item (it is concluded on the spot)', immediate, ['submit'], (s) => sample(s, 'accept', '2025-06-03'), 'case.immediate'],
  ['conclude a promised item on the spot', promised, ['submit'], (s) => sample(s, 'concludeImmediately', '2025-06-03'), 'case.notImmediate'],
  ['immediate conclusion forwarded', immediate, ['submit'], () => make('concludeImmediately', '2025-06-03', { decision: FORWARD as never }), 'case.invalidInput', 'decision.outcome'],
  ['accept with 容缺 due after the promised deadline', promised, ['submit'], () => make('accept', '2025-06-03', { deferred: { materials: [{ code: 'M9', name: '执照' }], dueDate: '2025-06-11' }, pledged: [] }), 'case.invalidInput', 'deferred.dueDate'],
  ['accept with 容缺 and no materials', promised, ['submit'], () => make('accept', '2025-06-03', { deferred: { materials: [], dueDate: '2025-06-05' }, pledged: [] }), 'case.invalidInput', 'deferred.materials'],
  ['supplement request with no materials', promised, ['submit'], () => make('requestSupplement', '2025-06-03', { materials: [], dueDate: null }), 'case.invalidInput', 'materials'],
  ['supplement request listing a material twice', promised, ['submit'], () => make('requestSupplement', '2025-06-03', { materials: [{ code: 'M1', name: '申请书', problem: 'missing', note: '' }, { code: 'M1', name: '申请书', problem: 'wrong', note: '' }], dueDate: null }), 'case.invalidInput', 'materials.1.code'],
  ['supplement request with a blank material name', promised, ['submit'], () => make('requestSupplement', '2025-06-03', { materials: [{ code: 'M1', name: ' ', problem: 'missing', note: '' }], dueDate: null }), 'case.invalidInput', 'materials.0.name'],
  ['supplement request due in the past', promised, ['submit'], () => make('requestSupplement', '2025-06-03', { materials: [{ code: 'M1', name: '申请书', problem: 'missing', note: '' }], dueDate: '2025-06-02' }), 'case.invalidInput', 'dueDate'],
  ['supplement expiry before the due date', promised, ['submit', make('requestSupplement', '2025-06-03', { materials: [{ code: 'M1', name: '申请书', problem: 'missing', note: '' }], dueDate: '2025-06-10' })], (s) => make('supplementExpired', '2025-06-10', {}), 'case.tooEarly', 'date'],
  ['supplement expiry of a request with no due date', promised, ['submit', make('requestSupplement', '2025-06-03', { materials: [{ code: 'M1', name: '申请书', problem: 'missing', note: '' }], dueDate: null })], (s) => sample(s, 'supplementExpired', '2025-09-01'), 'case.invalidState'],
  ['supplement expiry during review', promised, [...IN_REVIEW, 'requestSupplement'], () => make('supplementExpired', '2025-12-01', {}), 'case.invalidState'],
  ['supply when nothing is awaited', promised, ACCEPTED, () => make('supply', '2025-06-03', { materials: ['M1'] }), 'case.invalidState'],
  ['supply of materials not owed', promised, ['submit', deferredAccept], () => make('supply', '2025-06-03', { materials: ['M1'] }), 'case.invalidInput', 'materials'],
  ['refuse after acceptance', promised, ACCEPTED, (s) => sample(s, 'refuse', '2025-06-03'), 'case.invalidState'],
  ['refuse without a reason', promised, ['submit'], () => make('refuse', '2025-06-03', { reason: '', legalBasis: ['《行政许可法》第三十二条'], redirectTo: null }), 'case.invalidInput', 'reason'],
  ['refuse without a legal basis', promised, ['submit'], () => make('refuse', '2025-06-03', { reason: '不属于本机关', legalBasis: [], redirectTo: null }), 'case.invalidInput', 'legalBasis'],
  ['refuse with a blank legal basis', promised, ['submit'], () => make('refuse', '2025-06-03', { reason: '不属于本机关', legalBasis: ['《行政许可法》', ' '], redirectTo: null }), 'case.invalidInput', 'legalBasis.1'],
  ['refuse with a blank place to go', promised, ['submit'], () => make('refuse', '2025-06-03', { reason: '不属于本机关', legalBasis: ['《行政许可法》'], redirectTo: '' }), 'case.invalidInput', 'redirectTo'],
  ['ask a recheck twice', promised, ['submit', 'refuse', 'askRecheck'], (s) => sample(s, 'askRecheck', '2025-06-03'), 'case.invalidState'],
  ['answer a recheck nobody asked for', promised, ['submit', 'refuse'], (s) => sample(s, 'answerRecheck', '2025-06-03'), 'case.invalidState'],
  ['suspend for a procedure the item does not have', promised, IN_REVIEW, () => make('suspend', '2025-06-03', { procedure: 'auction', reason: '拍卖', limitDays: 5 }), 'case.invalidInput', 'procedure'],
  ['suspend with no limit', promised, IN_REVIEW, () => make('suspend', '2025-06-03', { procedure: 'expertReview', reason: '评审', limitDays: 0 }), 'case.invalidInput', 'limitDays'],
  ['suspend before acceptance', promised, ['submit'], (s) => sample(s, 'suspend', '2025-06-03'), 'case.invalidState'],
  ['resume a case not suspended', promised, IN_REVIEW, (s) => sample(s, 'resume', '2025-06-03'), 'case.invalidState'],
  ['resume a wait on the applicant (only supplying ends it)', promised, [...IN_REVIEW, 'requestSupplement'], (s) => sample(s, 'resume', '2025-06-03'), 'case.invalidState'],
  ['deferred overdue before the due date', promised, ['submit', deferredAccept], () => make('deferredOverdue', '2025-06-06', {}), 'case.tooEarly', 'date'],
  ['open a task with a used id', promised, [...IN_REVIEW, task('t1')], () => task('t1'), 'case.duplicate', 'taskId'],
  ['open a task with a negative limit', promised, IN_REVIEW, () => make('openTask', '2025-06-03', { taskId: 't1', name: '审查', assignee: { departmentId: null, role: 'reviewer', userId: null }, limitDays: -1 }), 'case.invalidInput', 'limitDays'],
  ['complete an unknown task', promised, [...IN_REVIEW, task('t1')], () => make('completeTask', '2025-06-03', { taskId: 'nope', opinion: '' }), 'case.unknownTask', 'taskId'],
  ['complete a task already completed', promised, [...IN_REVIEW, task('t1'), make('completeTask', '2025-06-03', { taskId: 't1', opinion: '' }), task('t2')], () => make('completeTask', '2025-06-03', { taskId: 't1', opinion: '' }), 'case.invalidInput', 'taskId'],
  ['return the first step (no previous one)', promised, [...IN_REVIEW, task('t1')], () => make('returnTask', '2025-06-03', { taskId: 't1', reason: '退回' }), 'case.noPreviousStep'],
  ['return without a reason', promised, [...IN_REVIEW, task('t1'), make('completeTask', '2025-06-03', { taskId: 't1', opinion: '' }), task('t2')], () => make('returnTask', '2025-06-03', { taskId: 't2', reason: '' }), 'case.invalidInput', 'reason'],
  ['decide while a task is open', promised, [...IN_REVIEW, task('t1')], (s) => sample(s, 'decide', '2025-06-03'), 'case.taskOpen'],
  ['decide while 容缺 materials are owed', promised, ['submit', deferredAccept], (s) => sample(s, 'decide', '2025-06-03'), 'case.materialsOwed'],
  ['decide before acceptance', promised, ['submit'], (s) => sample(s, 'decide', '2025-06-03'), 'case.invalidState'],
  ['decide twice', promised, [...IN_REVIEW, 'decide'], (s) => sample(s, 'decide', '2025-06-03'), 'case.invalidState'],
  ['deny without reasons', promised, IN_REVIEW, () => make('decide', '2025-06-03', { decision: { ...DENIAL, reasons: [] } }), 'case.invalidInput', 'decision.reasons'],
  ['deny without a legal basis', promised, IN_REVIEW, () => make('decide', '2025-06-03', { decision: { ...DENIAL, legalBasis: [] } }), 'case.invalidInput', 'decision.legalBasis'],
  ['deny without the rights statement', promised, IN_REVIEW, () => make('decide', '2025-06-03', { decision: { ...DENIAL, rightsStatement: '' } }), 'case.invalidInput', 'decision.rightsStatement'],
  ['forward an item that is not report-up', promised, IN_REVIEW, () => make('decide', '2025-06-03', { decision: FORWARD }), 'case.invalidInput', 'decision.outcome'],
  ['forward without the higher authority', reportUp, IN_REVIEW, () => make('decide', '2025-06-03', { decision: { ...FORWARD, authority: '' } }), 'case.invalidInput', 'decision.authority'],
  ['approve a report-up item locally', reportUp, IN_REVIEW, () => make('decide', '2025-06-03', { decision: { outcome: 'approved', note: '' } }), 'case.invalidInput', 'decision.outcome'],
  ['forward with the answer due before today', reportUp, IN_REVIEW, () => make('decide', '2025-06-03', { decision: { ...FORWARD, answerDue: '2025-06-02' } }), 'case.invalidInput', 'decision.answerDue'],
  ['forward with an answer due date that is no date', reportUp, IN_REVIEW, () => make('decide', '2025-06-03', { decision: { ...FORWARD, answerDue: '2025-13-40' } }), 'case.invalidInput', 'decision.answerDue'],
  ['green channel without a reason', promised, ['submit'], () => make('greenChannel', '2025-06-03', { on: true, escortId: 'clerk-1', escortName: '王收件', reason: ' ' }), 'case.invalidInput', 'reason'],
  ['green channel without an escort', promised, ['submit'], () => make('greenChannel', '2025-06-03', { on: true, escortId: null, escortName: '', reason: '重点项目' }), 'case.invalidInput', 'escortId'],
  ['green channel lifted from a case not in it', promised, ['submit'], () => make('greenChannel', '2025-06-03', { on: false, escortId: null, escortName: '', reason: '撤销' }), 'case.invalidInput', 'on'],
  ['green channel on a concluded case', promised, CONCLUDED, () => make('greenChannel', '2025-06-04', { on: true, escortId: 'clerk-1', escortName: '王收件', reason: '重点项目' }), 'case.invalidState'],
  ['record an answer to a case not forwarded', promised, [...IN_REVIEW, 'decide'], (s) => sample(s, 'recordForwardAnswer', '2025-06-03'), 'case.invalidState'],
  ['record a forward answer without its reference', reportUp, [...IN_REVIEW, 'decide'], () => make('recordForwardAnswer', '2025-06-03', { result: 'approved', reference: '', note: '' }), 'case.invalidInput', 'reference'],
  ['conclude before deciding', promised, IN_REVIEW, (s) => sample(s, 'conclude', '2025-06-03'), 'case.invalidState'],
  ['conclude a forwarded case before the answer', reportUp, [...IN_REVIEW, 'decide'], (s) => sample(s, 'conclude', '2025-06-03'), 'case.invalidState'],
  ['conclude while a task (制证) is open', promised, [...IN_REVIEW, 'decide', task('t1')], (s) => sample(s, 'conclude', '2025-06-03'), 'case.taskOpen'],
  ['deliver before conclusion', promised, IN_REVIEW, (s) => sample(s, 'deliver', '2025-06-03'), 'case.invalidState'],
  ['deliver while a fee is unpaid', promised, [...IN_REVIEW, fee, 'decide', 'conclude'], (s) => sample(s, 'deliver', '2025-06-03'), 'case.feeUnpaid'],
  ['deliver to a receiver with a wrong ID number', promised, CONCLUDED, () => make('deliver', '2025-06-03', { delivery: { method: 'window', receiver: { name: '张三', idType: 'idCard', idNumber: '370702199001011235' } } }), 'case.invalidInput', 'delivery.receiver.idNumber'],
  ['deliver by mail without a tracking number', promised, CONCLUDED, () => make('deliver', '2025-06-03', { delivery: { method: 'mail', carrier: 'EMS', trackingNo: '' } }), 'case.invalidInput', 'delivery.trackingNo'],
  ['withdraw after the decision', promised, [...IN_REVIEW, 'decide'], (s) => sample(s, 'withdraw', '2025-06-03'), 'case.invalidState'],
  ['withdraw a delivered case', promised, [...CONCLUDED, 'deliver'], (s) => sample(s, 'withdraw', '2025-06-03'), 'case.invalidState'],
  ['terminate a concluded case without a pledge', promised, CONCLUDED, (s) => sample(s, 'terminate', '2025-06-03'), 'case.invalidState'],
  ['terminate a concluded case on other grounds than a false pledge', promised, [...IN_REVIEW.slice(0, 1), make('accept', '2025-06-03', { deferred: null, pledged: [{ code: 'M8', name: '证明' }] }), 'decide', 'conclude'], () => make('terminate', '2025-06-03', { grounds: 'other', reason: '其他' }), 'case.invalidInput', 'grounds'],
  ['terminate without a reason', promised, ACCEPTED, () => make('terminate', '2025-06-03', { grounds: 'other', reason: ' ' }), 'case.invalidInput', 'reason'],
  ['terminate for a false pledge when nothing was pledged', promised, ACCEPTED, () => make('terminate', '2025-06-03', { grounds: 'falsePledge', reason: '虚假' }), 'case.invalidInput', 'grounds'],
  ['assess a fee before acceptance', promised, ['submit'], () => fee, 'case.invalidState'],
  ['assess a fee with an id used before', promised, [...ACCEPTED, fee], () => fee, 'case.duplicate', 'feeId'],
  ['assess a fee of zero', promised, ACCEPTED, () => ({ ...fee, amountFen: 0 }), 'case.invalidInput', 'amountFen'],
  ['assess a fee in fractions of a fen', promised, ACCEPTED, () => ({ ...fee, amountFen: 12.5 }), 'case.invalidInput', 'amountFen'],
  ['assess a fee without its licence number (亮证收费)', promised, ACCEPTED, () => ({ ...fee, licenceNo: '' }), 'case.invalidInput', 'licenceNo'],
  ['pay an unknown fee', promised, [...ACCEPTED, fee], () => make('payFee', '2025-06-03', { feeId: 'f9', method: 'cash', reference: null, receiptNo: 'R1' }), 'case.unknownFee', 'feeId'],
  ['pay online without a reference', promised, [...ACCEPTED, fee], () => make('payFee', '2025-06-03', { feeId: 'f1', method: 'online', reference: null, receiptNo: 'R1' }), 'case.invalidInput', 'reference'],
  ['pay without a receipt number', promised, [...ACCEPTED, fee], () => make('payFee', '2025-06-03', { feeId: 'f1', method: 'cash', reference: null, receiptNo: '' }), 'case.invalidInput', 'receiptNo'],
  ['pay a fee of a withdrawn case', promised, [...ACCEPTED, fee, 'withdraw'], () => make('payFee', '2025-06-03', { feeId: 'f1', method: 'cash', reference: null, receiptNo: 'R1' }), 'case.invalidState'],
  ['refund when nothing was paid', promised, [...ACCEPTED, fee], () => make('refundFee', '2025-06-03', { feeId: 'f1', reason: '多收' }), 'case.invalidState'],
  ['refund without a reason', promised, [...ACCEPTED, fee, 'payFee'], () => make('refundFee', '2025-06-03', { feeId: 'f1', reason: '' }), 'case.invalidInput', 'reason'],
  ['an action dated before the previous one', promised, ['submit'], () => make('accept', '2025-06-02', { deferred: null, pledged: [] }), 'case.dateOrder', 'date'],
  ['an action with an impossible date', promised, ['submit'], () => make('accept', '2025-02-30', { deferred: null, pledged: [] }), 'case.invalidInput', 'date'],
];

describe('refusals', () => {
  it.each(ROWS)('%s', (_name, item, setup, action, code, field) => {
    const { state } = run(item, setup);
    const r = transition(state, action(state), { cal });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBeInstanceOf(CaseError);
    expect(r.error.code).toBe(code);
    expect(r.error.field).toBe(field ?? null);
    expect(r.error.status).toBe(state.status);
    // the message names the current status, in both languages
    const [zh, en] = CASE_STATUS_LABELS[state.status];
    expect(r.error.messageZh).toContain(`当前状态为“${zh}”`);
    expect(r.error.messageEn).toContain(`the case is ${en}`);
    expect(CASE_ERROR_KIND[r.error.code]).toBeTruthy();
  });

  it('words the plain status refusal exactly', () => {
    const { state } = run(promised, CONCLUDED);
    const r = transition(state, sample(state, 'accept', '2025-06-04'), { cal });
    expect(r.ok ? null : [r.error.messageZh, r.error.messageEn]).toEqual(['当前状态为“已办结”，不能受理', 'Cannot accept: the case is concluded']);
  });

  it('names the open task and the unpaid amount', () => {
    const { state } = run(promised, [...IN_REVIEW, task('t1')]);
    expect(() => transitionOrThrow(state, sample(state, 'decide', '2025-06-03'), { cal })).toThrow(/task is still open \(审查\)/);
    const { state: owing } = run(promised, [...IN_REVIEW, fee, 'decide', 'conclude']);
    const r = transition(owing, sample(owing, 'deliver', '2025-06-03'), { cal });
    expect(r.ok ? '' : r.error.messageZh).toBe('当前状态为“已办结”，不能送达：尚有未缴清的费用（12.50元）');
  });
});

describe('terminal statuses accept nothing but what the rules allow', () => {
  const allowed = (s: CaseState) => CASE_ACTION_KINDS.filter((k) => guard(s, k) === null);
  const pledgedAccept = make('accept', '2025-06-03', { deferred: null, pledged: [{ code: 'M8', name: '证明' }] });
  it.each<[string, Step[], CaseActionKind[]]>([
    ['notAccepted: only the recheck', ['submit', 'refuse'], ['askRecheck']],
    ['notAccepted after an upheld recheck: nothing', ['submit', 'refuse', 'askRecheck', 'answerRecheck'], []],
    ['withdrawn: nothing', [...ACCEPTED, 'withdraw'], []],
    ['withdrawn with a paid fee: only its refund', [...ACCEPTED, fee, 'payFee', 'withdraw'], ['refundFee']],
    ['withdrawn with an unpaid fee: only cancelling it', [...ACCEPTED, fee, 'withdraw'], ['cancelFee']],
    ['terminated: nothing', [...ACCEPTED, 'terminate'], []],
    ['delivered: nothing', [...CONCLUDED, 'deliver'], []],
    ['delivered under a pledge: termination for a false pledge', ['submit', pledgedAccept, 'decide', 'conclude', 'deliver'], ['terminate']],
    ['concluded: delivery and fees', CONCLUDED, ['deliver', 'assessFee']],
  ])('%s', (_name, steps, kinds) => {
    expect(allowed(run(promised, steps).state)).toEqual(kinds);
  });
});

describe('who may act (transition with an actor)', () => {
  const attempt = (steps: Step[], kind: CaseActionKind, actor: CaseActor, item: CaseItem = promised) => {
    const { state } = run(item, steps);
    return transition(state, sample(state, kind, '2025-06-04', actor), { cal, actor });
  };
  it.each<[string, Step[], CaseActionKind, CaseActor]>([
    ['an applicant cannot decide', IN_REVIEW, 'decide', ACTORS.applicant],
    ['a clerk cannot decide', IN_REVIEW, 'decide', ACTORS.clerk],
    ['a chief rep cannot decide an item not delegated', IN_REVIEW, 'decide', ACTORS.chiefRepUndelegated],
    ['a reviewer cannot accept', ['submit'], 'accept', ACTORS.reviewer],
    ['a reviewer of another department cannot complete the task', [...IN_REVIEW, task('t1')], 'completeTask', ACTORS.reviewerB],
    ['a reviewer cannot complete a task assigned to the leader', [...IN_REVIEW, task('t1', 'deptLeader')], 'completeTask', ACTORS.reviewer],
    ['the system cannot terminate on its own grounds', ACCEPTED, 'terminate', ACTORS.system],
    ['a supervisor cannot withdraw', ACCEPTED, 'withdraw', ACTORS.supervisor],
  ])('%s', (_name, steps, kind, actor) => {
    const r = attempt(steps, kind, actor);
    expect(r.ok ? null : r.error.code).toBe('case.notAllowed');
  });

  it('the action must be signed by the acting person', () => {
    const { state } = run(promised, IN_REVIEW);
    const action = { ...sample(state, 'decide', '2025-06-04', ACTORS.leader), actorId: 'someone-else' };
    const r = transition(state, action, { cal, actor: ACTORS.leader });
    expect(r.ok ? null : r.error.code).toBe('case.notAllowed');
  });

  it('the same moves pass for the right people', () => {
    expect(attempt(IN_REVIEW, 'decide', ACTORS.chiefRep).ok).toBe(true);
    expect(attempt(IN_REVIEW, 'decide', ACTORS.leader).ok).toBe(true);
    expect(attempt([...IN_REVIEW, task('t1')], 'completeTask', ACTORS.reviewer).ok).toBe(true);
    expect(attempt([...IN_REVIEW, task('t1', 'deptLeader')], 'completeTask', ACTORS.leader).ok).toBe(true);
  });
});
