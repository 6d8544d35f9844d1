/** Shared by the hall's route files: the login check that answers 401 before any input is validated. */
import type { FastifyRequest } from 'fastify';
import { requireActor } from '../../plugins/auth.js';

/** Route option: 401 without a session, before the body or query is looked at. */
export const login = { onRequest: async (req: FastifyRequest) => void requireActor(req) };

export const tags = ['hall'];
