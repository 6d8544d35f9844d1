/**
 * The routes of bundle runs (一件事办件) in the matrix. Starting one takes case:intake (the domain
 * lets only the clerk take in); reading, case:read; the fee sheet's moves, case:accept — each over
 * the run's center and the departments of its items (the fixture's items are deptA's, so every
 * deptA role and the center-wide ones are in scope). Public progress is public.
 */
import type { RouteCase } from './routes.js';

const R = '/api/v1/bundle-runs';

export const BUNDLE_CASE_MATRIX: Record<string, RouteCase> = {
  'POST /api/v1/bundle-runs': { rule: 'case:intake', request: (f) => ({ url: R, payload: f.runBody() }) },
  'GET /api/v1/bundle-runs': { rule: 'case:read', request: () => ({ url: R }) },
  'GET /api/v1/bundle-runs/:id': { rule: 'case:read', request: async (f) => ({ url: `${R}/${(await f.bundleRun('started')).id}` }) },
  'POST /api/v1/bundle-runs/:id/fees/assess': {
    rule: 'case:accept',
    request: async (f) => {
      const r = await f.bundleRun('started');
      return { url: `${R}/${r.id}/fees/assess`, payload: { version: r.version } };
    },
  },
  'GET /api/v1/bundle-runs/:id/fees/sheet.pdf': { rule: 'case:read', request: async (f) => ({ url: `${R}/${(await f.bundleRun('assessed')).id}/fees/sheet.pdf` }) },
  'POST /api/v1/bundle-runs/:id/fees/pay': {
    rule: 'case:accept',
    request: async (f) => {
      const r = await f.bundleRun('assessed');
      return { url: `${R}/${r.id}/fees/pay`, payload: { version: r.version, method: 'cash' } };
    },
  },
  'GET /api/v1/public/bundle-progress': {
    rule: 'public',
    request: async (f) => {
      const r = await f.bundleRun('started');
      return { url: `/api/v1/public/bundle-progress?runNo=${r.runNo}&code=${r.code}` };
    },
  },
};
