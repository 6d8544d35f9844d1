/** Electronic supervision (电子监察): cards, the monitor and its live feed, the office's work lists, observation reports and complaint handling, credit records and denial reports. */
import type { FastifyInstance } from 'fastify';
import cards from './cards.js';
import monitor from './monitor.js';
import reports from './reports.js';
import work from './work.js';
import credit from './credit.js';

export default async function supervisionRoutes(app: FastifyInstance): Promise<void> {
  for (const r of [cards, monitor, work, reports, credit]) await app.register(r);
}
