/**
 * The back office's case API (DESIGN §4 "Work items"): routing an accepted case to review, the
 * department's task inbox, task moves, the decision and conclusion, delivery and withdrawal.
 * Every move carries the case `version` it was read at; the reply is the case (`CaseView`).
 */
import { z } from 'zod';
import { CaseLight, CaseStatus } from './case.js';
import { IsoDate, PageQuery, VersionBody, listOf } from './common.js';

const Text = (max: number) => z.string().trim().max(max);

export const StartReviewBody = VersionBody;
export type StartReviewBody = z.infer<typeof StartReviewBody>;

export const TaskParams = z.object({ id: z.string().max(64), taskId: z.string().max(64) });

export const CompleteTaskBody = VersionBody.extend({
  /** the reviewer's opinion (审查意见); may be empty */
  opinion: Text(4000).default(''),
  /** a co-department's answer on a joint case (会签): 不同意 needs its reason in `opinion`, else it counts as 同意 */
  answer: z.enum(['agree', 'disagree', 'agreeForward']).optional(),
});
export type CompleteTaskBody = z.input<typeof CompleteTaskBody>;

export const ReturnTaskBody = VersionBody.extend({
  /** why the previous step must be worked again (required; the domain names the field) */
  reason: Text(2000),
});
export type ReturnTaskBody = z.input<typeof ReturnTaskBody>;

/** 准予许可 / 不予许可 (reasons, legal basis, rights statement) / 上报 (report-up items only). */
export const DecisionInput = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('approved'), note: Text(2000).default('') }),
  z.object({
    outcome: z.literal('denied'),
    // empty lists are refused by the domain with the field named (decision.reasons, …)
    reasons: z.array(Text(2000)).max(20).default([]),
    legalBasis: z.array(Text(500)).max(20).default([]),
    /** omitted: the standard 行政复议 / 行政诉讼 statement */
    rightsStatement: Text(2000).optional(),
  }),
  z.object({
    outcome: z.literal('forwarded'),
    authority: Text(200),
    note: Text(2000).default(''),
    /** when the higher authority's answer is due; omitted: FORWARD_ANSWER_WORKDAYS working days from today */
    answerDue: IsoDate.optional(),
  }),
]);

export const DecideBody = VersionBody.extend({ decision: DecisionInput });
export type DecideBody = z.input<typeof DecideBody>;

export const ConcludeBody = VersionBody;
export type ConcludeBody = z.infer<typeof ConcludeBody>;

/** At the window to an identified receiver (citizen ID checked), or by mail with a tracking number. */
export const DeliveryInput = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('window'),
    receiver: z.object({
      name: Text(100),
      idType: z.enum(['idCard', 'other']).default('idCard'),
      idNumber: Text(32),
    }),
  }),
  z.object({ method: z.literal('mail'), carrier: Text(100), trackingNo: Text(64) }),
]);

export const DeliverBody = VersionBody.extend({ delivery: DeliveryInput });
export type DeliverBody = z.input<typeof DeliverBody>;

export const WithdrawBody = VersionBody.extend({
  /** what the applicant's written withdrawal says (撤回申请书) */
  reason: Text(2000).min(1),
});
export type WithdrawBody = z.input<typeof WithdrawBody>;

// ——— the task inbox ———

export const TaskInboxQuery = PageQuery;
export type TaskInboxQuery = z.input<typeof TaskInboxQuery>;

/** An open task of the actor's department, with its own clock worked out for today. */
export const TaskInboxItem = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  /** the case version a move on this task must carry */
  caseVersion: z.number().int(),
  caseStatus: CaseStatus,
  itemName: z.string(),
  applicantName: z.string(),
  taskId: z.string(),
  taskName: z.string(),
  assignee: z.object({ departmentId: z.string().nullable(), role: z.string(), userId: z.string().nullable() }),
  limitDays: z.number().int(),
  openedOn: IsoDate,
  /** how many times the step has been opened (a returned step is worked again) */
  round: z.number().int(),
  deadline: IsoDate,
  /** working days left (negative when overdue) */
  remaining: z.number().int(),
  paused: z.boolean(),
  light: CaseLight,
  /** 绿色通道: the case is flagged (sorted first) */
  greenChannel: z.boolean(),
  /** the signed-in person may complete or return it (their role, or named to them) */
  workable: z.boolean(),
});
export type TaskInboxItem = z.infer<typeof TaskInboxItem>;

export const TaskInbox = listOf(TaskInboxItem);
export type TaskInbox = z.infer<typeof TaskInbox>;
