import type { Dialect } from '../db/dialect.js';
import { forUpdate } from '../db/dialect.js';
import type { ActionLogTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

export type NewAction = Omit<ActionLogTable, 'seq' | 'prev_hash' | 'hash'>;

/** Locks the chain head (PostgreSQL) so concurrent writers chain one after another. */
export async function lockHead(db: Executor, dialect: Dialect) {
  return forUpdate(dialect, db.selectFrom('action_log_head').select(['seq', 'hash']).where('id', '=', 1)).executeTakeFirstOrThrow();
}

export async function appendAction(db: Executor, row: ActionLogTable): Promise<void> {
  await db.insertInto('action_log').values(row).execute();
  await db.updateTable('action_log_head').set({ seq: row.seq, hash: row.hash }).where('id', '=', 1).execute();
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
