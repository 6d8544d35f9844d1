/**
 * Timers: one row per time-based rule to fire (supplement expiry, 容缺 due dates, light changes,
 * and the rules to come), claimed in batches by the sweeper. Frozen in time like 0001: imports
 * nothing from the app. Conventions as 0001 (text ids, ISO-8601 UTC instants, JSON as text).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('timers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    // when it is (next) due: a failed attempt moves it on by the backoff
    .addColumn('due_at', 'text', (c) => c.notNull())
    // idempotency: scheduling the same key twice keeps the first row
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // 'pending' | 'fired' | 'cancelled' | 'failed'
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('fired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('timers_due').on('timers').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('timers_case').on('timers').column('case_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('timers').ifExists().execute();
}
