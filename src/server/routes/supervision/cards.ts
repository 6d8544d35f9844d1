/** Cards (预警 / 黄牌 / 红牌): the list and one card in scope; a department's appeal; a supervisor's ruling. */
import { AppealBody, CardList, CardParams, CardQuery, CardView, RulingBody } from '../../../contracts/supervision.js';
import { requireActor } from '../../plugins/auth.js';
import { appealCardAs, getCard, listCardsFor, ruleOnCardAs } from '../../services/supervision/cards.js';
import type { RoutePlugin } from '../types.js';

const routes: RoutePlugin = async (app) => {
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  const tags = ['supervision'];
  const S = '/api/v1/supervision/cards';
  app.get(S, { schema: { tags, querystring: CardQuery, response: { 200: CardList } } }, (req) => listCardsFor(req.ctx, req.query));
  app.get(`${S}/:id`, { schema: { tags, params: CardParams, response: { 200: CardView } } }, (req) => getCard(req.ctx, req.params.id));
  app.post(`${S}/:id/appeal`, { schema: { tags, params: CardParams, body: AppealBody, response: { 200: CardView } } }, (req) => appealCardAs(req.ctx, req.params.id, req.body));
  app.post(`${S}/:id/rule`, { schema: { tags, params: CardParams, body: RulingBody, response: { 200: CardView } } }, (req) => ruleOnCardAs(req.ctx, req.params.id, req.body));
};
export default routes;
