/** Routes of bundle-cases; each handler is one call into a service. */
import type { FastifyInstance } from 'fastify';

export default async function routes(_app: FastifyInstance): Promise<void> {}
