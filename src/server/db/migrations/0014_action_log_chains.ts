/**
 * The action log as 32 hash chains instead of one. Frozen in time like 0001: imports nothing from the app.
 *
 * One chain made every writing transaction of every instance wait for the one head row, held
 * from the chaining statement to the end of COMMIT (the WAL flush included): on PostgreSQL about
 * 400 transactions a second, however cheap the rest. Now each transaction chains its rows onto
 * one of 32 heads, chosen by its first row's subject (audit/record.ts), so transactions on
 * different subjects commit side by side; a transaction's rows stay together in one chain.
 * Each row still carries the hash of the previous row of its chain; `verify-audit` walks every chain.
 *
 * - `action_log`: (chain, seq) unique; seq counts within the chain from 1. The rows before this
 *   migration become chain 0, unchanged (hashes included: the chain is not hashed — moving a row
 *   to another chain breaks the links of both).
 * - `pos`, the primary key, numbers rows in the order they were appended, across chains (an
 *   identity column / SQLite's rowid; a rolled-back transaction leaves a gap, which nothing
 *   checks): the log is listed by it. The rows before keep their seq as their pos.
 * - `action_log_head`: one row per chain (`chain` 0–31), seq and hash of its last row.
 */
import { type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

const CHAINS = 32;
const GENESIS = '0'.repeat(64);
const COLUMNS = ['seq', 'at', 'actor_id', 'actor_name', 'role', 'client_ip', 'entity', 'entity_id', 'action', 'payload', 'prev_hash', 'hash'];

/** action_log's columns, numbered by pos and (chain, seq) or, as 0001 made it, by seq alone. */
function logTable(db: Kysely<any>, name: string, chained: boolean) {
  let t = db.schema.createTable(name) as CreateTableBuilder<string, string>;
  if (chained) {
    t = isPostgres(db)
      ? t.addColumn('pos', 'bigint', (c) => c.generatedByDefaultAsIdentity().primaryKey())
      : // the rowid: max + 1 on insert (rows are never deleted, so no AUTOINCREMENT and its extra write)
        t.addColumn('pos', 'integer', (c) => c.primaryKey());
    t = t.addColumn('chain', 'integer', (c) => c.notNull()).addColumn('seq', 'integer', (c) => c.notNull());
  } else t = t.addColumn('seq', 'integer', (c) => c.primaryKey());
  t = t
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('client_ip', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull());
  return chained ? t.addUniqueConstraint(`${name}_chain_seq`, ['chain', 'seq']) : t;
}

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  await logTable(db, 'action_log_chained', true).execute();
  const cols = sql.join(COLUMNS.map((c) => sql.ref(c)));
  await sql`insert into action_log_chained (pos, chain, ${cols}) select seq, 0, ${cols} from action_log`.execute(db);
  // the identity goes on after the rows copied (SQLite's rowid does by itself)
  if (isPostgres(db)) await sql`select setval(pg_get_serial_sequence('action_log_chained', 'pos'), (select coalesce(max(pos), 0) + 1 from action_log_chained), false)`.execute(db);
  await db.schema.dropTable('action_log').execute();
  await db.schema.alterTable('action_log_chained').renameTo('action_log').execute();
  await db.schema.createIndex('action_log_entity').on('action_log').columns(['entity', 'entity_id']).execute();

  await db.schema
    .createTable('action_log_heads')
    .addColumn('chain', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into action_log_heads (chain, seq, hash) select 0, seq, hash from action_log_head where id = 1`.execute(db);
  await db
    .insertInto('action_log_heads')
    .values(Array.from({ length: CHAINS - 1 }, (_, i) => ({ chain: i + 1, seq: 0, hash: GENESIS })))
    .execute();
  await db.schema.dropTable('action_log_head').execute();
  await db.schema.alterTable('action_log_heads').renameTo('action_log_head').execute();
}

/** Back to one chain: refused once another chain has rows (they cannot be put back in one order). */
export async function down(db: Kysely<any>): Promise<void> {
  const other = await db.selectFrom('action_log').select('seq').where('chain', '<>', 0).limit(1).executeTakeFirst();
  if (other) throw new Error('action log: rows in chains other than 0; cannot go back to one chain');
  const head = await db.selectFrom('action_log_head').select(['seq', 'hash']).where('chain', '=', 0).executeTakeFirstOrThrow();
  await db.schema.dropTable('action_log_head').execute();
  await db.schema.createTable('action_log_head').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('seq', 'integer', (c) => c.notNull()).addColumn('hash', 'text', (c) => c.notNull()).execute();
  await db.insertInto('action_log_head').values({ id: 1, seq: head.seq, hash: head.hash }).execute();
  // the table as 0001 made it, rows copied back
  await logTable(db, 'action_log_single', false).execute();
  const cols = sql.join(COLUMNS.map((c) => sql.ref(c)));
  await sql`insert into action_log_single (${cols}) select ${cols} from action_log`.execute(db);
  await db.schema.dropTable('action_log').execute();
  await db.schema.alterTable('action_log_single').renameTo('action_log').execute();
  await db.schema.createIndex('action_log_entity').on('action_log').columns(['entity', 'entity_id']).execute();
}
