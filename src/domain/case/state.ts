/**
 * The state a case's action list folds to. Plain JSON (stored alongside the case for querying),
 * never edited in place: every action yields a new state.
 */
import type { DateString } from '../calendar/dates.js';
import type {
  CaseRole,
  CaseStatus,
  Decision,
  Delivery,
  HandlingClass,
  MaterialRef,
  Outcome,
  PaymentMethod,
  SpecialProcedureKind,
  SupplementLine,
  TaskAnswer,
  TaskAssignee,
  TaskKind,
  TerminationGrounds,
} from './types.js';

/** What the case needs of its item version. */
export interface CaseItem {
  handlingClass: HandlingClass;
  /** working days; promisedLimit ≤ statutoryLimit (the catalogue guarantees it) */
  promisedLimit: number;
  statutoryLimit: number;
  /** the item's special procedures; when given, a suspension must name one of them */
  specialProcedures?: readonly SpecialProcedureKind[];
}

/**
 * A stretch with the clock stopped. `from`..`to` are both paused days (see calendar `Pause`);
 * `to: null` while still open.
 */
export interface CasePause {
  kind: 'specialProcedure' | 'supplement' | 'deferredMaterial';
  procedure: SpecialProcedureKind | null;
  reason: string;
  /** the special procedure's own limit in working days (null for waits on the applicant) */
  limitDays: number | null;
  from: DateString;
  to: DateString | null;
}

export interface CaseTask {
  id: string;
  name: string;
  assignee: TaskAssignee;
  limitDays: number;
  /** the date it was (last) opened: its own limit counts from here */
  openedOn: DateString;
  status: 'open' | 'completed' | 'returned' | 'cancelled';
  closedOn: DateString | null;
  /** the case version at which it was last closed: orders completions for returnTask */
  closedAtVersion: number | null;
  opinion: string | null;
  /** how many times it has been opened (a returned step is worked again) */
  round: number;
  /** a review step, or a co-department's opinion on a joint case */
  kind: TaskKind;
  /** an opinion task's answer as it counts: 不同意 without a reason, or no answer, counts as 同意 */
  answer: TaskAnswer | null;
}

export interface CaseFee {
  id: string;
  name: string;
  licenceNo: string;
  amountFen: number;
  status: 'assessed' | 'paid' | 'cancelled' | 'refunded';
  assessedOn: DateString;
  payment: { method: PaymentMethod; reference: string | null; receiptNo: string; paidOn: DateString } | null;
  closing: { reason: string; on: DateString } | null;
}

export interface CaseState {
  item: CaseItem;
  status: CaseStatus;
  outcome: Outcome | null;
  decision: (Decision & { on: DateString }) | null;
  channel: 'online' | 'window' | null;
  submittedOn: DateString | null;
  /** the clock starts here (the day itself does not count) */
  acceptedOn: DateString | null;
  concludedOn: DateString | null;
  /** the clock stopped: at forwarding, conclusion, withdrawal or termination */
  stoppedOn: DateString | null;
  /** the open supplement request, if any */
  supplement: { materials: readonly SupplementLine[]; requestedOn: DateString; dueDate: DateString | null } | null;
  supplementRounds: number;
  /** 容缺: materials owed after acceptance and the committed due date */
  deferred: { materials: readonly MaterialRef[]; dueDate: DateString; owed: readonly string[] } | null;
  /** 告知承诺: materials replaced by a signed pledge */
  pledged: readonly MaterialRef[];
  /** the status to go back to when the open pause ends */
  resumeTo: CaseStatus | null;
  pauses: readonly CasePause[];
  tasks: readonly CaseTask[];
  fees: readonly CaseFee[];
  refusal: {
    reason: string;
    legalBasis: readonly string[];
    redirectTo: string | null;
    on: DateString;
    recheck: { reason: string; askedOn: DateString; answer: { upheld: boolean; reason: string; on: DateString } | null } | null;
  } | null;
  forward: { authority: string; forwardedOn: DateString; answerDue: DateString | null; answer: { result: 'approved' | 'denied'; reference: string; note: string; on: DateString } | null } | null;
  delivery: (Delivery & { on: DateString }) | null;
  withdrawal: { reason: string; deemed: boolean; on: DateString } | null;
  termination: { grounds: TerminationGrounds; reason: string; on: DateString; by: CaseRole } | null;
  /** a false pledge revoked the decision */
  revoked: boolean;
  /** 绿色通道: flagged, with its escort (领办人) */
  greenChannel: { escortId: string | null; escortName: string; reason: string; since: DateString } | null;
  /** derived: ids of the open tasks */
  openTaskIds: readonly string[];
  /** derived: fen assessed and not yet paid */
  owedFen: number;
  /**
   * derived: promised and statutory deadlines from acceptance, moved by the pauses; null before
   * acceptance. An open pause is counted up to `lastDate` (clock.ts gives the figure for today).
   */
  deadlines: { promised: DateString; statutory: DateString } | null;
  /** the business date of the last action (actions never go back in time) */
  lastDate: DateString | null;
  /** the number of actions folded (the optimistic-lock version) */
  version: number;
}

/** A case before any action: a draft. */
export function initialCase(item: CaseItem): CaseState {
  return {
    item: { ...item, ...(item.specialProcedures ? { specialProcedures: [...item.specialProcedures] } : {}) },
    status: 'draft',
    outcome: null,
    decision: null,
    channel: null,
    submittedOn: null,
    acceptedOn: null,
    concludedOn: null,
    stoppedOn: null,
    supplement: null,
    supplementRounds: 0,
    deferred: null,
    pledged: [],
    resumeTo: null,
    pauses: [],
    tasks: [],
    fees: [],
    refusal: null,
    forward: null,
    delivery: null,
    withdrawal: null,
    termination: null,
    revoked: false,
    greenChannel: null,
    openTaskIds: [],
    owedFen: 0,
    deadlines: null,
    lastDate: null,
    version: 0,
  };
}

export const openTasks = (s: CaseState): CaseTask[] => s.tasks.filter((t) => t.status === 'open');
export const owedFees = (s: CaseState): CaseFee[] => s.fees.filter((f) => f.status === 'assessed');
export const openPause = (s: CaseState): CasePause | null => s.pauses.find((p) => p.to === null) ?? null;
/** Accepted (the clock has started), whatever happened since. */
export const isAccepted = (s: CaseState): boolean => s.acceptedOn !== null;
export const isDecided = (s: CaseState): boolean => s.decision !== null;
/** 容缺 materials still owed. */
export const owedMaterials = (s: CaseState): readonly string[] => s.deferred?.owed ?? [];
