import { describe, expect, it } from 'vitest';
import { statementNames } from '../../../src/server/db/pg-prepared.js';

describe('statement names (db/pg-prepared.ts)', () => {
  it('names a data statement on its second use, for good, and never anything else', () => {
    const n = statementNames(10);
    const q = 'select * from cases where id = $1';
    expect(n.nameOf(q)).toBeUndefined();
    const name = n.nameOf(q);
    expect(name).toMatch(/^os\d+$/);
    expect(n.nameOf(q)).toBe(name);
    for (const other of ['begin', 'commit', 'savepoint sp', 'create table x (a int)', 'set local lock_timeout = 1']) {
      n.nameOf(other);
      expect(n.nameOf(other)).toBeUndefined();
    }
    n.nameOf('  with x as (select 1) select * from x');
    expect(n.nameOf('  with x as (select 1) select * from x')).toMatch(/^os\d+$/);
    expect(n.size).toBe(2);
  });

  it('stops naming past its bound, and keeps the names it gave', () => {
    const n = statementNames(3);
    const texts = Array.from({ length: 5 }, (_, i) => `select ${i}`);
    for (const t of texts) n.nameOf(t);
    const names = texts.map((t) => n.nameOf(t));
    expect(names.slice(0, 3).every((x) => x !== undefined)).toBe(true);
    expect(names.slice(3)).toEqual([undefined, undefined]);
    expect(new Set(names.slice(0, 3)).size).toBe(3);
    expect(n.nameOf(texts[0])).toBe(names[0]);
  });
});
