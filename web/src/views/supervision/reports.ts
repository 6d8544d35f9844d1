/** Shared bits of the observation and complaint pages: ratings, statuses, the legal next steps. */
import { COMPLAINT_STEPS, complaintStep } from '@shared/domain/supervision/complaints';
import type { ComplaintStepKind, ObservationRating } from '@/api/supervisionReports';

export const RATINGS: readonly ObservationRating[] = ['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied'];
export const RATING_TYPE: Record<ObservationRating, 'success' | 'primary' | 'info' | 'warning' | 'danger'> = {
  verySatisfied: 'success',
  satisfied: 'primary',
  basicallySatisfied: 'info',
  dissatisfied: 'warning',
  veryDissatisfied: 'danger',
};
export const COMPLAINT_STATUS_LIST = ['received', 'accepted', 'investigating', 'disposed', 'fedBack', 'archived'] as const;
/** the steps the domain's order allows from `status` */
export const nextSteps = (status: string): ComplaintStepKind[] => COMPLAINT_STEPS.filter((s) => complaintStep(status, s).ok);
/** the steps whose text the server needs (notes, disposition, feedback) */
export const TEXT_REQUIRED: ReadonlySet<ComplaintStepKind> = new Set(['investigate', 'dispose', 'feedBack']);
