/**
 * The reducer: what each action does to the state, with no checks (those are in guards.ts and
 * validate.ts, applied by `transition`). A stored action list is the truth, so folding it never
 * refuses; the derived fields (open tasks, owed fen, deadlines) are recomputed by derive.ts.
 */
import type { DateString } from '../calendar/dates.js';
import { applyFee } from './apply-fees.js';
import { isAccepted, openPause, type CasePause, type CaseState, type CaseTask } from './state.js';
import type { ActionOf, CaseAction, TaskAnswer } from './types.js';

type Patch = Partial<CaseState>;

const closePause = (s: CaseState, on: DateString): CasePause[] => s.pauses.map((p) => (p.to === null ? { ...p, to: on } : p));

const openNew = (s: CaseState, pause: Omit<CasePause, 'to'>): Patch => ({
  status: 'suspended',
  resumeTo: s.status,
  pauses: [...s.pauses, { ...pause, to: null }],
});

/** Back to where the case was before the open pause, the pause closed on `on`. */
const endPause = (s: CaseState, on: DateString): Patch => ({ status: s.resumeTo ?? 'inReview', resumeTo: null, pauses: closePause(s, on) });

/** Withdrawn or terminated: the wait ends, open tasks are cancelled, the clock stops. */
function close(s: CaseState, on: DateString): Patch {
  return {
    supplement: null,
    resumeTo: null,
    pauses: closePause(s, on),
    tasks: s.tasks.map((t): CaseTask => (t.status === 'open' ? { ...t, status: 'cancelled', closedOn: on } : t)),
    stoppedOn: isAccepted(s) ? (s.stoppedOn ?? on) : null,
  };
}

function requestSupplement(s: CaseState, a: ActionOf<'requestSupplement'>): Patch {
  const supplement = { materials: a.materials, requestedOn: a.date, dueDate: a.dueDate };
  const rounds = s.supplementRounds + 1;
  if (!isAccepted(s)) return { status: 'supplementRequired', supplement, supplementRounds: rounds };
  // during review the wait on the applicant pauses the clock like a special procedure
  const reason = a.materials.map((m) => m.name).join('、');
  return { ...openNew(s, { kind: 'supplement', procedure: null, reason, limitDays: null, from: a.date }), status: 'supplementRequired', supplement, supplementRounds: rounds };
}

function supply(s: CaseState, a: ActionOf<'supply'>): Patch {
  const owed = s.deferred ? s.deferred.owed.filter((c) => !a.materials.includes(c)) : [];
  const deferred = s.deferred ? { ...s.deferred, owed } : null;
  if (s.status === 'supplementRequired') {
    if (!isAccepted(s)) return { status: 'submitted', supplement: null, deferred };
    return { ...endPause(s, a.date), supplement: null, deferred };
  }
  if (s.status === 'suspended' && openPause(s)?.kind === 'deferredMaterial' && owed.length === 0) {
    return { ...endPause(s, a.date), deferred };
  }
  return { deferred };
}

/** 不同意 without a reason, or a reply without an answer, counts as consent (issue 4, 并联审批). */
function countedAnswer(a: ActionOf<'completeTask'>): TaskAnswer {
  if (a.answer === undefined) return 'agree';
  return a.answer === 'disagree' && a.opinion.trim() === '' ? 'agree' : a.answer;
}

function returnTask(s: CaseState, a: ActionOf<'returnTask'>, version: number): Patch {
  const previous = s.tasks
    .filter((t) => t.status === 'completed')
    .reduce<CaseTask | null>((best, t) => (best === null || (t.closedAtVersion ?? 0) > (best.closedAtVersion ?? 0) ? t : best), null);
  return {
    tasks: s.tasks.map((t): CaseTask => {
      if (t.id === a.taskId) return { ...t, status: 'returned', closedOn: a.date, closedAtVersion: version, opinion: a.reason };
      if (t.id === previous?.id) return { ...t, status: 'open', openedOn: a.date, closedOn: null, closedAtVersion: null, opinion: null, round: t.round + 1 };
      return t;
    }),
  };
}

