/** Public progress (办件查询): no login; number + query code; strictly rate-limited per client. */
import { PublicNoticeParams, PublicProgress, ProgressQuery } from '../../../contracts/case-public.js';
import { publicNoticePdf, publicProgress } from '../../services/case/progress.js';
import { sendNoticePdf } from '../notice-pdf.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  const config = { rateLimit: { max: app.onestopConfig.progressRatePerMinute, timeWindow: '1 minute' } };
  const tags = ['public'];
  app.get('/api/v1/public/progress', { config, schema: { tags, querystring: ProgressQuery, response: { 200: PublicProgress } } }, (req) =>
    publicProgress(req.ctx.deps, req.query),
  );
  app.get('/api/v1/public/progress/notices/:noticeId', { config, schema: { tags, params: PublicNoticeParams, querystring: ProgressQuery } }, async (req, reply) =>
    sendNoticePdf(reply, await publicNoticePdf(req.ctx.deps, req.query, req.params.noticeId)),
  );
};
export default routes;
