/** Evaluation (好差评): rating at the window and by SMS link, rectification, public figures. */
import type { FastifyInstance } from 'fastify';
import figures from '../public/figures.js';
import rate from './rate.js';
import rectifications from './rectifications.js';

export default async function evaluationRoutes(app: FastifyInstance): Promise<void> {
  for (const r of [rate, rectifications, figures]) await app.register(r);
}
