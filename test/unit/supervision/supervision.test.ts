/**
 * Supervision rules (DESIGN §5): the card ladder and its life (appeal once, a second person
 * rules, yellow escalates to red, revoked cards never escalate), every anomaly rule found from a
 * real action list (and none on a clean case), and supervision orders with their deadline.
 */
import { describe, expect, it } from 'vitest';
import {
  answerOrder,
  answeredLate,
  appealCard,
  cardMove,
  counts,
  escalateCard,
  findAnomalies,
  issueCard,
  issueOrder,
  levelForLight,
  orderOverdue,
  reviewAnswer,
  ruleOnAppeal,
  type Card,
} from '../../../src/domain/supervision/index.js';
import { ACTORS, DENIAL, cal, make, promised, reportUp, run } from '../case/fixtures.js';

const ok = <T>(r: { ok: true; card?: T; order?: T } | { ok: false; error: { en: string } }): T => {
  if (!r.ok) throw new Error(r.error.en);
  return (r.card ?? r.order) as T;
};

describe('cards', () => {
  it('follows the light ladder, idempotently', () => {
    expect(['green', 'warning', 'yellowCard', 'redCard', null].map((l) => levelForLight(l as never))).toEqual([null, 'warning', 'yellow', 'red', null]);
    expect(cardMove(null, 'green')).toBeNull();
    expect(cardMove(null, 'yellowCard')).toBe('issue');
    const yellow = issueCard('yellow', '2025-06-10');
    expect(cardMove(yellow, 'yellowCard')).toBeNull();
    expect(cardMove(yellow, 'warning')).toBeNull();
    expect(cardMove(yellow, 'redCard')).toBe('escalate');
    expect(cardMove(issueCard('warning', '2025-06-09'), 'yellowCard')).toBe('issue');
    expect(cardMove(issueCard('red', '2025-06-09'), 'redCard')).toBeNull();
  });

  it('is appealed once by the department and ruled on by someone else; a revoked card does not count', () => {
    let c: Card = issueCard('yellow', '2025-06-10');
    expect(appealCard(c, { reason: ' ', by: 'leaderA', on: '2025-06-10' }).ok).toBe(false);
    c = ok(appealCard(c, { reason: '申请人补正材料耗时，已按规定暂停计时', by: 'leaderA', on: '2025-06-11' }));
    expect(c.status).toBe('appealed');
    const twice = appealCard(c, { reason: '再次申诉', by: 'leaderA', on: '2025-06-11' });
    expect(!twice.ok && twice.error.zh).toContain('申诉中');
    const self = ruleOnAppeal(c, { upheld: false, reason: 'x', by: 'leaderA', on: '2025-06-12' });
    expect(!self.ok && self.error.code).toBe('card.invalid');
    const revoked = ok(ruleOnAppeal(c, { upheld: false, reason: '核实属实，撤销黄牌', by: 'sup-1', on: '2025-06-12' }));
    expect(revoked.status).toBe('revoked');
    expect(counts(revoked)).toBe(false);
    expect(escalateCard(revoked, '2025-06-20').ok).toBe(false);
    // the red light still issues a red card of its own
    expect(cardMove(revoked, 'redCard')).toBe('issue');
    const upheld = ok(ruleOnAppeal(c, { upheld: true, reason: '理由不成立', by: 'sup-1', on: '2025-06-12' }));
    expect(counts(upheld)).toBe(true);
    expect(ok(escalateCard(upheld, '2025-06-30'))).toMatchObject({ level: 'red', status: 'upheld', escalatedOn: '2025-06-30' });
  });

  it('does not take appeals on warnings', () => {
    const r = appealCard(issueCard('warning', '2025-06-10'), { reason: 'x', by: 'a', on: '2025-06-10' });
    expect(!r.ok && r.error.zh).toBe('预警不能申诉');
  });
});

