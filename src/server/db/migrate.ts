import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_cases.js';
import * as m0003 from './migrations/0003_notices_outbox.js';
import * as m0004 from './migrations/0004_cache_revisions.js';
import * as m0005 from './migrations/0005_timers.js';
import * as m0006 from './migrations/0006_online_hall.js';
import * as m0007 from './migrations/0007_bundles.js';
import * as m0008 from './migrations/0008_supervision.js';
import * as m0009 from './migrations/0009_joint.js';
import * as m0010 from './migrations/0010_bundle_cases.js';
import * as m0011 from './migrations/0011_meetings.js';
import * as m0012 from './migrations/0012_case_flags.js';
import * as m0013 from './migrations/0013_bundle_online.js';
import * as m0014 from './migrations/0014_action_log_chains.js';
import * as m0015 from './migrations/0015_case_bundle_run.js';

/** Migrations are listed here in order; names never change once released. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_cases': m0002,
  '0003_notices_outbox': m0003,
  '0004_cache_revisions': m0004,
  '0005_timers': m0005,
  '0006_online_hall': m0006,
  '0007_bundles': m0007,
  '0008_supervision': m0008,
  '0009_joint': m0009,
  '0010_bundle_cases': m0010,
  '0011_meetings': m0011,
  '0012_case_flags': m0012,
  '0013_bundle_online': m0013,
  '0014_action_log_chains': m0014,
  '0015_case_bundle_run': m0015,
};

class StaticProvider implements MigrationProvider {
  async getMigrations() {
    return MIGRATIONS;
  }
}

/**
 * `schema`: the PostgreSQL schema the tables live in, when not the default. Kysely looks for its
 * own bookkeeping tables in every schema unless told which one, so tests that give each
 * database its own schema must say so.
 */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<string[]> {
  return migrateTo(db, undefined, schema);
}

/** Up (or down) to the named migration, or to the latest; tests of a migration stop before it. */
export async function migrateTo(db: Kysely<any>, name: string | undefined, schema?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider(), migrationTableSchema: schema });
  const { error, results } = name === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export function knownMigrations(): string[] {
  return Object.keys(MIGRATIONS);
}
