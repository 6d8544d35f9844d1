import { type Selectable, sql } from 'kysely';
import type { Dialect } from '../db/dialect.js';
import { THEN_COMMIT } from '../db/pg-pool.js';
import { prepared } from '../db/prepared.js';
import { forUpdate, hasWritingCte } from '../db/dialect.js';
import type { ActionLogTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

export type NewAction = Omit<ActionLogTable, 'pos' | 'chain' | 'seq' | 'prev_hash' | 'hash'>;
/** A row chained and ready to insert (its pos is given by the database). */
export type ChainedRow = Omit<ActionLogTable, 'pos'>;

/** Locks a chain's head (PostgreSQL) so concurrent writers on that chain chain one after another. */
export async function lockHead(db: Executor, chain: number): Promise<{ seq: number; hash: string }> {
  const r = await db.executeQuery(lockHeadQuery(db, { chain }));
  if (!r.rows[0]) throw new Error(`action log: no head row for chain ${chain}`);
  return r.rows[0];
}
const lockHeadQuery = prepared<{ chain: number }, { seq: number; hash: string }>((db, p, { dialect }) =>
  forUpdate(dialect, db.selectFrom('action_log_head').select(['seq', 'hash']).where('chain', '=', p('chain'))),
);

/** Every chain's head, in chain order. */
export async function listHeads(db: Executor): Promise<{ chain: number; seq: number; hash: string }[]> {
  return db.selectFrom('action_log_head').select(['chain', 'seq', 'hash']).orderBy('chain').execute();
}

const LOG_COLUMNS: readonly (keyof ChainedRow)[] = ['chain', 'seq', 'at', 'actor_id', 'actor_name', 'role', 'client_ip', 'entity', 'entity_id', 'action', 'payload', 'prev_hash', 'hash'];
const insertLogQuery = prepared<Record<string, unknown>, never>((db, p, { variant }) =>
  db.insertInto('action_log').values(Array.from({ length: Number(variant) }, (_, i) => Object.fromEntries(LOG_COLUMNS.map((k) => [k, p(`${i}.${k}`)])) as unknown as ChainedRow)),
);
const moveHeadQuery = prepared<{ chain: number; seq: number; hash: string }, never>((db, p) =>
  db.updateTable('action_log_head').set({ seq: p('seq'), hash: p('hash') }).where('chain', '=', p('chain')),
);

/** Rows per insert statement: well under both databases' limits on bound parameters. */
const CHUNK = 500;

/**
 * Appends rows (of one chain, in seq order, chained onto its locked head) and moves the head to the last.
 * On PostgreSQL both in one statement: the head is locked until COMMIT, so every round trip
 * saved here is time no other transaction can chain.
 */
export async function appendActions(db: Executor, dialect: Dialect, rows: readonly ChainedRow[]): Promise<void> {
  if (rows.length === 0) return;
  const last = rows[rows.length - 1];
  const head = { chain: last.chain, seq: last.seq, hash: last.hash };
  if (hasWritingCte(dialect) && rows.length <= CHUNK) {
    await db.with('appended', (q) => q.insertInto('action_log').values([...rows])).updateTable('action_log_head').set({ seq: head.seq, hash: head.hash }).where('chain', '=', head.chain).execute();
    return;
  }
  if (rows.length <= 4) {
    const args: Record<string, unknown> = {};
    rows.forEach((r, i) => LOG_COLUMNS.forEach((k) => (args[`${i}.${k}`] = r[k])));
    await db.executeQuery(insertLogQuery(db, args, rows.length));
  } else {
    for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('action_log').values(rows.slice(i, i + CHUNK)).execute();
  }
  await db.executeQuery(moveHeadQuery(db, head));
}

/**
 * Moves the head from `from` to `to` only if it is still at `from` (seq and hash): false when
 * another writer moved it (audit/record.ts keeps the head it last wrote and checks it here).
 */
export async function moveHeadFrom(db: Executor, chain: number, from: { seq: number; hash: string }, to: { seq: number; hash: string }): Promise<boolean> {
  const r = await db.executeQuery(moveHeadFromQuery(db, { chain, seq: to.seq, hash: to.hash, fromSeq: from.seq, fromHash: from.hash }));
  return Number(r.numAffectedRows) === 1;
}
const moveHeadFromQuery = prepared<{ chain: number; seq: number; hash: string; fromSeq: number; fromHash: string }, never>((db, p) =>
  db
    .updateTable('action_log_head')
    .set({ seq: p('seq'), hash: p('hash') })
    .where('chain', '=', p('chain'))
    .where('seq', '=', p('fromSeq'))
    .where('hash', '=', p('fromHash')),
);

/** Inserts chained rows (the head moved by the caller). */
export async function insertChained(db: Executor, rows: readonly ChainedRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (rows.length > 4) {
    for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('action_log').values(rows.slice(i, i + CHUNK)).execute();
    return;
  }
  const args: Record<string, unknown> = {};
  rows.forEach((r, i) => LOG_COLUMNS.forEach((k) => (args[`${i}.${k}`] = r[k])));
  await db.executeQuery(insertLogQuery(db, args, rows.length));
}

/** A row to chain in the database: its columns, and `middle`, the canonical text between seq and prev_hash (audit/record.ts). */
export type ChainInput = NewAction & { middle: string };

/**
 * PostgreSQL, one statement: locks the chain's head, chains `rows` onto it — each row's seq, prev_hash
 * and hash = sha256('[' || seq || ',' || middle || ',"' || prev_hash || '"]'), the same text
 * audit/record.ts hashes — inserts them and moves the head. The head stays locked until COMMIT,
 * the next statement: no round trip to the app in between.
 */
export async function chainAndAppendPg(db: Executor, chain: number, rows: readonly ChainInput[], thenCommit = false): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof ChainInput>(k: K) => rows.map((r) => r[k]);
  const hash = (seq: string, middle: string, prev: string) =>
    sql`encode(sha256(convert_to('[' || (${sql.raw(seq)})::text || ',' || ${sql.raw(middle)} || ',"' || ${sql.raw(prev)} || '"]', 'UTF8')), 'hex')`;
  const r = await sql<{ n: number }>`
    with recursive
      head as (select seq, hash from action_log_head where chain = ${chain} for update),
      input as (
        select * from unnest(
          ${col('at')}::text[], ${col('actor_id')}::text[], ${col('actor_name')}::text[], ${col('role')}::text[],
          ${col('client_ip')}::text[], ${col('entity')}::text[], ${col('entity_id')}::text[], ${col('action')}::text[],
          ${col('payload')}::text[], ${col('middle')}::text[]
        ) with ordinality as r(at, actor_id, actor_name, role, client_ip, entity, entity_id, action, payload, middle, i)
      ),
      chain as (
        select r.i, h.seq + 1 as seq, h.hash as prev_hash, ${hash('h.seq + 1', 'r.middle', 'h.hash')} as hash
          from head h join input r on r.i = 1
        union all
        select r.i, c.seq + 1, c.hash, ${hash('c.seq + 1', 'r.middle', 'c.hash')}
          from chain c join input r on r.i = c.i + 1
      ),
      appended as (
        insert into action_log (chain, seq, at, actor_id, actor_name, role, client_ip, entity, entity_id, action, payload, prev_hash, hash)
        select ${chain}::int, c.seq, r.at, r.actor_id, r.actor_name, r.role, r.client_ip, r.entity, r.entity_id, r.action, r.payload, c.prev_hash, c.hash
          from chain c join input r on r.i = c.i
        returning seq
      ),
      moved as (
        update action_log_head set seq = last.seq, hash = last.hash
          from (select seq, hash from chain order by i desc limit 1) as last
          where action_log_head.chain = ${chain}
        returning 1
      )
    select (select count(*) from appended)::int as n, (select count(*) from moved)::int as moved${sql.raw(thenCommit ? THEN_COMMIT : '')}`.execute(db);
  const row = r.rows[0] as { n: number; moved: number } | undefined;
  if (!row || Number(row.n) !== rows.length || Number(row.moved) !== 1) throw new Error('action log: chaining failed');
}

/** How many rows the log holds, in every chain. */
export async function countRows(db: Executor): Promise<number> {
  const r = await db.selectFrom('action_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One chain's rows in order. */
export async function* iterateChain(db: Executor, chain: number, batch = 1000): AsyncGenerator<Selectable<ActionLogTable>> {
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('action_log').selectAll().where('chain', '=', chain).where('seq', '>', after).orderBy('seq').limit(batch).execute();
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
  // newest first, in the order rows were appended across chains
  const rows = await q.selectAll().orderBy('pos', 'desc').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total.n) };
}
