/**
 * The case API (DESIGN §4, §10): window intake, the moves before the department's review, the
 * case as staff see it, and the lists. A move carries the case `version` it was read at.
 */
import { z } from 'zod';
import { CASE_ACTION_KINDS, CASE_STATUSES, OUTCOMES, SPECIAL_PROCEDURES, TASK_ANSWERS, TASK_KINDS } from '../domain/case/types.js';
import { PHONE_RE } from '../domain/organisation/phone.js';
import { CaseNoticeView } from './case-notices.js';
import { Id, Instant, IsoDate, PageQuery, VersionBody, listOf } from './common.js';

export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const CaseOutcome = z.enum(OUTCOMES);
export const CaseActionKind = z.enum(CASE_ACTION_KINDS);
export const CaseLight = z.enum(['green', 'warning', 'yellowCard', 'redCard']);

const Text = (max: number) => z.string().trim().max(max);

/** A person with a citizen ID number, or an enterprise with its unified social credit code. */
export const ApplicantInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('person'),
    name: Text(100).min(1),
    idNumber: Text(32),
    phone: z.string().trim().max(32).regex(PHONE_RE, 'mobile or landline with area code').default(''),
  }),
  z.object({
    kind: z.literal('enterprise'),
    name: Text(200).min(1),
    uscc: Text(32),
    phone: z.string().trim().max(32).regex(PHONE_RE, 'mobile or landline with area code').default(''),
  }),
]);
export type ApplicantInput = z.infer<typeof ApplicantInput>;

export const IntakeBody = z.object({
  /** the item: its published version is the one the case is taken in under */
  itemId: Id,
  applicant: ApplicantInput,
  /** 申办流水号 of an external platform */
  externalNo: Text(64).min(1).nullable().default(null),
});
export type IntakeBody = z.input<typeof IntakeBody>;

/** Material codes of the item version, each at most once (names come from the catalogue). */
const MaterialCodes = z.array(Text(32).min(1)).max(100);

export const AcceptBody = VersionBody.extend({
  /**
   * 容缺受理: materials the applicant may still owe (the item must allow it for each), and the
   * date they commit to bring them by — within the promised deadline. null: nothing owed.
   */
  deferred: z.object({ materials: MaterialCodes, dueDate: IsoDate }).nullable().default(null),
  /** 告知承诺: materials a signed pledge replaces (the item must allow it for each) */
  pledged: MaterialCodes.default([]),
});
export type AcceptBody = z.input<typeof AcceptBody>;

export const SupplementLineInput = z.object({
  /** the item's material code; its name comes from the catalogue */
  code: Text(32).min(1),
  problem: z.enum(['missing', 'wrong', 'incomplete']),
  note: Text(1000).default(''),
});

export const SupplementBody = VersionBody.extend({
  /** every missing or wrong material, at once (一次性告知) */
  materials: z.array(SupplementLineInput).max(100),
  /** when an unanswered request expires; default: the center's period from today */
  dueDate: IsoDate.nullable().optional(),
});
export type SupplementBody = z.input<typeof SupplementBody>;

export const RefuseBody = VersionBody.extend({
  reason: Text(2000),
  legalBasis: z.array(Text(500)).max(20),
  /** the department or window that handles it instead */
  redirectTo: Text(200).nullable().default(null),
});
export type RefuseBody = z.input<typeof RefuseBody>;

export const ImmediateDecision = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('approved'), note: Text(2000).default('') }),
  z.object({
    outcome: z.literal('denied'),
    reasons: z.array(Text(2000)).max(20),
    legalBasis: z.array(Text(500)).max(20),
    /** omitted: the standard 行政复议 / 行政诉讼 statement */
    rightsStatement: Text(2000).optional(),
  }),
]);

export const ConcludeImmediatelyBody = VersionBody.extend({ decision: ImmediateDecision });
export type ConcludeImmediatelyBody = z.input<typeof ConcludeImmediatelyBody>;

export const CaseParams = z.object({ id: z.string().max(64) });

// ——— replies ———

