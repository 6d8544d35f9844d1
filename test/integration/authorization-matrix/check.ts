/** Sends one route's request as every actor and holds each answer to the route's rule. */
import { expect } from 'vitest';
import type { Session, TestApp } from '../../helpers/app.js';
import { ACTORS, passes, type User } from './actors.js';
import type { Fixtures } from './fixtures.js';
import type { Req, RouteCase } from './routes.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One request; the message names the route, the actor and the answer. */
export async function send(t: TestApp, s: Session | null, method: Method, req: Req, label: string) {
  const r = await t.as(s, { method, url: req.url, payload: req.payload, headers: req.headers });
  const body = (r.headers['content-type'] ?? '').toString().startsWith('application/json') ? r.body.slice(0, 300) : '';
  return { status: r.statusCode, msg: `${method} ${label} → ${r.statusCode} ${body}`.trim() };
}

/** Allowed: anything but 401/403 and never a 5xx; a read must answer 200 (its request is valid). */
export function expectAllowed(method: string, status: number, msg: string) {
  expect([401, 403], msg).not.toContain(status);
  expect(status, msg).toBeLessThan(500);
  if (method === 'GET') expect(status, msg).toBe(200);
}

/**
 * Refused roles first, then the allowed ones: a refusal must come from the permission check,
 * before an allowed actor's write changed anything.
 */
export async function checkRoute(t: TestApp, f: Fixtures, sessions: Record<User, Session>, key: string, c: RouteCase): Promise<void> {
  const [method, pattern] = key.split(' ') as [Method, string];
  const order = [...ACTORS].sort((a, b) => Number(passes(c.rule, a, c.narrower)) - Number(passes(c.rule, b, c.narrower)));
  for (const actor of order) {
    const session = actor === 'anonymous' ? null : c.ownSession ? await t.login(actor) : sessions[actor];
    const { status, msg } = await send(t, session, method, await c.request(f, actor), `${pattern} as ${actor}`);
    if (passes(c.rule, actor, c.narrower)) expectAllowed(method, status, msg);
    else expect(status, msg).toBe(actor === 'anonymous' ? 401 : 403);
  }
}
