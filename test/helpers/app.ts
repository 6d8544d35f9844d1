/** Builds the real app on a fresh database with a controllable clock, for app.inject tests. */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { type Config, loadConfig } from '../../src/server/config.js';
import type { Dialect } from '../../src/server/db/dialect.js';
import type { Clock } from '../../src/server/services/context.js';
import { freshDb, type TestDb } from './db.js';
import { type Org, PASSWORD, seedOrg } from './fixtures.js';

/** Time moves only when the test says so. */
export class TestClock implements Clock {
  constructor(private t: Date = new Date('2026-03-02T02:00:00.000Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string) {
    this.t = new Date(iso);
  }
  advance(ms: number) {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export interface Session {
  cookie: string;
  csrf: string;
}

export interface TestApp {
  app: FastifyInstance;
  tdb: TestDb;
  org: Org;
  clock: TestClock;
  config: Config;
  login(username: string, password?: string): Promise<Session>;
  /** inject with the session's cookie and CSRF header */
  as(s: Session | null, o: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startTestApp(dialect: Dialect, env: Record<string, string> = {}): Promise<TestApp> {
  const tdb = await freshDb(dialect);
  const config = loadConfig({ ONESTOP_DATA_DIR: tdb.dataDir, LOG_LEVEL: 'silent', OUTBOX_INTERVAL_MS: '0', TIMER_INTERVAL_MS: '0', ...env });
  const clock = new TestClock();
  const app = await buildApp({ config, db: tdb.db, clock, logger: false, webRoot: '/nonexistent' });
  const org = await seedOrg(tdb.db);
  const login = async (username: string, password = PASSWORD): Promise<Session> => {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (r.statusCode !== 200) throw new Error(`login ${username} failed: ${r.statusCode} ${r.body}`);
    const setCookie = r.headers['set-cookie'];
    const raw = Array.isArray(setCookie) ? setCookie[0] : String(setCookie);
    return { cookie: raw.split(';')[0], csrf: r.json().csrfToken };
  };
  const as = (s: Session | null, o: InjectOptions) =>
    app.inject({ ...o, headers: { ...(o.headers ?? {}), ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}) } });
  return {
    app, tdb, org, clock, config, login, as,
    close: async () => {
      await app.close();
      await tdb.cleanup();
    },
  };
}
