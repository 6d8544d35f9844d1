/** A case's notice as PDF for staff (打印): case:read over the case. */
import { CaseNoticeParams } from '../../../contracts/case-notices.js';
import { requireActor } from '../../plugins/auth.js';
import { staffNoticePdf } from '../../services/case/notices.js';
import { sendNoticePdf } from '../notice-pdf.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  app.get('/api/v1/cases/:id/notices/:noticeId/pdf', { schema: { tags: ['window', 'cases'], params: CaseNoticeParams } }, async (req, reply) =>
    sendNoticePdf(reply, await staffNoticePdf(req.ctx, req.params.id, req.params.noticeId)),
  );
};
export default routes;
