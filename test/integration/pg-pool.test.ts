/**
 * The PostgreSQL pool (db/pg-pool.ts): `begin` sent with the first statement, a statement sent
 * with COMMIT behind it, named prepared statements. PostgreSQL only: the pool is PostgreSQL's
 * (defined for it alone, not skipped elsewhere).
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { THEN_COMMIT } from '../../src/server/db/pg-pool.js';
import { dialects, freshDb, type TestDb } from '../helpers/db.js';

const pg = dialects().includes('postgres');

(pg ? describe : () => undefined)('PostgreSQL pool: fewer round trips, same answers', () => {
  let tdb: TestDb;
  beforeEach(async () => {
    tdb = await freshDb('postgres');
    await sql`create table pool_t (id int primary key, v text not null)`.execute(tdb.db.kysely);
  });
  afterEach(async () => tdb.cleanup());

  const rows = () => sql<{ id: number; v: string }>`select id, v from pool_t order by id`.execute(tdb.db.kysely).then((r) => r.rows);

  it('runs a transaction whose begin goes with its first statement; an empty one sends nothing and fails nothing', async () => {
    await tdb.db.kysely.transaction().execute(async (trx) => {
      await sql`insert into pool_t values (1, 'a')`.execute(trx);
      // still inside the transaction: another connection does not see the row yet
      expect(await rows()).toEqual([]);
      await sql`insert into pool_t values (2, 'b')`.execute(trx);
    });
    expect(await rows()).toEqual([{ id: 1, v: 'a' }, { id: 2, v: 'b' }]);
    await tdb.db.kysely.transaction().execute(async () => undefined);
    // a first statement that fails: its error, nothing kept, the connection fine afterwards
    await expect(
      tdb.db.kysely.transaction().execute(async (trx) => {
        await sql`insert into pool_t values (1, 'dup')`.execute(trx);
      }),
    ).rejects.toThrow(/duplicate key/);
    await expect(
      tdb.db.kysely.transaction().execute(async (trx) => {
        await sql`insert into pool_t values (3, 'c')`.execute(trx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await rows()).map((r) => r.id)).toEqual([1, 2]);
  });

  it('commits with the statement asking for it, and on its failure rolls back the whole transaction with its error', async () => {
    await tdb.db.kysely.transaction().execute(async (trx) => {
      await sql`insert into pool_t values (1, 'a')`.execute(trx);
      await sql`insert into pool_t values (2, 'b')${sql.raw(THEN_COMMIT)}`.execute(trx);
    });
    expect((await rows()).map((r) => r.id)).toEqual([1, 2]);
    await expect(
      tdb.db.kysely.transaction().execute(async (trx) => {
        await sql`insert into pool_t values (3, 'c')`.execute(trx);
        await sql`insert into pool_t values (1, 'dup')${sql.raw(THEN_COMMIT)}`.execute(trx);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect((await rows()).map((r) => r.id)).toEqual([1, 2]);
    // the pool's connections are all fine: many transactions at once, each committed with its statement
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        tdb.db.kysely.transaction().execute(async (trx) => {
          await sql`insert into pool_t values (${10 + i}, 'x')`.execute(trx);
          await sql`update pool_t set v = 'y' where id = ${10 + i}${sql.raw(THEN_COMMIT)}`.execute(trx);
        }),
      ),
    );
    expect((await rows()).filter((r) => r.v === 'y')).toHaveLength(12);
  });

  it('sends a statement used again under a name the connection prepared once', async () => {
    for (let i = 0; i < 5; i++) await tdb.db.kysely.selectFrom('centers').select('id').where('id', '=', `x${i}`).execute();
    const prepared = await tdb.db.kysely.connection().execute(async (c) => {
      for (let i = 0; i < 3; i++) await c.selectFrom('centers').select('id').where('id', '=', `y${i}`).execute();
      return sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where name like 'os%' and statement like '%from "centers"%'`.execute(c);
    });
    expect(prepared.rows[0].n).toBe(1);
  });
});