describe('anomaly rules', () => {
  const item = { promisedLimit: 5, fees: [{ name: '证书工本费', amountFen: 2000 }, { name: '评审费', amountFen: null }] };

  it('finds nothing on a clean case', () => {
    const { state, actions } = run(promised, [
      ['submit', '2025-06-03'], ['accept', '2025-06-03'], 'startReview',
      make('openTask', '2025-06-03', { taskId: 't1', name: '审查', assignee: { departmentId: 'deptA', role: 'reviewer', userId: null }, limitDays: 2 }, ACTORS.system),
      make('completeTask', '2025-06-04', { taskId: 't1', opinion: '同意' }),
      make('assessFee', '2025-06-04', { feeId: 'f1', name: '证书工本费', licenceNo: '鲁收许字第001号', amountFen: 2000 }),
      make('decide', '2025-06-05', { decision: { outcome: 'approved', note: '' } }),
      ['conclude', '2025-06-05'],
    ]);
    expect(findAnomalies(actions, state, item, cal)).toEqual([]);
  });

  it('finds a refusal or denial citing no law, a fee without licence or off standard, a step over its limit', () => {
    // the domain refuses both when they are made; records that never passed it (imported from a
    // former system, entered before these rules) are checked all the same
    const none = { tasks: [], pauses: [], forward: null, deadlines: null } as never;
    const refused = [make('submit', '2025-06-03', { channel: 'window' }), make('refuse', '2025-06-03', { reason: '不符合受理条件', legalBasis: [], redirectTo: null })];
    expect(findAnomalies(refused, none, item, cal).map((a) => [a.rule, a.seq])).toEqual([['refusalWithoutReasons', 2]]);
    const denied = [make('submit', '2025-06-03', { channel: 'window' }), make('decide', '2025-06-09', { decision: { ...DENIAL, legalBasis: [] } })];
    expect(findAnomalies(denied, none, item, cal).map((a) => a.rule)).toEqual(['refusalWithoutReasons']);
    const unlicensed = [make('assessFee', '2025-06-03', { feeId: 'f1', name: '证书工本费', licenceNo: ' ', amountFen: 2000 })];
    expect(findAnomalies(unlicensed, none, item, cal).map((a) => a.rule)).toEqual(['feeWithoutLicence']);

    const { state, actions } = run(promised, [
      ['submit', '2025-06-03'], ['accept', '2025-06-03'], 'startReview',
      make('openTask', '2025-06-03', { taskId: 't1', name: '审查', assignee: { departmentId: 'deptA', role: 'reviewer', userId: null }, limitDays: 1 }, ACTORS.system),
      make('completeTask', '2025-06-06', { taskId: 't1', opinion: '同意' }),
      make('assessFee', '2025-06-06', { feeId: 'f1', name: '证书工本费', licenceNo: '鲁收许字第001号', amountFen: 2500 }),
      make('assessFee', '2025-06-06', { feeId: 'f2', name: '评审费', licenceNo: '鲁收许字第001号', amountFen: 123456 }),
    ]);
    const found = findAnomalies(actions, state, item, cal);
    expect(found.map((a) => a.rule)).toEqual(['stepOverLimit', 'feeOffStandard']);
    expect(found[0]).toMatchObject({ seq: 5 });
    expect(found[0].zh).toContain('审查');
  });

  it('finds a conclusion with no acceptance record and a promised case concluded minutes after intake', () => {
    const submit = { ...make('submit', '2025-06-03', { channel: 'window' }), at: '2025-06-03T01:00:00Z' };
    const fast = { ...make('concludeImmediately', '2025-06-03', { decision: { outcome: 'approved', note: '' } }), at: '2025-06-03T01:05:00Z' };
    const found = findAnomalies([submit, fast], { tasks: [], pauses: [], forward: null, deadlines: null } as never, item, cal);
    expect(found.map((a) => a.rule)).toEqual(['lateEntry']);
    expect(found[0].zh).toContain('5分钟');
    expect(findAnomalies([submit, fast], { tasks: [], pauses: [], forward: null, deadlines: null } as never, { ...item, promisedLimit: 0 }, cal)).toEqual([]);

    const noAccept = [submit, { ...make('conclude', '2025-06-10', {}), at: '2025-06-10T02:00:00Z' }];
    expect(findAnomalies(noAccept, { tasks: [], pauses: [], forward: null, deadlines: null } as never, item, cal).map((a) => a.rule)).toEqual(['concludedWithoutAcceptance']);
  });

  it('finds a report-up case forwarded after its promised deadline, not one forwarded in time', () => {
    const late = run(reportUp, [['submit', '2025-06-03'], ['accept', '2025-06-03'], make('decide', '2025-06-30', { decision: { outcome: 'forwarded', authority: '省人民政府', note: '' } })]);
    expect(late.state.deadlines!.promised < '2025-06-30').toBe(true);
    expect(findAnomalies(late.actions, late.state, item, cal).map((a) => [a.rule, a.seq])).toEqual([['lateForward', 3]]);
    const onTime = run(reportUp, [['submit', '2025-06-03'], ['accept', '2025-06-03'], make('decide', '2025-06-05', { decision: { outcome: 'forwarded', authority: '省人民政府', note: '' } })]);
    expect(findAnomalies(onTime.actions, onTime.state, item, cal)).toEqual([]);
  });
});

describe('supervision orders', () => {
  it('is answered, sent back with a reason, answered again and closed; overdue while unanswered past its deadline', () => {
    let o = issueOrder('2025-09-26', 3, cal); // Fri → 28 (make-up Sun), 29, 30
    expect(o.due).toBe('2025-09-30');
    expect(orderOverdue(o, '2025-09-30')).toBe(false);
    expect(orderOverdue(o, '2025-10-01')).toBe(true);
    expect(answerOrder(o, { text: ' ', by: 'leaderA', on: '2025-09-29' }).ok).toBe(false);
    o = ok(answerOrder(o, { text: '已督促经办人办结', by: 'leaderA', on: '2025-09-29' }));
    expect(orderOverdue(o, '2025-10-09')).toBe(false);
    expect(reviewAnswer(o, { accept: false, reason: '', on: '2025-09-30' }).ok).toBe(false);
    o = ok(reviewAnswer(o, { accept: false, reason: '未说明超期原因', on: '2025-09-30' }));
    expect(o.status).toBe('open');
    o = ok(answerOrder(o, { text: '超期原因：专家评审延期，已办结', by: 'leaderA', on: '2025-10-09' }));
    o = ok(reviewAnswer(o, { accept: true, reason: '', on: '2025-10-09' }));
    expect(o).toMatchObject({ status: 'closed', closedOn: '2025-10-09' });
    expect(answeredLate(o)).toBe(false);
    const closed = answerOrder(o, { text: 'x', by: 'a', on: '2025-10-10' });
    expect(!closed.ok && closed.error.zh).toContain('已办结');
  });
});
