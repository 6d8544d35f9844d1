/**
 * Public progress (办件查询): anyone holding a case number and its verification code sees where
 * the case stands — never who applied. A wrong code answers exactly like an unknown number.
 */
import { z } from 'zod';
import { CaseActionKind, CaseLight, CaseOutcome, CaseStatus } from './case.js';
import { CaseNoticeView } from './case-notices.js';
import { IsoDate } from './common.js';

export const ProgressQuery = z.object({
  caseNo: z.string().trim().min(1).max(32),
  code: z.string().trim().min(1).max(16),
});
export type ProgressQuery = z.infer<typeof ProgressQuery>;

/** One step of the timeline: what happened and when; no names, no opinions, no personal data. */
export const ProgressStep = z.object({
  kind: CaseActionKind,
  date: IsoDate,
  /** for a task: its step name (e.g. 审查); for a special procedure: its kind */
  detail: z.string().nullable(),
});

export const PublicProgress = z.object({
  caseNo: z.string(),
  centerName: z.string(),
  departmentName: z.string(),
  item: z.object({ code: z.string(), name: z.string() }),
  status: CaseStatus,
  outcome: CaseOutcome.nullable(),
  intakeDate: IsoDate,
  acceptedOn: IsoDate.nullable(),
  concludedOn: IsoDate.nullable(),
  deadlines: z.object({ promised: IsoDate, statutory: IsoDate }).nullable(),
  light: CaseLight.nullable(),
  /** the open steps and when each is due */
  currentSteps: z.array(z.object({ name: z.string(), deadline: IsoDate })),
  steps: z.array(ProgressStep),
  /** downloadable with the same number and code: GET /api/v1/public/progress/notices/:noticeId?caseNo=&code= */
  notices: z.array(CaseNoticeView.pick({ id: true, kind: true, noticeNo: true, issuedOn: true })),
});
export type PublicProgress = z.infer<typeof PublicProgress>;

export const PublicNoticeParams = z.object({ noticeId: z.string().max(64) });
