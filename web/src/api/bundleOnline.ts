/**
 * Online bundle applications (一件事 网上申请) — routes in src/server/routes/bundle-online/index.ts,
 * schemas in contracts/bundle-online.ts. The applicant's under /api/v1/hall (uploads as multipart,
 * part `file`), the window's under /api/v1/bundle-applications; decisions carry the application's
 * `version` (409: it moved on — reload).
 */
import type {
  BundleApplicationList,
  BundleApplicationListQuery,
  BundleApplicationView,
  BundleUploadView,
  ReturnBundleApplicationBody,
  SubmitBundleApplicationBody,
} from '@shared/contracts/bundle-online';
import { http } from './http';

export type { BundleApplicationList, BundleApplicationView, BundleUploadView, BundleApplicationStatus, BundleApplicationSummary } from '@shared/contracts/bundle-online';
export type SubmitBody = SubmitBundleApplicationBody;
export type ReturnBody = ReturnBundleApplicationBody;

const A = '/api/v1/hall/bundle-applications';
const W = '/api/v1/bundle-applications';
const enc = encodeURIComponent;

export const bundleOnlineApi = {
  // ── the applicant ──────────────────────────────────────────────────────────────────────
  upload: (bundleId: string, materialCode: string, file: File) => {
    const fd = new FormData();
    fd.append('file', file, file.name);
    return http.post<BundleUploadView>('/api/v1/hall/bundle-uploads', fd, { query: { bundleId, materialCode } });
  },
  submit: (body: SubmitBundleApplicationBody) => http.post<BundleApplicationView>(A, body),
  mine: (q: Partial<BundleApplicationListQuery>) => http.get<BundleApplicationList>(A, q),
  mineOne: (id: string) => http.get<BundleApplicationView>(`${A}/${enc(id)}`),
  withdraw: (id: string, version: number) => http.post<BundleApplicationView>(`${A}/${enc(id)}/withdraw`, { version }),
  // ── the window ─────────────────────────────────────────────────────────────────────────
  waiting: (q: Partial<BundleApplicationListQuery>) => http.get<BundleApplicationList>(W, q),
  get: (id: string) => http.get<BundleApplicationView>(`${W}/${enc(id)}`),
  accept: (id: string, version: number) => http.post<BundleApplicationView>(`${W}/${enc(id)}/accept`, { version }),
  returnBack: (id: string, body: ReturnBundleApplicationBody) => http.post<BundleApplicationView>(`${W}/${enc(id)}/return`, body),
};
