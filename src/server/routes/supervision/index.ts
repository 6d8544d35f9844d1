/** Electronic supervision (电子监察): cards, the monitor and its live feed, the office's work lists. */
import type { FastifyInstance } from 'fastify';
import cards from './cards.js';
import monitor from './monitor.js';
import work from './work.js';

export default async function supervisionRoutes(app: FastifyInstance): Promise<void> {
  for (const r of [cards, monitor, work]) await app.register(r);
}