export const CaseApplicant = z.object({
  kind: z.enum(['person', 'enterprise']),
  name: z.string(),
  idNumber: z.string().nullable(),
  uscc: z.string().nullable(),
  phone: z.string(),
});

export const CaseActionView = z.object({
  seq: z.number().int(),
  kind: CaseActionKind,
  at: Instant,
  date: IsoDate,
  actorId: z.string(),
  /** the staff member's display name (null: the system, or an account since removed) */
  actorName: z.string().nullable(),
  role: z.string(),
  payload: z.record(z.string(), z.unknown()),
});

export const CaseTaskView = z.object({
  id: z.string(),
  name: z.string(),
  assignee: z.object({ departmentId: z.string().nullable(), role: z.string(), userId: z.string().nullable() }),
  limitDays: z.number().int(),
  openedOn: IsoDate,
  status: z.enum(['open', 'completed', 'returned', 'cancelled']),
  deadline: IsoDate,
  light: CaseLight,
  /** a review step, a co-department's opinion on a joint case (会签), or a joint review meeting's decision (联审会) */
  kind: z.enum(TASK_KINDS),
  /** an opinion's answer as it counts (不同意 without a reason counts as 同意; 超时默认 / 缺席默认 by the system) */
  answer: z.enum(TASK_ANSWERS).nullable(),
  opinion: z.string().nullable(),
  closedOn: IsoDate.nullable(),
  /** the signed-in person may complete or return it (their role in the task's department, or named to them) */
  workable: z.boolean(),
});

/** A fee of the case (integer fen), with its payment receipt or why it was cancelled / refunded. */
export const CaseFeeView = z.object({
  id: z.string(),
  name: z.string(),
  licenceNo: z.string(),
  amountFen: z.number().int(),
  status: z.enum(['assessed', 'paid', 'cancelled', 'refunded']),
  assessedOn: IsoDate,
  payment: z.object({ method: z.enum(['cash', 'card', 'online']), reference: z.string().nullable(), receiptNo: z.string(), paidOn: IsoDate }).nullable(),
  closing: z.object({ reason: z.string(), on: IsoDate }).nullable(),
});
export type CaseFeeView = z.infer<typeof CaseFeeView>;

export const CaseMaterialRef = z.object({ code: z.string(), name: z.string() });

/** A stretch with the clock stopped: a special procedure, or a wait on the applicant. */
export const CasePauseView = z.object({
  kind: z.enum(['specialProcedure', 'supplement', 'deferredMaterial']),
  procedure: z.enum(SPECIAL_PROCEDURES).nullable(),
  reason: z.string(),
  /** a special procedure's own limit, its deadline and light (null for waits on the applicant) */
  limitDays: z.number().int().nullable(),
  deadline: IsoDate.nullable(),
  light: CaseLight.nullable(),
  from: IsoDate,
  to: IsoDate.nullable(),
  /** working days paused so far (both ends count; an open pause runs to today) */
  workdays: z.number().int(),
});
export type CasePauseView = z.infer<typeof CasePauseView>;

