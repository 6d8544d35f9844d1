/**
 * The case (办件) as an append-only list of actions (DESIGN §4). Every move a person or the
 * system makes on a case is one `CaseAction`; status, outcome, clock and the moves open to an
 * actor are pure functions of the list (fold.ts, transition.ts, available.ts, clock.ts).
 */
import type { DateString } from '../calendar/dates.js';
import type { Role } from '../permissions.js';

export const CASE_STATUSES = [
  'draft', 'submitted', 'supplementRequired', 'accepted', 'inReview', 'suspended',
  'concluded', 'delivered', 'notAccepted', 'withdrawn', 'terminated',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const OUTCOMES = ['approved', 'denied', 'forwarded'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type HandlingClass = 'immediate' | 'promised' | 'joint' | 'reportUp';

/** The catalogue's special procedures (特别程序) that stop the clock (行政许可法 Art. 45). */
export const SPECIAL_PROCEDURES = ['hearing', 'inspection', 'testing', 'quarantine', 'appraisal', 'expertReview', 'tender', 'auction'] as const;
export type SpecialProcedureKind = (typeof SPECIAL_PROCEDURES)[number];

/** Who acts: a role of permissions.ts, or the system itself (timers). */
export type CaseRole = Role | 'system';

/** What every action records: when (instant and business date) and who, in which role. */
export interface ActionBase {
  /** ISO 8601 instant with offset */
  at: string;
  /** business date in the center's time zone, YYYY-MM-DD; never earlier than the previous action's */
  date: DateString;
  actorId: string;
  role: CaseRole;
}

/** A material named in a notice: its catalogue code and name. */
export interface MaterialRef {
  code: string;
  name: string;
}

/** One line of a supplement notice (补正材料通知书). */
export interface SupplementLine extends MaterialRef {
  problem: 'missing' | 'wrong' | 'incomplete';
  /** what exactly to fix, shown to the applicant */
  note: string;
}

/** Who works a task: a named person, or anyone of `role` in `departmentId` (null = any department). */
export interface TaskAssignee {
  departmentId: string | null;
  role: Role;
  userId: string | null;
}

export type Decision =
  | { outcome: 'approved'; note: string }
  | {
      outcome: 'denied';
      /** written reasons (不予许可的理由) */
      reasons: readonly string[];
      /** e.g. 《中华人民共和国行政许可法》第三十八条第二款 */
      legalBasis: readonly string[];
      /** 行政复议 / 行政诉讼 rights statement; see DEFAULT_RIGHTS_STATEMENT */
      rightsStatement: string;
    }
  | {
      outcome: 'forwarded';
      /** the higher authority the decision belongs to (上报机关) */
      authority: string;
      note: string;
      /** when the higher authority's answer is due (上报跟踪); absent on cases forwarded before it was recorded */
      answerDue?: DateString;
    };

export type Delivery =
  | { method: 'window'; receiver: { name: string; idType: 'idCard' | 'other'; idNumber: string } }
  | { method: 'mail'; carrier: string; trackingNo: string }
  | { method: 'electronic'; address: string };

export type PaymentMethod = 'cash' | 'card' | 'online';

/**
 * A co-department's answer to a joint case (联办件, 并联审批): 同意 / 不同意 / 同意但需转报, or
 * consent deemed by the system when the task's limit passed in silence (超时默认), or because the
 * department was absent from a joint review meeting under an absent-consent policy (缺席默认).
 */
export const TASK_ANSWERS = ['agree', 'disagree', 'agreeForward', 'deemedConsent', 'absentConsent'] as const;
export type TaskAnswer = (typeof TASK_ANSWERS)[number];

/**
 * A step of the lead department's own review, a co-department's opinion (会签) on a joint case, or
 * a decision of a joint review meeting (联审会) a department must carry out within its limit.
 */
export const TASK_KINDS = ['review', 'opinion', 'meeting'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export type TerminationGrounds =
  /** 告知承诺 found false: the decision is revoked (DESIGN §4) */
  | 'falsePledge'
  /** 容缺 materials still missing after the further period */
  | 'deferredMissing'
  | 'other';

type A<K extends string, P = object> = ActionBase & { kind: K } & P;

export type CaseAction =
  /** draft → submitted: online by the applicant, or taken in at the window by a clerk */
  | A<'submit', { channel: 'online' | 'window' }>
  /** submitted → accepted (受理), optionally with 容缺 materials owed and 告知承诺 pledges */
  | A<'accept', { deferred: { materials: readonly MaterialRef[]; dueDate: DateString } | null; pledged: readonly MaterialRef[] }>
  /** one notice listing every missing or wrong material (一次性告知). Before acceptance the clock
   * has not started; after acceptance the wait pauses it. `dueDate` = when an unanswered
   * pre-acceptance request expires (null = never) */
  | A<'requestSupplement', { materials: readonly SupplementLine[]; dueDate: DateString | null }>
  /** the applicant hands in materials: answers a supplement request and/or owed 容缺 materials */
  | A<'supply', { materials: readonly string[] }>
  /** the system closes a pre-acceptance request unanswered past its due date (视为撤回) */
  | A<'supplementExpired'>
  /** not accepted (不予受理) */
  | A<'refuse', { reason: string; legalBasis: readonly string[]; redirectTo: string | null }>
  /** the applicant asks the center to review a refusal (复核) */
  | A<'askRecheck', { reason: string }>
  /** the center answers: upheld (stays notAccepted) or overturned (back to submitted) */
  | A<'answerRecheck', { upheld: boolean; reason: string }>
  /** an immediate item accepted and decided on the spot (即收即办): submitted → concluded */
  | A<'concludeImmediately', { decision: Extract<Decision, { outcome: 'approved' | 'denied' }> }>
  /** accepted → inReview: routed to the back office */
  | A<'startReview'>
  /** special procedure (特别程序): the clock stops; the procedure has its own limit */
  | A<'suspend', { procedure: SpecialProcedureKind; reason: string; limitDays: number }>
  | A<'resume'>
  /** owed 容缺 materials past their due date suspend the case (system) */
  | A<'deferredOverdue'>
  | A<'openTask', { taskId: string; name: string; assignee: TaskAssignee; limitDays: number; taskKind?: TaskKind }>
  /** `answer`: an opinion task's answer (a reply without one, or 不同意 without a reason, counts as consent) */
  | A<'completeTask', { taskId: string; opinion: string; answer?: TaskAnswer }>
  /** back to the previous step (the task completed last), with a reason */
  | A<'returnTask', { taskId: string; reason: string }>
  | A<'decide', { decision: Decision }>
  /** the higher authority's answer to a forwarded case */
  | A<'recordForwardAnswer', { result: 'approved' | 'denied'; reference: string; note: string }>
  /** 办结: the clock stops */
  | A<'conclude'>
  /** 送达 / 领取 */
  | A<'deliver', { delivery: Delivery }>
  | A<'withdraw', { reason: string }>
  | A<'terminate', { grounds: TerminationGrounds; reason: string }>
  /** a fee line of the item, in integer fen, with its licence number (亮证收费) */
  | A<'assessFee', { feeId: string; name: string; licenceNo: string; amountFen: number }>
  | A<'payFee', { feeId: string; method: PaymentMethod; reference: string | null; receiptNo: string }>
  /** an assessed fee not to be paid after all (wrong line, case withdrawn) */
  | A<'cancelFee', { feeId: string; reason: string }>
  | A<'refundFee', { feeId: string; reason: string }>
  /** 绿色通道: flagged (with its escort 领办人, sorted first everywhere) or unflagged, with a reason */
  | A<'greenChannel', { on: boolean; escortId: string | null; escortName: string; reason: string }>;

export type CaseActionKind = CaseAction['kind'];
export type ActionOf<K extends CaseActionKind> = Extract<CaseAction, { kind: K }>;

export const CASE_ACTION_KINDS = [
  'submit', 'accept', 'requestSupplement', 'supply', 'supplementExpired', 'refuse', 'askRecheck',
  'answerRecheck', 'concludeImmediately', 'startReview', 'suspend', 'resume', 'deferredOverdue',
  'openTask', 'completeTask', 'returnTask', 'decide', 'recordForwardAnswer', 'conclude', 'deliver',
  'withdraw', 'terminate', 'assessFee', 'payFee', 'cancelFee', 'refundFee', 'greenChannel',
] as const satisfies readonly CaseActionKind[];

/** Printed on every denial unless the department words it otherwise (行政复议法, 行政诉讼法). */
export const DEFAULT_RIGHTS_STATEMENT =
  '申请人如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。';

/** Compile-time: CASE_ACTION_KINDS lists every kind (a missing one would never be offered). */
const everyKindListed: [Exclude<CaseActionKind, (typeof CASE_ACTION_KINDS)[number]>] extends [never] ? true : never = true;
void everyKindListed;
