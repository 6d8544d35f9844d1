/** The signed-in person's message box. */
import { MessageList, MessageParams, MessageQuery, MessageView } from '../../../contracts/messages.js';
import { requireActor } from '../../plugins/auth.js';
import { listMyMessages, readMyMessage } from '../../services/notifications/messages.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  const tags = ['me'];
  app.get('/api/v1/me/messages', { schema: { tags, querystring: MessageQuery, response: { 200: MessageList } } }, (req) => listMyMessages(req.ctx, req.query));
  app.post('/api/v1/me/messages/:id/read', { schema: { tags, params: MessageParams, response: { 200: MessageView } } }, (req) => readMyMessage(req.ctx, req.params.id));
};
export default routes;
