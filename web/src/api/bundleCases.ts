/**
 * Bundle runs (一件事办件) — routes in src/server/routes/bundle-cases/index.ts, schemas in
 * contracts/bundle-case.ts — and the published bundles a run is started for (their combined
 * form, checklist, fee sheet and deadline: contracts/bundle.ts, the public bundle routes).
 * The fee sheet's moves carry the run's `version`; a 409 means the run moved on (reload).
 */
import type {
  BundleRunList,
  BundleRunListQuery,
  BundleRunView,
  PayBundleFeesBody,
  PublicBundleProgress,
  StartBundleRunBody,
} from '@shared/contracts/bundle-case';
import type { PublicBundleDetail, PublicBundleList } from '@shared/contracts/bundle';
import { http } from './http';

export type { BundleRunView, BundleRunSummary, BundleRunStatus, BundleRunStage, BundleRunChild, BundleFeeSheet, PublicBundleProgress } from '@shared/contracts/bundle-case';
export type { PublicBundleDetail };
export type BundleOption = PublicBundleList['items'][number];
export type StartRunBody = StartBundleRunBody;
export type PayMethod = PayBundleFeesBody['method'];

const base = '/api/v1/bundle-runs';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const bundleCasesApi = {
  start: (body: StartBundleRunBody) => http.post<BundleRunView>(base, body),
  list: (q: Partial<BundleRunListQuery>) => http.get<BundleRunList>(base, q),
  get: (id: string) => http.get<BundleRunView>(one(id)),
  assessFees: (id: string, version: number) => http.post<BundleRunView>(`${one(id)}/fees/assess`, { version }),
  payFees: (id: string, version: number, method: PayMethod, reference?: string) =>
    http.post<BundleRunView>(`${one(id)}/fees/pay`, { version, method, ...(reference ? { reference } : {}) }),
  /** published bundles (by name, code or theme) and one with its combined form, checklist and fee sheet */
  bundles: (q: string) => http.get<PublicBundleList>('/api/v1/public/bundles', { q: q || undefined, pageSize: 50 }),
  bundle: (id: string) => http.get<PublicBundleDetail>(`/api/v1/public/bundles/${encodeURIComponent(id)}`),
  progress: (runNo: string, code: string) => http.get<PublicBundleProgress>('/api/v1/public/bundle-progress', { runNo, code }),
};
