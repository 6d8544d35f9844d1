/** The supervision office's work lists: anomalies, supervision orders, follow-up visits. */
import { z } from 'zod';
import { Id, IsoDate, PageQuery, listOf } from './common.js';

export const AnomalyRule = z.enum(['refusalWithoutReasons', 'concludedWithoutAcceptance', 'lateEntry', 'feeWithoutLicence', 'feeOffStandard', 'stepOverLimit', 'lateForward', 'forwardUnanswered']);

export const AnomalyView = z.object({
  id: Id,
  caseId: Id,
  caseNo: z.string(),
  centerId: Id,
  departmentId: Id,
  departmentName: z.string(),
  rule: AnomalyRule,
  /** the action (case version) that shows it */
  seq: z.number().int(),
  message: z.string(),
  messageEn: z.string(),
  status: z.enum(['open', 'closed']),
  disposition: z.string(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type AnomalyView = z.infer<typeof AnomalyView>;
export const AnomalyQuery = PageQuery.extend({ status: z.enum(['open', 'closed']).optional(), rule: AnomalyRule.optional(), caseId: Id.optional() });
export type AnomalyQuery = z.input<typeof AnomalyQuery>;
export const AnomalyList = listOf(AnomalyView);
export type AnomalyList = z.infer<typeof AnomalyList>;
export const CloseAnomalyBody = z.object({ version: z.number().int().min(1), disposition: z.string().trim().min(1).max(2000) });
export type CloseAnomalyBody = z.input<typeof CloseAnomalyBody>;

export const OrderView = z.object({
  id: Id,
  centerId: Id,
  departmentId: Id,
  departmentName: z.string(),
  caseId: Id.nullable(),
  caseNo: z.string().nullable(),
  anomalyId: Id.nullable(),
  content: z.string(),
  status: z.enum(['open', 'answered', 'closed']),
  issuedOn: IsoDate,
  due: IsoDate,
  overdue: z.boolean(),
  answers: z.array(z.object({ text: z.string(), by: z.string(), on: IsoDate })),
  returns: z.array(z.object({ reason: z.string(), on: IsoDate })),
  closedOn: IsoDate.nullable(),
  version: z.number().int(),
});
export type OrderView = z.infer<typeof OrderView>;
export const OrderQuery = PageQuery.extend({ status: z.enum(['open', 'answered', 'closed']).optional() });
export type OrderQuery = z.input<typeof OrderQuery>;
export const OrderList = listOf(OrderView);
export type OrderList = z.infer<typeof OrderList>;
export const IssueOrderBody = z.object({
  departmentId: Id,
  caseId: Id.optional(),
  anomalyId: Id.optional(),
  content: z.string().trim().min(1).max(4000),
  /** working days to answer; default the center's setting */
  responseDays: z.number().int().min(1).max(60).optional(),
});
export type IssueOrderBody = z.input<typeof IssueOrderBody>;
export const AnswerOrderBody = z.object({ version: z.number().int().min(1), text: z.string().max(4000) });
export type AnswerOrderBody = z.input<typeof AnswerOrderBody>;
export const ReviewOrderBody = z.object({ version: z.number().int().min(1), accept: z.boolean(), reason: z.string().max(2000).default('') });
export type ReviewOrderBody = z.input<typeof ReviewOrderBody>;

export const FollowUpView = z.object({
  id: Id,
  caseId: Id,
  caseNo: z.string(),
  itemName: z.string(),
  departmentId: Id,
  departmentName: z.string(),
  month: z.string(),
  applicantName: z.string(),
  /** in full for the person assigned to call, masked for others */
  applicantPhone: z.string(),
  assigneeUserId: Id.nullable(),
  status: z.enum(['pending', 'visited', 'unreachable']),
  result: z.enum(['satisfied', 'basicallySatisfied', 'dissatisfied']).nullable(),
  note: z.string(),
  visitedOn: IsoDate.nullable(),
  version: z.number().int(),
});
export type FollowUpView = z.infer<typeof FollowUpView>;
export const FollowUpQuery = PageQuery.extend({ month: z.string().regex(/^\d{4}-\d{2}$/).optional(), status: z.enum(['pending', 'visited', 'unreachable']).optional() });
export type FollowUpQuery = z.input<typeof FollowUpQuery>;
export const FollowUpList = listOf(FollowUpView);
export type FollowUpList = z.infer<typeof FollowUpList>;
export const FollowUpAssignBody = z.object({ version: z.number().int().min(1), assigneeUserId: Id });
export type FollowUpAssignBody = z.input<typeof FollowUpAssignBody>;
export const FollowUpResultBody = z
  .object({
    version: z.number().int().min(1),
    reached: z.boolean(),
    result: z.enum(['satisfied', 'basicallySatisfied', 'dissatisfied']).optional(),
    note: z.string().max(2000).default(''),
  })
  .refine((b) => !b.reached || b.result !== undefined, { path: ['result'], message: 'result is required when reached' });
export type FollowUpResultBody = z.input<typeof FollowUpResultBody>;
export const IdParams = z.object({ id: Id });
