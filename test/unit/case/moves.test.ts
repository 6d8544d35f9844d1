/** Every legal move, by example: what it does to the state. Calendar: fixtures.ts (2025-06-03 is a Tuesday). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RIGHTS_STATEMENT, foldCase } from '../../../src/domain/case/index.js';
import { DENIAL, FORWARD, cal, immediate, make, promised, reportUp, run } from './fixtures.js';

describe('intake', () => {
  it('submit: a draft becomes submitted, with no clock yet', () => {
    const { state } = run(promised, [make('submit', '2025-06-03', { channel: 'online' })]);
    expect(state).toMatchObject({ status: 'submitted', channel: 'online', submittedOn: '2025-06-03', acceptedOn: null, deadlines: null, version: 1 });
  });

  it('accept: the clock starts, the day of acceptance not counted', () => {
    const { state } = run(promised, ['submit', 'accept']);
    // 5 working days after Tue 3 June: 4, 5, 6, 9, 10 June; 20 days end on 1 July
    expect(state).toMatchObject({ status: 'accepted', acceptedOn: '2025-06-03', deadlines: { promised: '2025-06-10', statutory: '2025-07-01' } });
  });

  it('accept skips holidays: accepted on Friday 30 May, the Dragon Boat Monday does not count', () => {
    const { state } = run(promised, ['submit', 'accept'], '2025-05-30');
    expect(state.deadlines?.promised).toBe('2025-06-09'); // 3, 4, 5, 6, 9 June
  });

  it('requestSupplement before acceptance lists every material at once and starts no clock; supply returns it to submitted', () => {
    const lines = [
      { code: 'M1', name: '申请书', problem: 'wrong' as const, note: '未签字' },
      { code: 'M2', name: '身份证复印件', problem: 'missing' as const, note: '' },
      { code: 'M3', name: '场所平面图', problem: 'incomplete' as const, note: '缺少比例尺' },
    ];
    const { state: waiting } = run(promised, ['submit', make('requestSupplement', '2025-06-03', { materials: lines, dueDate: '2025-06-10' })]);
    expect(waiting).toMatchObject({ status: 'supplementRequired', supplementRounds: 1, acceptedOn: null, deadlines: null, pauses: [] });
    expect(waiting.supplement?.materials).toEqual(lines);

    const { state } = run(promised, ['submit', make('requestSupplement', '2025-06-03', { materials: lines, dueDate: null }), make('supply', '2025-06-06', { materials: ['M1', 'M2', 'M3'] }), 'accept']);
    expect(state).toMatchObject({ status: 'accepted', supplement: null, acceptedOn: '2025-06-06', deadlines: { promised: '2025-06-13' } });
  });

  it('supplementExpired: an unanswered request past its due date is deemed withdrawn', () => {
    const { state } = run(promised, ['submit', make('requestSupplement', '2025-06-03', { materials: [{ code: 'M1', name: '申请书', problem: 'missing', note: '' }], dueDate: '2025-06-10' }), ['supplementExpired', '2025-06-11']]);
    expect(state).toMatchObject({ status: 'withdrawn', withdrawal: { deemed: true, on: '2025-06-11' }, stoppedOn: null });
  });

  it('refuse records reason, legal basis and where to go; a recheck may uphold it', () => {
    const refuse = make('refuse', '2025-06-03', { reason: '不属于本机关职权范围', legalBasis: ['《行政许可法》第三十二条'], redirectTo: '市场监督管理局' });
    const { state } = run(promised, ['submit', refuse, 'askRecheck', make('answerRecheck', '2025-06-05', { upheld: true, reason: '维持' })]);
    expect(state.status).toBe('notAccepted');
    expect(state.refusal).toMatchObject({ reason: '不属于本机关职权范围', legalBasis: ['《行政许可法》第三十二条'], redirectTo: '市场监督管理局', recheck: { answer: { upheld: true } } });
  });

  it('a recheck that overturns the refusal sends the case back to be accepted', () => {
    const { state } = run(promised, ['submit', 'refuse', 'askRecheck', make('answerRecheck', '2025-06-04', { upheld: false, reason: '材料齐全，应予受理' }), 'accept']);
    expect(state).toMatchObject({ status: 'accepted', refusal: null, acceptedOn: '2025-06-04' });
  });

  it('concludeImmediately: an immediate case is accepted and concluded in one sitting', () => {
    const { state } = run(immediate, ['submit', make('concludeImmediately', '2025-06-03', { decision: { outcome: 'approved', note: '' } })]);
    expect(state).toMatchObject({ status: 'concluded', outcome: 'approved', acceptedOn: '2025-06-03', concludedOn: '2025-06-03', stoppedOn: '2025-06-03', deadlines: { promised: '2025-06-03' } });
  });

  it('concludeImmediately may deny on the spot, with reasons', () => {
    const { state } = run(immediate, ['submit', make('concludeImmediately', '2025-06-03', { decision: DENIAL })]);
    expect(state).toMatchObject({ outcome: 'denied', decision: { reasons: DENIAL.reasons } });
  });
});

describe('review', () => {
  it('startReview moves an accepted case into review', () => {
    expect(run(promised, ['submit', 'accept', 'startReview']).state.status).toBe('inReview');
  });

  it('requestSupplement during review pauses the clock until the applicant supplies', () => {
    const { state: waiting } = run(promised, ['submit', 'accept', 'startReview', ['requestSupplement', '2025-06-05']]);
    expect(waiting).toMatchObject({ status: 'supplementRequired', resumeTo: 'inReview', pauses: [{ kind: 'supplement', from: '2025-06-05', to: null }] });
    const { state } = run(promised, ['submit', 'accept', 'startReview', ['requestSupplement', '2025-06-05'], make('supply', '2025-06-09', { materials: ['M1'] })]);
    // paused 5, 6 and 9 June: the promised deadline moves from 10 to 13 June (4, 10, 11, 12, 13)
    expect(state).toMatchObject({ status: 'inReview', pauses: [{ from: '2025-06-05', to: '2025-06-09' }], deadlines: { promised: '2025-06-13', statutory: '2025-07-04' } });
  });

  it('suspend (special procedure) and resume: kind, reason and own limit recorded, deadline moved', () => {
    const suspend = make('suspend', '2025-06-04', { procedure: 'expertReview', reason: '组织专家评审', limitDays: 10 });
    const { state } = run(promised, ['submit', 'accept', 'startReview', suspend, ['resume', '2025-06-06']]);
    expect(state.pauses).toEqual([{ kind: 'specialProcedure', procedure: 'expertReview', reason: '组织专家评审', limitDays: 10, from: '2025-06-04', to: '2025-06-06' }]);
    expect(state).toMatchObject({ status: 'inReview', deadlines: { promised: '2025-06-13' } }); // 9, 10, 11, 12, 13
  });

  it('tasks: open, complete, and return to the previous step, which is worked again', () => {
    const t = (id: string, name: string) => make('openTask', '2025-06-04', { taskId: id, name, assignee: { departmentId: 'deptA', role: 'reviewer', userId: null }, limitDays: 2 });
    const { state } = run(promised, ['submit', 'accept', t('t1', '审查'), make('completeTask', '2025-06-04', { taskId: 't1', opinion: '同意' }), t('t2', '复核'), make('returnTask', '2025-06-05', { taskId: 't2', reason: '现场照片不清' })]);
    expect(state.status).toBe('inReview'); // opening a task starts the review
    expect(state.openTaskIds).toEqual(['t1']);
    expect(state.tasks).toMatchObject([
      { id: 't1', status: 'open', round: 2, openedOn: '2025-06-05', opinion: null },
      { id: 't2', status: 'returned', opinion: '现场照片不清', closedOn: '2025-06-05' },
    ]);
  });

  it('decide approved, then conclude: the clock stops at conclusion', () => {
    const { state: decided } = run(promised, ['submit', 'accept', 'startReview', ['decide', '2025-06-05']]);
    expect(decided).toMatchObject({ status: 'inReview', outcome: 'approved', stoppedOn: null, decision: { outcome: 'approved', on: '2025-06-05' } });
    const { state } = run(promised, ['submit', 'accept', 'startReview', ['decide', '2025-06-05'], ['conclude', '2025-06-06']]);
    expect(state).toMatchObject({ status: 'concluded', concludedOn: '2025-06-06', stoppedOn: '2025-06-06' });
  });

  it('a delegated item is decided by the chief rep at the window, without review', () => {
    const { state } = run(promised, ['submit', 'accept', make('decide', '2025-06-03', { decision: { outcome: 'approved', note: '' } }, { id: 'chief-1', role: 'chiefRep' })]);
    expect(state).toMatchObject({ status: 'accepted', outcome: 'approved' });
  });

  it('decide denied keeps reasons, legal basis and the rights statement', () => {
    const denial = { ...DENIAL, rightsStatement: DEFAULT_RIGHTS_STATEMENT };
    const { state } = run(promised, ['submit', 'accept', 'startReview', make('decide', '2025-06-05', { decision: denial })]);
    expect(state.decision).toEqual({ ...denial, on: '2025-06-05' });
  });

  it('forwarded: the local clock stops when forwarded; the answer is recorded, then the case concludes', () => {
    const { state } = run(reportUp, [
      'submit', 'accept', 'startReview',
      make('decide', '2025-06-05', { decision: FORWARD }),
      make('recordForwardAnswer', '2025-06-20', { result: 'approved', reference: '鲁政审〔2025〕12号', note: '' }),
      ['conclude', '2025-06-23'],
    ]);
    expect(state).toMatchObject({
      status: 'concluded', outcome: 'forwarded', stoppedOn: '2025-06-05', concludedOn: '2025-06-23',
      forward: { authority: '省人民政府', forwardedOn: '2025-06-05', answer: { result: 'approved', reference: '鲁政审〔2025〕12号', on: '2025-06-20' } },
    });
  });
});

describe('conclusion and after', () => {
  const concluded = ['submit', 'accept', 'startReview', 'decide', 'conclude'] as const;

  it('deliver at the window to an identified receiver', () => {
    const receiver = { name: '张三', idType: 'idCard' as const, idNumber: '370702199001011234' };
    const { state } = run(promised, [...concluded, make('deliver', '2025-06-04', { delivery: { method: 'window', receiver } })]);
    expect(state).toMatchObject({ status: 'delivered', delivery: { method: 'window', receiver, on: '2025-06-04' } });
  });

  it('deliver by mail with a tracking number', () => {
    const { state } = run(promised, [...concluded, make('deliver', '2025-06-04', { delivery: { method: 'mail', carrier: 'EMS', trackingNo: '1180000000000' } })]);
    expect(state.delivery).toMatchObject({ method: 'mail', trackingNo: '1180000000000' });
  });

  it('withdraw: open tasks are cancelled, an open pause closed, the clock stopped', () => {
    const task = make('openTask', '2025-06-04', { taskId: 't1', name: '审查', assignee: { departmentId: 'deptA', role: 'reviewer', userId: null }, limitDays: 2 });
    const { state } = run(promised, ['submit', 'accept', task, ['suspend', '2025-06-05'], ['withdraw', '2025-06-09']]);
    expect(state).toMatchObject({ status: 'withdrawn', openTaskIds: [], stoppedOn: '2025-06-09', withdrawal: { deemed: false } });
    expect(state.tasks[0].status).toBe('cancelled');
    expect(state.pauses[0].to).toBe('2025-06-09');
  });

  it('terminate an open case with a reason', () => {
    const { state } = run(promised, ['submit', 'accept', make('terminate', '2025-06-04', { grounds: 'other', reason: '申请人主体资格灭失' })]);
    expect(state).toMatchObject({ status: 'terminated', termination: { grounds: 'other', by: 'deptLeader' }, revoked: false });
  });

  it('a false pledge terminates even a delivered case and revokes its decision', () => {
    const accept = make('accept', '2025-06-03', { deferred: null, pledged: [{ code: 'M8', name: '无犯罪记录证明' }] });
    const { state } = run(promised, ['submit', accept, 'decide', 'conclude', 'deliver', make('terminate', '2025-07-01', { grounds: 'falsePledge', reason: '承诺不实' })]);
    expect(state).toMatchObject({ status: 'terminated', outcome: 'approved', revoked: true, termination: { grounds: 'falsePledge' } });
  });
});

describe('容缺 (deferred materials)', () => {
  const accept = make('accept', '2025-06-03', { deferred: { materials: [{ code: 'M9', name: '营业执照副本' }], dueDate: '2025-06-06' }, pledged: [] });

  it('owed materials supplied in time clear the debt', () => {
    const { state } = run(promised, ['submit', accept, make('supply', '2025-06-05', { materials: ['M9'] })]);
    expect(state).toMatchObject({ status: 'accepted', deferred: { owed: [] }, pauses: [] });
  });

  it('overdue materials suspend the case (clock paused) until supplied', () => {
    const { state: overdue } = run(promised, ['submit', accept, ['deferredOverdue', '2025-06-09']]);
    expect(overdue).toMatchObject({ status: 'suspended', resumeTo: 'accepted', pauses: [{ kind: 'deferredMaterial', from: '2025-06-09', to: null }] });
    const { state } = run(promised, ['submit', accept, ['deferredOverdue', '2025-06-09'], make('supply', '2025-06-10', { materials: ['M9'] })]);
    expect(state).toMatchObject({ status: 'accepted', pauses: [{ to: '2025-06-10' }], deadlines: { promised: '2025-06-12' } });
  });

  it('still missing after the further period: the system returns the case', () => {
    const { state } = run(promised, ['submit', accept, ['deferredOverdue', '2025-06-09'], make('terminate', '2025-06-30', { grounds: 'deferredMissing', reason: '逾期未补齐' }, { id: 'system', role: 'system' })]);
    expect(state).toMatchObject({ status: 'terminated', termination: { grounds: 'deferredMissing', by: 'system' } });
  });
});

describe('fees', () => {
  it('assess, pay (with receipt), refund; cancel an unpaid one — owed fen follows', () => {
    const assess = (id: string, fen: number) => make('assessFee', '2025-06-04', { feeId: id, name: '证书工本费', licenceNo: '鲁价费证字第001号', amountFen: fen });
    const { state: owed } = run(promised, ['submit', 'accept', assess('f1', 1500), assess('f2', 800)]);
    expect(owed.owedFen).toBe(2300);
    const { state } = run(promised, [
      'submit', 'accept', assess('f1', 1500), assess('f2', 800),
      make('payFee', '2025-06-04', { feeId: 'f1', method: 'online', reference: 'PAY-9', receiptNo: 'R001' }),
      make('cancelFee', '2025-06-04', { feeId: 'f2', reason: '核定有误' }),
      make('refundFee', '2025-06-05', { feeId: 'f1', reason: '多收' }),
    ]);
    expect(state.owedFen).toBe(0);
    expect(state.fees).toMatchObject([
      { id: 'f1', status: 'refunded', payment: { method: 'online', reference: 'PAY-9', receiptNo: 'R001', paidOn: '2025-06-04' }, closing: { reason: '多收' } },
      { id: 'f2', status: 'cancelled', payment: null },
    ]);
  });

  it('a paid fee lets the case be delivered', () => {
    const { state } = run(promised, ['submit', 'accept', 'assessFee', 'payFee', 'decide', 'conclude', 'deliver']);
    expect(state.status).toBe('delivered');
  });
});

it('the version counts the actions, and folding the list gives the state built step by step', () => {
  const { state, actions } = run(promised, ['submit', 'accept', 'startReview', 'assessFee', ['suspend', '2025-06-05'], ['resume', '2025-06-10'], 'payFee', 'decide', 'conclude', 'deliver']);
  expect(state.version).toBe(actions.length);
  expect(foldCase(promised, actions, cal)).toEqual(state);
});
