import { DaysQuery, DaysReply, DeadlineQuery, DeadlineReply } from '../../../contracts/calendar.js';
import { computeDeadline, listDays } from '../../services/calendar/public.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  const rateLimit = { max: app.onestopConfig.publicRatePerMinute, timeWindow: '1 minute' };
  app.get(
    '/api/v1/calendar/deadline',
    { schema: { tags: ['calendar'], querystring: DeadlineQuery, response: { 200: DeadlineReply } }, config: { rateLimit } },
    (req) => computeDeadline(req.ctx, req.query),
  );
  app.get(
    '/api/v1/calendar/days',
    { schema: { tags: ['calendar'], querystring: DaysQuery, response: { 200: DaysReply } }, config: { rateLimit } },
    (req) => listDays(req.ctx, req.query),
  );
};
export default routes;
