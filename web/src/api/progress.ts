/**
 * Public progress (办件查询) — src/server/routes/public/progress.ts, contract contracts/case-public.ts.
 * No login: the case number and its query code (printed on every notice, in its QR code). A wrong
 * code answers 404 like an unknown number; too many tries answer 429.
 */
import type { PublicProgress } from '@shared/contracts/case-public';
import { http, toQueryString } from './http';

export type { PublicProgress };
export type ProgressStep = PublicProgress['steps'][number];
export type ProgressNotice = PublicProgress['notices'][number];

const base = '/api/v1/public/progress';

export const progressApi = {
  get: (caseNo: string, code: string) => http.get<PublicProgress>(base, { caseNo, code }),
  /** a notice's PDF, opened with the same number and code */
  noticeUrl: (noticeId: string, caseNo: string, code: string) => `${base}/notices/${encodeURIComponent(noticeId)}${toQueryString({ caseNo, code })}`,
};