export const CaseView = z.object({
  id: Id,
  caseNo: z.string(),
  verificationCode: z.string(),
  externalNo: z.string().nullable(),
  centerId: Id,
  centerName: z.string(),
  item: z.object({
    id: Id,
    versionId: Id,
    versionNo: z.number().int(),
    code: z.string(),
    name: z.string(),
    departmentId: Id,
    handlingClass: z.enum(['immediate', 'promised', 'joint', 'reportUp']),
    promisedLimit: z.number().int(),
    statutoryLimit: z.number().int(),
    materials: z.array(z.object({ code: z.string(), name: z.string(), required: z.boolean() })),
    specialProcedures: z.array(z.enum(SPECIAL_PROCEDURES)),
  }),
  applicant: CaseApplicant,
  status: CaseStatus,
  outcome: CaseOutcome.nullable(),
  intakeDate: IsoDate,
  acceptedOn: IsoDate.nullable(),
  concludedOn: IsoDate.nullable(),
  deadlines: z.object({ promised: IsoDate, statutory: IsoDate }).nullable(),
  clock: z.object({
    started: z.boolean(),
    paused: z.boolean(),
    stopped: z.boolean(),
    asOf: IsoDate,
    elapsed: z.number().int(),
    remaining: z.number().int().nullable(),
    remainingStatutory: z.number().int().nullable(),
  }),
  light: CaseLight.nullable(),
  supplement: z
    .object({
      materials: z.array(z.object({ code: z.string(), name: z.string(), problem: z.enum(['missing', 'wrong', 'incomplete']), note: z.string() })),
      requestedOn: IsoDate,
      dueDate: IsoDate.nullable(),
    })
    .nullable(),
  refusal: z
    .object({
      reason: z.string(),
      legalBasis: z.array(z.string()),
      redirectTo: z.string().nullable(),
      on: IsoDate,
      /** the applicant's request for review (复核) and the center's answer */
      recheck: z
        .object({ reason: z.string(), askedOn: IsoDate, answer: z.object({ upheld: z.boolean(), reason: z.string(), on: IsoDate }).nullable() })
        .nullable(),
    })
    .nullable(),
  decision: z.record(z.string(), z.unknown()).nullable(),
  /** 容缺: materials owed after acceptance, the committed due date, and the codes still owed */
  deferred: z.object({ materials: z.array(CaseMaterialRef), dueDate: IsoDate, owed: z.array(z.string()) }).nullable(),
  /** 告知承诺: materials a signed pledge replaced */
  pledged: z.array(CaseMaterialRef),
  /** 绿色通道: flagged, with its escort (领办人), the reason and since when */
  greenChannel: z.object({ escortId: z.string().nullable(), escortName: z.string(), reason: z.string(), since: IsoDate }).nullable(),
  /** a forwarded decision (上报): the higher authority, when, and its answer */
  forward: z
    .object({
      authority: z.string(),
      forwardedOn: IsoDate,
      /** when the answer is due (上报跟踪); null on cases forwarded before it was recorded */
      answerDue: IsoDate.nullable(),
      answer: z.object({ result: z.enum(['approved', 'denied']), reference: z.string(), note: z.string(), on: IsoDate }).nullable(),
    })
    .nullable(),
  tasks: z.array(CaseTaskView),
  fees: z.array(CaseFeeView),
  /** assessed and not yet paid, in fen: delivery waits until it is 0 */
  owedFen: z.number().int(),
  pauses: z.array(CasePauseView),
  actions: z.array(CaseActionView),
  /** the moves the signed-in person may make now (the buttons) */
  availableActions: z.array(CaseActionKind),
  /** the case's notices (受理通知书 …), printable: GET /api/v1/cases/:id/notices/:noticeId/pdf */
  notices: z.array(CaseNoticeView),
  version: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type CaseView = z.infer<typeof CaseView>;

/** A line of a list: ID number and phone masked. */
export const CaseListItem = z.object({
  id: Id,
  caseNo: z.string(),
  itemName: z.string(),
  departmentId: Id,
  applicantKind: z.enum(['person', 'enterprise']),
  applicantName: z.string(),
  applicantIdNumber: z.string().nullable(),
  applicantUscc: z.string().nullable(),
  applicantPhone: z.string(),
  status: CaseStatus,
  outcome: CaseOutcome.nullable(),
  intakeDate: IsoDate,
  acceptedOn: IsoDate.nullable(),
  promisedDue: IsoDate.nullable(),
  statutoryDue: IsoDate.nullable(),
  light: CaseLight.nullable(),
  /** 绿色通道: flagged cases come first in the list */
  greenChannel: z.boolean(),
  version: z.number().int(),
  createdAt: Instant,
});
export type CaseListItem = z.infer<typeof CaseListItem>;

export const CaseList = listOf(CaseListItem);
export type CaseList = z.infer<typeof CaseList>;

export const CaseListQuery = PageQuery.extend({
  /** today: taken in today in the center; mine: taken in by me; all (default) */
  view: z.enum(['all', 'today', 'mine']).default('all'),
  /** case number, applicant name, ID number or USCC */
  q: z.string().trim().max(100).optional(),
  status: CaseStatus.optional(),
});
export type CaseListQuery = z.input<typeof CaseListQuery>;
