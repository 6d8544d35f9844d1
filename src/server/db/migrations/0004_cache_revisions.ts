/**
 * Revisions of the data the app keeps built in memory (calendars, case settings), so that every
 * instance can tell in one indexed read whether what it built is still current. Frozen in time
 * like 0001: imports nothing from the app.
 *
 * One row per kind of data; `revision` is a random token, replaced by triggers on every
 * statement that writes the source tables — whoever writes them (the admin services, the CLI, a
 * hand-made SQL fix). A random token rather than a counter: a token of a rolled-back
 * transaction is never seen again, and no two databases share one, so a token names one state
 * of one database's data.
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** The source tables of each kind. */
const SOURCES: Record<string, string[]> = {
  calendar: ['calendar_days', 'calendar_years'],
  settings: ['settings'],
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cache_revisions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('revision', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('cache_revisions').values(Object.keys(SOURCES).map((name) => ({ name, revision: randomUUID() }))).execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // the function lives in the schema the tables do (first on the search path)
    await sql`create function bump_cache_revision() returns trigger language plpgsql as $$
      begin
        update cache_revisions set revision = gen_random_uuid()::text where name = tg_argv[0];
        return null;
      end $$`.execute(db);
    for (const [name, tables] of Object.entries(SOURCES)) {
      for (const t of tables) {
        await sql`create trigger ${sql.raw(`${t}_revision`)} after insert or update or delete or truncate on ${sql.table(t)}
          for each statement execute function bump_cache_revision(${sql.raw(`'${name}'`)})`.execute(db);
      }
    }
    return;
  }
  // SQLite: row triggers only (a statement writing no row changes nothing)
  for (const [name, tables] of Object.entries(SOURCES)) {
    for (const t of tables) {
      for (const op of ['insert', 'update', 'delete']) {
        await sql`create trigger ${sql.raw(`${t}_revision_${op}`)} after ${sql.raw(op)} on ${sql.table(t)}
          begin update cache_revisions set revision = lower(hex(randomblob(16))) where name = ${sql.raw(`'${name}'`)}; end`.execute(db);
      }
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const t of Object.values(SOURCES).flat()) {
    if (pg) await sql`drop trigger if exists ${sql.raw(`${t}_revision`)} on ${sql.table(t)}`.execute(db);
    else for (const op of ['insert', 'update', 'delete']) await sql`drop trigger if exists ${sql.raw(`${t}_revision_${op}`)}`.execute(db);
  }
  if (pg) await sql`drop function if exists bump_cache_revision()`.execute(db);
  await db.schema.dropTable('cache_revisions').execute();
}
