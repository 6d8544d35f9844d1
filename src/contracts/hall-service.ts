/**
 * The online hall's service to the public (DESIGN §5, §9): consultations (网上咨询) answered by
 * the department on the clock, the public ones shown on the item's guide; complaints (投诉) about
 * a case, a window or a member of staff, on the supervisors' clock; and the publication of
 * concluded decisions (办件结果公示) with persons' names and ID numbers masked.
 */
import { z } from 'zod';
import { CaseOutcome } from './case.js';
import { Id, Instant, IsoDate, PageQuery, VersionBody, listOf } from './common.js';

const Text = (max: number) => z.string().trim().max(max);

export const ConsultationView = z.object({
  id: Id,
  itemId: Id,
  itemName: z.string(),
  departmentId: Id,
  question: z.string(),
  status: z.enum(['open', 'answered']),
  /** the department answers by this working day */
  dueDate: IsoDate,
  answer: z.string().nullable(),
  answeredAt: Instant.nullable(),
  public: z.boolean(),
  createdAt: Instant,
  version: z.number().int(),
});
export type ConsultationView = z.infer<typeof ConsultationView>;
export const ConsultationList = listOf(ConsultationView);
export type ConsultationList = z.infer<typeof ConsultationList>;

/** `POST /api/v1/hall/consultations` */
export const AskBody = z.object({ itemId: Id, question: Text(2000).min(1) });
export type AskBody = z.infer<typeof AskBody>;

/** `GET /api/v1/consultations` (department staff) */
export const ConsultationQuery = PageQuery.extend({ status: z.enum(['open', 'answered']).optional() });
export type ConsultationQuery = z.input<typeof ConsultationQuery>;

/** `POST /api/v1/consultations/:id/answer` */
export const AnswerBody = VersionBody.extend({
  answer: Text(4000).min(1),
  /** shown on the item's guide page (without who asked) */
  public: z.boolean().default(false),
});
export type AnswerBody = z.input<typeof AnswerBody>;

/** `GET /api/v1/public/items/:id/consultations`: answered and marked public */
export const PublicConsultation = z.object({ id: Id, question: z.string(), answer: z.string(), answeredAt: Instant });
export const PublicConsultationList = listOf(PublicConsultation);
export type PublicConsultationList = z.infer<typeof PublicConsultationList>;

export const ComplaintSubject = z.enum(['case', 'window', 'staff']);
export type ComplaintSubject = z.infer<typeof ComplaintSubject>;

/**
 * `POST /api/v1/hall/complaints`: about one of my cases (`caseId`), a window (`windowId`), or a
 * member of staff (`staffName`, and the case or window where it happened).
 */
export const ComplaintBody = z.object({
  subject: ComplaintSubject,
  caseId: Id.optional(),
  windowId: Id.optional(),
  staffName: Text(50).optional(),
  content: Text(4000).min(1),
});
export type ComplaintBody = z.infer<typeof ComplaintBody>;

export const ComplaintView = z.object({
  id: Id,
  centerId: Id,
  subject: ComplaintSubject,
  caseId: Id.nullable(),
  caseNo: z.string().nullable(),
  windowId: Id.nullable(),
  windowName: z.string().nullable(),
  departmentId: Id.nullable(),
  staffName: z.string(),
  content: z.string(),
  status: z.string(),
  /** the supervisors answer by this working day */
  dueDate: IsoDate,
  createdAt: Instant,
  /** for supervisors: the complainant, name and mobile masked */
  complainant: z.object({ name: z.string(), mobile: z.string() }).nullable(),
});
export type ComplaintView = z.infer<typeof ComplaintView>;
export const ComplaintList = listOf(ComplaintView);
export type ComplaintList = z.infer<typeof ComplaintList>;
export const ComplaintQuery = PageQuery.extend({ status: z.string().trim().max(32).optional() });
export type ComplaintQuery = z.input<typeof ComplaintQuery>;

/** `GET /api/v1/public/publications`: concluded decisions, newest first */
export const PublicationQuery = PageQuery.extend({ itemId: Id.optional(), centerId: Id.optional() });
export type PublicationQuery = z.input<typeof PublicationQuery>;
export const Publication = z.object({
  caseNo: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  /** a person's name masked (张*); an enterprise in full */
  applicantName: z.string(),
  /** masked ID number (3201**********1234), or the enterprise's code in full */
  applicantIdentifier: z.string().nullable(),
  concludedOn: IsoDate,
  result: CaseOutcome,
});
export type Publication = z.infer<typeof Publication>;
export const PublicationList = listOf(Publication);
export type PublicationList = z.infer<typeof PublicationList>;

/** `GET /api/v1/public/windows?centerId=`: windows to name in a complaint */
export const PublicWindowQuery = z.object({ centerId: Id.optional() });
export const PublicWindow = z.object({ id: Id, centerId: Id, centerName: z.string(), code: z.string(), name: z.string() });
export const PublicWindowList = z.object({ items: z.array(PublicWindow), total: z.number().int() });
export type PublicWindowList = z.infer<typeof PublicWindowList>;
