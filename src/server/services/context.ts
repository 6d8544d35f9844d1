/**
 * What every service receives: its dependencies (database, clock, config, storage) and the
 * actor on whose behalf it runs. Services never read the clock or the environment themselves.
 */
import type { SmsProvider } from './notifications/sms.js';
import type { Kysely, Transaction } from 'kysely';
import { type Actor, SYSTEM_ACTOR } from '../../domain/permissions.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { FileStorage } from '../storage/file-storage.js';
import { flushAudit, openAudit } from './audit/record.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Deps {
  db: Db;
  clock: Clock;
  config: Config;
  files: FileStorage;
  sms: SmsProvider;
}

export interface Ctx {
  deps: Deps;
  actor: Actor | null;
  /** client address, recorded in the action log */
  ip: string;
}

export type Executor = Kysely<Database> | Transaction<Database>;

/**
 * One transaction per use case: state, action row, outbox rows, version bump — all or nothing.
 * The audit rows it records are chained last, just before COMMIT (audit/record.ts).
 */
export function inTx<T>(deps: Deps, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    openAudit(trx);
    const result = await fn(trx);
    // the chaining statement goes with COMMIT behind it (PostgreSQL; db/pg-pool.ts)
    await flushAudit(trx, deps, { thenCommit: true });
    return result;
  });
}

export function nowIso(deps: Deps): string {
  return deps.clock.now().toISOString();
}

/** A context for the system itself (seeding, CLI, timers). */
export function systemCtx(deps: Deps): Ctx {
  return { deps, actor: SYSTEM_ACTOR, ip: 'local' };
}
