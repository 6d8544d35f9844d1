/** The online hall (网上办事大厅): applicant accounts, applying online, my cases, service to the public, and its staff side. */
import type { FastifyInstance } from 'fastify';
import accounts from './accounts.js';
import apply from './apply.js';
import cases from './cases.js';
import service from './service.js';
import staff from './staff.js';

export default async function hallRoutes(app: FastifyInstance): Promise<void> {
  for (const r of [accounts, apply, cases, service, staff]) await app.register(r);
}
