/** The SQLite statement cache (src/server/db/statement-cache.ts) returns what an uncached prepare would. */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CachingDatabase, cachingDatabase } from '../../../src/server/db/statement-cache.js';

interface Db {
  t: { id: number; name: string };
}

describe('SQLite statement cache', () => {
  let raw: SQLite.Database;
  let cached: CachingDatabase;
  let db: Kysely<Db>;
  beforeEach(async () => {
    raw = new SQLite(':memory:');
    cached = cachingDatabase(raw, 3);
    db = new Kysely<Db>({ dialect: new SqliteDialect({ database: cached }) });
    await sql`create table t (id integer primary key, name text not null)`.execute(db);
    await db.insertInto('t').values([1, 2, 3, 4, 5].map((id) => ({ id, name: `n${id}` }))).execute();
  });
  afterEach(async () => db.destroy());

  const byId = (id: number) => db.selectFrom('t').select('name').where('id', '=', id).executeTakeFirst();
  const above = (id: number) => db.selectFrom('t').select('id').where('id', '>', id).orderBy('id').execute();

  it('reuses a statement with fresh parameters, interleaved with other texts, and counts the hits', async () => {
    expect(await byId(1)).toEqual({ name: 'n1' });
    expect(await above(3)).toEqual([{ id: 4 }, { id: 5 }]);
    expect(await byId(2)).toEqual({ name: 'n2' });
    expect(await above(4)).toEqual([{ id: 5 }]);
    expect(await byId(9)).toBeUndefined();
    const hits = cached.stats.hits;
    expect(hits).toBeGreaterThanOrEqual(3);
    // a write through a cached statement, then reads see it
    const upd = (id: number, name: string) => db.updateTable('t').set({ name }).where('id', '=', id).executeTakeFirst();
    expect(Number((await upd(1, 'x')).numUpdatedRows)).toBe(1);
    expect(Number((await upd(2, 'y')).numUpdatedRows)).toBe(1);
    expect(Number((await upd(42, 'z')).numUpdatedRows)).toBe(0);
    expect(await byId(1)).toEqual({ name: 'x' });
    expect(await byId(2)).toEqual({ name: 'y' });
    expect(cached.stats.hits).toBeGreaterThan(hits);
  });

  it('keeps at most `max` statements and still answers for the ones it dropped', async () => {
    for (let i = 0; i < 5; i++) expect(await db.selectFrom('t').select(sql<number>`${sql.lit(i)}`.as('k')).where('id', '=', 1).executeTakeFirst()).toEqual({ k: i });
    expect(cached.stats.size).toBeLessThanOrEqual(3);
    expect(await byId(3)).toEqual({ name: 'n3' });
  });

  it('never hands out a statement that is still being iterated', async () => {
    const text = db.selectFrom('t').select('id').where('id', '>', 0).orderBy('id').compile().sql;
    const first = cached.prepare(text);
    const iter = first.iterate(2) as IterableIterator<{ id: number }>;
    expect(iter.next().value).toEqual({ id: 3 });
    // Kysely's stream holds its statement open between rows: the same text asked for meanwhile is a new statement
    const second = cached.prepare(text);
    expect(second).not.toBe(first);
    expect([...iter].map((r) => r.id)).toEqual([4, 5]);
    expect(second.all(3)).toEqual([{ id: 4 }, { id: 5 }]);
    // and through Kysely, streaming then querying the same text
    const streamed: number[] = [];
    for await (const row of db.selectFrom('t').select('id').where('id', '>', 0).orderBy('id').stream()) streamed.push(row.id);
    expect(streamed).toEqual([1, 2, 3, 4, 5]);
    expect(await db.selectFrom('t').select('id').where('id', '>', 0).orderBy('id').execute()).toHaveLength(5);
  });
});
