/**
 * Shared fixtures of the case tests: a calendar from plain data, items, actors, and `sample`,
 * which builds a valid action of any kind for a state (the examples and the random walk use it).
 */
import { expect } from 'vitest';
import { addDays, addWorkdays, buildCalendar, deadlineWithPauses, type DateString, type WorkCalendar } from '../../../src/domain/calendar/index.js';
import {
  initialCase,
  owedFees,
  transition,
  workableTasks,
  type ActionOf,
  type CaseAction,
  type CaseActionKind,
  type CaseActor,
  type CaseItem,
  type CaseState,
} from '../../../src/domain/case/index.js';

/** Weekends plus 端午 (2 June 2025) and 国庆 (1–8 October 2025) with its two make-up working days. */
export const cal: WorkCalendar = buildCalendar({
  officialYears: [2025],
  overrides: {},
  official: {
    '2025-06-02': { workday: false, name: '端午节' },
    ...Object.fromEntries(['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => [`2025-10-${d}`, { workday: false, name: '国庆节' }])),
    '2025-09-28': { workday: true, name: '国庆节' },
    '2025-10-11': { workday: true, name: '国庆节' },
  },
});

export const promised: CaseItem = { handlingClass: 'promised', promisedLimit: 5, statutoryLimit: 20, specialProcedures: ['expertReview', 'inspection'] };
export const immediate: CaseItem = { handlingClass: 'immediate', promisedLimit: 0, statutoryLimit: 20 };
export const reportUp: CaseItem = { handlingClass: 'reportUp', promisedLimit: 10, statutoryLimit: 20 };

export const ACTORS = {
  applicant: { id: 'applicant-1', role: 'applicant' },
  clerk: { id: 'clerk-1', role: 'clerk', departmentId: 'deptA' },
  chiefRep: { id: 'chief-1', role: 'chiefRep', departmentId: 'deptA', delegated: true },
  chiefRepUndelegated: { id: 'chief-2', role: 'chiefRep', departmentId: 'deptA', delegated: false },
  reviewer: { id: 'rev-1', role: 'reviewer', departmentId: 'deptA' },
  reviewerB: { id: 'rev-2', role: 'reviewer', departmentId: 'deptB' },
  leader: { id: 'leader-1', role: 'deptLeader', departmentId: 'deptA' },
  supervisor: { id: 'sup-1', role: 'supervisor' },
  system: { id: 'system', role: 'system' },
} satisfies Record<string, CaseActor>;
export const ALL_ACTORS: CaseActor[] = Object.values(ACTORS);

/** The usual actor of each move, for examples. */
const USUAL: Record<CaseActionKind, CaseActor> = {
  submit: ACTORS.clerk, accept: ACTORS.clerk, requestSupplement: ACTORS.clerk, supply: ACTORS.applicant,
  supplementExpired: ACTORS.system, refuse: ACTORS.clerk, askRecheck: ACTORS.applicant, answerRecheck: ACTORS.supervisor,
  concludeImmediately: ACTORS.clerk, startReview: ACTORS.clerk, suspend: ACTORS.leader, resume: ACTORS.leader,
  deferredOverdue: ACTORS.system, openTask: ACTORS.system, completeTask: ACTORS.reviewer, returnTask: ACTORS.reviewer,
  decide: ACTORS.leader, recordForwardAnswer: ACTORS.clerk, conclude: ACTORS.leader, deliver: ACTORS.clerk,
  withdraw: ACTORS.applicant, terminate: ACTORS.leader, assessFee: ACTORS.clerk, payFee: ACTORS.clerk,
  cancelFee: ACTORS.clerk, refundFee: ACTORS.clerk, greenChannel: ACTORS.clerk,
};

type Payload<K extends CaseActionKind> = Omit<ActionOf<K>, 'kind' | 'at' | 'date' | 'actorId' | 'role'>;

/** A valid payload of `kind` for `s` (c varies the choices); `date` may be moved later for timers. */
function payload(s: CaseState, kind: CaseActionKind, actor: CaseActor, date: DateString, c: number): { date: DateString; p: object } {
  const pick = <T,>(xs: readonly T[]): T => xs[c % xs.length];
  const p = (x: object) => ({ date, p: x });
  switch (kind) {
    case 'submit':
      return p({ channel: pick(['window', 'online']) });
    case 'accept': {
      const deferred = c % 3 === 2 && s.item.promisedLimit > 0
        ? { materials: [{ code: 'M9', name: '营业执照副本' }], dueDate: addWorkdays(cal, date, 1 + (c % s.item.promisedLimit)) }
        : null;
      return p({ deferred, pledged: c % 4 === 3 ? [{ code: 'M8', name: '无犯罪记录证明' }] : [] });
    }
    case 'requestSupplement':
      return p({
        materials: [{ code: 'M1', name: '申请书', problem: 'wrong', note: '未签字' }, ...(c % 2 ? [{ code: 'M2', name: '身份证复印件', problem: 'missing' as const, note: '' }] : [])],
        dueDate: s.acceptedOn === null && c % 3 !== 0 ? addWorkdays(cal, date, 5) : null,
      });
    case 'supply':
      return p({ materials: s.status === 'supplementRequired' ? (s.supplement?.materials.map((m) => m.code) ?? ['M1']) : [...(s.deferred?.owed ?? ['M9'])] });
    case 'supplementExpired': {
      const due = s.supplement?.dueDate ?? date;
      return { date: addDays(due, 1) > date ? addDays(due, 1) : date, p: {} };
    }
    case 'deferredOverdue': {
      const due = s.deferred?.dueDate ?? date;
      return { date: addDays(due, 1) > date ? addDays(due, 1) : date, p: {} };
    }
    case 'refuse':
      return p({ reason: '不属于本机关职权范围', legalBasis: ['《中华人民共和国行政许可法》第三十二条第一款第二项'], redirectTo: pick([null, '市场监督管理局窗口']) });
    case 'askRecheck':
      return p({ reason: '材料齐全，请求复核' });
    case 'answerRecheck':
      return p({ upheld: c % 2 === 0, reason: '经复核' });
    case 'concludeImmediately':
      return p({ decision: pick([{ outcome: 'approved', note: '' }, DENIAL]) });
    case 'suspend':
      return p({ procedure: s.item.specialProcedures?.[c % s.item.specialProcedures.length] ?? 'expertReview', reason: '组织专家评审', limitDays: 1 + (c % 15) });
    case 'openTask':
      return p({
        taskId: `t${s.tasks.length + 1}`,
        name: pick(['审查', '复核', '决定', '制证']),
        assignee: pick([
          { departmentId: 'deptA', role: 'reviewer', userId: null },
          { departmentId: 'deptA', role: 'deptLeader', userId: null },
          { departmentId: null, role: 'reviewer', userId: 'rev-1' },
        ]),
        limitDays: c % 6,
        taskKind: c % 5 === 4 ? 'opinion' : 'review',
      });
    case 'completeTask':
    case 'returnTask': {
      if (kind === 'completeTask' && actor.role === 'system') {
        // 超时默认: an open opinion task, the day after its limit ran out
        const t = s.tasks.find((x) => x.status === 'open' && x.kind === 'opinion');
        const due = t ? deadlineWithPauses(cal, t.openedOn, t.limitDays, s.pauses, date) : date;
        return { date: addDays(due, 1) > date ? addDays(due, 1) : date, p: { taskId: t?.id ?? 'none', opinion: '', answer: 'deemedConsent' } };
      }
      const mine = workableTasks(s, actor);
      const task = mine.length ? mine[c % mine.length] : s.tasks.find((t) => t.status === 'open');
      const id = task?.id ?? 'none';
      if (kind === 'returnTask') return p({ taskId: id, reason: '材料核查不充分' });
      if (task?.kind !== 'opinion') return p({ taskId: id, opinion: '同意' });
      return p(pick([{ taskId: id, opinion: '同意', answer: 'agree' }, { taskId: id, opinion: '不符合规划条件', answer: 'disagree' }, { taskId: id, opinion: '', answer: 'disagree' }, { taskId: id, opinion: '需报省厅', answer: 'agreeForward' }]));
    }
    case 'decide':
      // a forward with or without its answer's due date (上报跟踪)
      return p({ decision: s.item.handlingClass === 'reportUp' ? pick([FORWARD, DENIAL, { ...FORWARD, answerDue: addDays(date, 30) }]) : pick([{ outcome: 'approved', note: '准予' }, DENIAL]) });
    case 'recordForwardAnswer':
      return p({ result: pick(['approved', 'denied']), reference: '鲁政审〔2025〕12号', note: '' });
    case 'deliver':
      return p({ delivery: pick([{ method: 'window', receiver: { name: '张三', idType: 'idCard', idNumber: '370702199001011234' } }, { method: 'mail', carrier: 'EMS', trackingNo: '1180000000000' }]) });
    case 'withdraw':
      return p({ reason: '申请人主动撤回' });
    case 'terminate': {
      const after = s.status === 'concluded' || s.status === 'delivered';
      const deferredWait = s.status === 'suspended' && s.pauses.some((x) => x.to === null && x.kind === 'deferredMaterial');
      const grounds = after ? 'falsePledge' : actor.role === 'system' || (deferredWait && c % 2) ? 'deferredMissing' : s.pledged.length && c % 3 === 1 ? 'falsePledge' : 'other';
      return p({ grounds, reason: '终止办理' });
    }
    case 'assessFee':
      return p({ feeId: `f${s.fees.length + 1}`, name: '证书工本费', licenceNo: '鲁价费证字第001号', amountFen: 100 + (c % 10_000) });
    case 'payFee': {
      const method = pick(['cash', 'card', 'online'] as const);
      return p({ feeId: owedFees(s)[0]?.id ?? 'none', method, reference: method === 'online' ? 'PAY-123' : null, receiptNo: `R${c}` });
    }
    case 'cancelFee':
      return p({ feeId: owedFees(s)[0]?.id ?? 'none', reason: '核定有误' });
    case 'refundFee':
      return p({ feeId: s.fees.find((f) => f.status === 'paid')?.id ?? 'none', reason: '多收' });
    case 'greenChannel':
      // set (or move to another escort); lifted when already set, every other time
      return p(s.greenChannel && c % 2 === 1
        ? { on: false, escortId: null, escortName: '', reason: '项目已落地' }
        : { on: true, escortId: pick(['clerk-1', 'leader-1']), escortName: pick(['王收件', '李科长']), reason: '市重点项目' });
    case 'startReview':
    case 'resume':
    case 'conclude':
      return p({});
  }
}

export const DENIAL = {
  outcome: 'denied',
  reasons: ['申请人不符合法定条件'],
  legalBasis: ['《中华人民共和国行政许可法》第三十八条第二款'],
  rightsStatement: '如不服本决定，可在六十日内申请行政复议或六个月内提起行政诉讼。',
} as const;
export const FORWARD = { outcome: 'forwarded', authority: '省人民政府', note: '' } as const;

/** A valid action of `kind` on `date` by `actor` (default: the usual actor of the move). */
export function sample(s: CaseState, kind: CaseActionKind, date: DateString, actor: CaseActor = USUAL[kind], c = 0): CaseAction {
  const r = payload(s, kind, actor, date, c);
  return { kind, at: `${r.date}T02:00:00Z`, date: r.date, actorId: actor.id, role: actor.role, ...r.p } as CaseAction;
}

/** An action with an explicit payload. */
export function make<K extends CaseActionKind>(kind: K, date: DateString, p: Payload<K>, actor: CaseActor = USUAL[kind]): ActionOf<K> {
  return { kind, at: `${date}T02:00:00Z`, date, actorId: actor.id, role: actor.role, ...p } as ActionOf<K>;
}

export type Step = CaseActionKind | CaseAction | [CaseActionKind, DateString];

/**
 * Runs steps from a draft (each a kind sampled on the running date, or a full action), asserting
 * every one is accepted; returns the state and the action list.
 */
export function run(item: CaseItem, steps: Step[], start: DateString = '2025-06-03'): { state: CaseState; actions: CaseAction[] } {
  let state = initialCase(item);
  const actions: CaseAction[] = [];
  for (const step of steps) {
    const date = state.lastDate ?? start;
    const action = typeof step === 'string' ? sample(state, step, date) : Array.isArray(step) ? sample(state, step[0], step[1]) : step;
    const r = transition(state, action, { cal });
    if (!r.ok) expect.fail(`${action.kind} refused: ${r.error.messageEn}`);
    state = r.state;
    actions.push(action);
  }
  return { state, actions };
}