function changes(s: CaseState, a: CaseAction, version: number): Patch {
  const d = a.date;
  switch (a.kind) {
    case 'submit':
      return { status: 'submitted', channel: a.channel, submittedOn: d };
    case 'accept': {
      const deferred = a.deferred ? { materials: a.deferred.materials, dueDate: a.deferred.dueDate, owed: a.deferred.materials.map((m) => m.code) } : null;
      return { status: 'accepted', acceptedOn: d, supplement: null, deferred, pledged: a.pledged };
    }
    case 'requestSupplement':
      return requestSupplement(s, a);
    case 'supply':
      return supply(s, a);
    case 'supplementExpired':
      return { ...close(s, d), status: 'withdrawn', withdrawal: { reason: '逾期未补正，视为撤回申请', deemed: true, on: d } };
    case 'refuse':
      return { status: 'notAccepted', supplement: null, refusal: { reason: a.reason, legalBasis: a.legalBasis, redirectTo: a.redirectTo, on: d, recheck: null } };
    case 'askRecheck':
      return s.refusal ? { refusal: { ...s.refusal, recheck: { reason: a.reason, askedOn: d, answer: null } } } : {};
    case 'answerRecheck': {
      if (!a.upheld) return { status: 'submitted', refusal: null };
      const recheck = s.refusal?.recheck;
      return s.refusal && recheck ? { refusal: { ...s.refusal, recheck: { ...recheck, answer: { upheld: true, reason: a.reason, on: d } } } } : {};
    }
    case 'concludeImmediately':
      return { status: 'concluded', acceptedOn: d, concludedOn: d, stoppedOn: d, supplement: null, decision: { ...a.decision, on: d }, outcome: a.decision.outcome };
    case 'startReview':
      return { status: 'inReview' };
    case 'suspend':
      return openNew(s, { kind: 'specialProcedure', procedure: a.procedure, reason: a.reason, limitDays: a.limitDays, from: d });
    case 'resume':
      return endPause(s, d);
    case 'deferredOverdue':
      return openNew(s, { kind: 'deferredMaterial', procedure: null, reason: '容缺材料逾期未补齐', limitDays: null, from: d });
    case 'openTask': {
      const task: CaseTask = {
        id: a.taskId, name: a.name, assignee: a.assignee, limitDays: a.limitDays, openedOn: d, status: 'open',
        closedOn: null, closedAtVersion: null, opinion: null, round: 1, kind: a.taskKind ?? 'review', answer: null,
      };
      return { tasks: [...s.tasks, task], status: s.status === 'accepted' ? 'inReview' : s.status };
    }
    case 'completeTask':
      return {
        tasks: s.tasks.map((t): CaseTask =>
          t.id === a.taskId ? { ...t, status: 'completed', closedOn: d, closedAtVersion: version, opinion: a.opinion, answer: t.kind === 'opinion' ? countedAnswer(a) : null } : t,
        ),
      };
    case 'returnTask':
      return returnTask(s, a, version);
    case 'decide': {
      const patch: Patch = { decision: { ...a.decision, on: d }, outcome: a.decision.outcome };
      // a forwarded case leaves the department's hands: its own clock stops here
      if (a.decision.outcome === 'forwarded') return { ...patch, forward: { authority: a.decision.authority, forwardedOn: d, answerDue: a.decision.answerDue ?? null, answer: null }, stoppedOn: d };
      return patch;
    }
    case 'recordForwardAnswer':
      return s.forward ? { forward: { ...s.forward, answer: { result: a.result, reference: a.reference, note: a.note, on: d } } } : {};
    case 'conclude':
      return { status: 'concluded', concludedOn: d, stoppedOn: s.stoppedOn ?? d };
    case 'deliver':
      return { status: 'delivered', delivery: { ...a.delivery, on: d } };
    case 'withdraw':
      return { ...close(s, d), status: 'withdrawn', withdrawal: { reason: a.reason, deemed: false, on: d } };
    case 'terminate':
      return {
        ...close(s, d),
        status: 'terminated',
        termination: { grounds: a.grounds, reason: a.reason, on: d, by: a.role },
        revoked: a.grounds === 'falsePledge' && s.decision !== null,
      };
    case 'assessFee':
    case 'payFee':
    case 'cancelFee':
    case 'refundFee':
      return { fees: applyFee(s.fees, a) };
    case 'greenChannel':
      return { greenChannel: a.on ? { escortId: a.escortId, escortName: a.escortName, reason: a.reason, since: d } : null };
  }
}

/** The state after `a`, derived fields not yet recomputed. */
export function applyAction(s: CaseState, a: CaseAction): CaseState {
  const version = s.version + 1;
  return { ...s, ...changes(s, a, version), version, lastDate: a.date };
}
