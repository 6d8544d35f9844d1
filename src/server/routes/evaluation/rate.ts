/**
 * Rating without a login: the window rating screen (a device at the window, `/hall/rate/<window>`)
 * and the page behind the SMS link (`/rate/<token>`). Rate-limited like the public pages.
 */
import { RatingBody, RatingDone, SmsRatingPage, TokenParams, WindowParams, WindowRatingBody, WindowScreen } from '../../../contracts/evaluation.js';
import { rateAtWindow, rateBySms, smsRatingPage, windowScreen } from '../../services/evaluation/screen.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  const config = { rateLimit: { max: app.onestopConfig.publicRatePerMinute, timeWindow: '1 minute' } };
  const tags = ['evaluation'];
  app.get('/api/v1/hall/rate/:windowId', { config, schema: { tags, params: WindowParams, response: { 200: WindowScreen } } }, (req) => windowScreen(req.ctx.deps, req.params.windowId));
  app.post('/api/v1/hall/rate/:windowId', { config, schema: { tags, params: WindowParams, body: WindowRatingBody, response: { 200: RatingDone } } }, (req) => rateAtWindow(req.ctx, req.params.windowId, req.body));
  app.get('/api/v1/public/rate/:token', { config, schema: { tags, params: TokenParams, response: { 200: SmsRatingPage } } }, (req) => smsRatingPage(req.ctx.deps, req.params.token));
  app.post('/api/v1/public/rate/:token', { config, schema: { tags, params: TokenParams, body: RatingBody, response: { 200: RatingDone } } }, (req) => rateBySms(req.ctx, req.params.token, req.body));
};
export default routes;
