/**
 * The routes of online bundle applications in the matrix. The applicant's admit applicant
 * accounts only (every staff role 403: `case:read` is a placeholder, `narrower` decides, as in
 * hall-routes.ts); the window's take case:intake + case:accept over the bundle's center and its
 * items' departments (deptA's clerk, the one holder of case:intake).
 */
import type { User } from './actors.js';
import type { Fixtures } from './fixtures.js';
import type { Req, RouteCase } from './routes.js';
import { multipartBody, PDF_BYTES } from '../catalogue-helpers.js';

const A = '/api/v1/hall/bundle-applications';
const W = '/api/v1/bundle-applications';
const APPLICANT = (u: User) => u === 'applicant';
const applicant = (request: (f: Fixtures) => Req | Promise<Req>): RouteCase => ({ rule: 'case:read', narrower: APPLICANT, request });
const windowRoute = (request: (f: Fixtures) => Req | Promise<Req>): RouteCase => ({ rule: 'case:intake', request });

export const BUNDLE_ONLINE_MATRIX: Record<string, RouteCase> = {
  'POST /api/v1/hall/bundle-uploads': applicant((f) => ({
    url: `/api/v1/hall/bundle-uploads?bundleId=${f.bundleOnline.bundleId}&materialCode=B01`,
    ...multipartBody('材料.pdf', PDF_BYTES, 'application/pdf'),
  })),
  'POST /api/v1/hall/bundle-applications': applicant(async (f) => ({ url: A, payload: await f.bundleOnline.submitBody() })),
  'GET /api/v1/hall/bundle-applications': applicant(() => ({ url: A })),
  'GET /api/v1/hall/bundle-applications/:id': applicant(async (f) => ({ url: `${A}/${(await f.bundleOnline.application()).id}` })),
  'POST /api/v1/hall/bundle-applications/:id/withdraw': applicant(async (f) => {
    const a = await f.bundleOnline.application();
    return { url: `${A}/${a.id}/withdraw`, payload: { version: a.version } };
  }),
  'GET /api/v1/bundle-applications': windowRoute(() => ({ url: W })),
  'GET /api/v1/bundle-applications/:id': windowRoute(async (f) => ({ url: `${W}/${(await f.bundleOnline.application()).id}` })),
  'GET /api/v1/bundle-applications/:id/files/:fileId': windowRoute(async (f) => {
    const a = await f.bundleOnline.application();
    return { url: `${W}/${a.id}/files/${a.fileId}` };
  }),
  'POST /api/v1/bundle-applications/:id/accept': windowRoute(async (f) => {
    const a = await f.bundleOnline.application();
    return { url: `${W}/${a.id}/accept`, payload: { version: a.version } };
  }),
  'POST /api/v1/bundle-applications/:id/return': windowRoute(async (f) => {
    const a = await f.bundleOnline.application();
    return { url: `${W}/${a.id}/return`, payload: { version: a.version, reason: '矩阵测试退回', materials: ['B02'] } };
  }),
};
