import type { Dialect } from '../db/dialect.js';
import { forUpdate, hasWritingCte } from '../db/dialect.js';
import type { ActionLogTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

export type NewAction = Omit<ActionLogTable, 'seq' | 'prev_hash' | 'hash'>;

/** Locks the chain head (PostgreSQL) so concurrent writers chain one after another. */
export async function lockHead(db: Executor, dialect: Dialect) {
  return forUpdate(dialect, db.selectFrom('action_log_head').select(['seq', 'hash']).where('id', '=', 1)).executeTakeFirstOrThrow();
}

/** Rows per insert statement: well under both databases' limits on bound parameters. */
const CHUNK = 500;

/**
 * Appends rows (in seq order, chained onto the locked head) and moves the head to the last.
 * On PostgreSQL both in one statement: the head is locked until COMMIT, so every round trip
 * saved here is time no other transaction can chain.
 */
export async function appendActions(db: Executor, dialect: Dialect, rows: readonly ActionLogTable[]): Promise<void> {
  if (rows.length === 0) return;
  const last = rows[rows.length - 1];
  const head = { seq: last.seq, hash: last.hash };
  if (hasWritingCte(dialect) && rows.length <= CHUNK) {
    await db.with('appended', (q) => q.insertInto('action_log').values([...rows])).updateTable('action_log_head').set(head).where('id', '=', 1).execute();
    return;
  }
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('action_log').values(rows.slice(i, i + CHUNK)).execute();
  await db.updateTable('action_log_head').set(head).where('id', '=', 1).execute();
}

export async function appendAction(db: Executor, dialect: Dialect, row: ActionLogTable): Promise<void> {
  await appendActions(db, dialect, [row]);
}

export async function* iterateActions(db: Executor, batch = 1000): AsyncGenerator<ActionLogTable> {
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('action_log').selectAll().where('seq', '>', after).orderBy('seq').limit(batch).execute();
    if (rows.length === 0) return;
    for (const r of rows) yield r;
    after = rows[rows.length - 1].seq;
  }
}

export async function listActions(
  db: Executor,
  f: { entity?: string; entityId?: string; limit: number; offset: number },
) {
  let q = db.selectFrom('action_log');
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('seq', 'desc').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total.n) };
}
