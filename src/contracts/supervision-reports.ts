/** Volunteer observation reports (明察暗访) and the supervisors' handling of complaints (投诉处理). */
import { z } from 'zod';
import { Id, Instant, IsoDate, PageQuery, listOf } from './common.js';

export const ObservationRating = z.enum(['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied']);

export const ObservationView = z.object({
  id: Id,
  centerId: Id,
  windowId: Id.nullable(),
  windowName: z.string().nullable(),
  volunteerUserId: Id,
  volunteerName: z.string(),
  observedAt: Instant,
  content: z.string(),
  rating: ObservationRating,
  status: z.enum(['filed', 'handled']),
  handling: z.string().nullable(),
  handledAt: Instant.nullable(),
  createdAt: Instant,
  version: z.number().int(),
});
export type ObservationView = z.infer<typeof ObservationView>;
export const ObservationList = listOf(ObservationView);
export type ObservationList = z.infer<typeof ObservationList>;
export const ObservationQuery = PageQuery.extend({ status: z.enum(['filed', 'handled']).optional() });
export type ObservationQuery = z.input<typeof ObservationQuery>;
export const FileObservationBody = z.object({
  windowId: Id,
  observedAt: z.iso.datetime(),
  content: z.string().trim().min(1).max(4000),
  rating: ObservationRating,
});
export type FileObservationBody = z.input<typeof FileObservationBody>;
export const HandleObservationBody = z.object({ version: z.number().int().min(1), handling: z.string().trim().min(1).max(4000) });
export type HandleObservationBody = z.input<typeof HandleObservationBody>;

export const ComplaintStatus = z.enum(['received', 'accepted', 'investigating', 'disposed', 'fedBack', 'archived']);
export const ComplaintStepKind = z.enum(['accept', 'investigate', 'dispose', 'feedBack', 'archive']);

export const HandledComplaintView = z.object({
  id: Id,
  centerId: Id,
  subject: z.enum(['case', 'window', 'staff']),
  caseId: Id.nullable(),
  caseNo: z.string().nullable(),
  windowId: Id.nullable(),
  windowName: z.string().nullable(),
  departmentId: Id.nullable(),
  staffName: z.string(),
  content: z.string(),
  status: ComplaintStatus,
  dueDate: IsoDate,
  overdue: z.boolean(),
  disposition: z.string(),
  feedback: z.string(),
  history: z.array(z.object({ step: ComplaintStepKind, text: z.string(), by: Id, byName: z.string(), at: Instant })),
  complainant: z.object({ name: z.string(), mobile: z.string() }),
  createdAt: Instant,
  version: z.number().int(),
});
export type HandledComplaintView = z.infer<typeof HandledComplaintView>;
/** `text`: the notes (investigate), the disposition (dispose) or the feedback (feedBack); optional otherwise */
export const ComplaintStepBody = z.object({ version: z.number().int().min(1), step: ComplaintStepKind, text: z.string().trim().max(4000).default('') });
export type ComplaintStepBody = z.input<typeof ComplaintStepBody>;
