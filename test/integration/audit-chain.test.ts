import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { chainOf, recordAction } from '../../src/server/services/audit/record.js';
import { verifyAuditChain } from '../../src/server/services/audit/verify.js';
import { inTx, systemCtx } from '../../src/server/services/context.js';
import { dialects } from '../helpers/db.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const run = promisify(execFile);

/** A few real state changes through the API, each leaving an action-log row. */
async function makeHistory(t: TestApp) {
  const admin = await t.login('admin');
  for (const [date, name] of [['2026-05-06', '调整一'], ['2026-05-07', '调整二']]) {
    const r = await t.as(admin, { method: 'POST', url: '/api/v1/admin/calendar/overrides', payload: { scope: t.org.cityId, date, workday: false, name } });
    expect(r.statusCode).toBe(200);
  }
}

for (const dialect of dialects()) {
  describe(`action log hash chain [${dialect}]`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      await makeHistory(t);
    });
    afterEach(async () => t.close());

    it('verifies an untouched chain and the API shows it to auditors only', async () => {
      const v = await verifyAuditChain(t.app.deps);
      expect(v).toMatchObject({ ok: true });
      expect(v.rows).toBeGreaterThanOrEqual(3);
      const sup = await t.login('supervisor');
      expect((await t.as(sup, { url: '/api/v1/admin/audit/verify' })).json().ok).toBe(true);
      const list = (await t.as(sup, { url: '/api/v1/admin/audit?entity=calendar' })).json();
      expect(list.items.map((i: { action: string }) => i.action)).toEqual(['setDay', 'setDay']);
      const clerk = await t.login('clerk');
      expect((await t.as(clerk, { url: '/api/v1/admin/audit' })).statusCode).toBe(403);
      // the log spans every center: a county admin's audit:read does not open it
      const county = await t.login('countyadmin');
      expect((await t.as(county, { url: '/api/v1/admin/audit' })).statusCode).toBe(403);
      expect((await t.as(county, { url: '/api/v1/admin/audit/verify' })).statusCode).toBe(403);
      expect((await t.as(await t.login('admin'), { url: '/api/v1/admin/audit' })).statusCode).toBe(200);
    });

    it('names the first altered row', async () => {
      const k = t.tdb.db.kysely;
      const target = await k.selectFrom('action_log').select(['chain', 'seq']).where('action', '=', 'setDay').orderBy('pos').executeTakeFirstOrThrow();
      await k.updateTable('action_log').set({ payload: JSON.stringify({ date: '2026-05-06', name: '篡改' }) }).where('chain', '=', target.chain).where('seq', '=', target.seq).execute();
      const v = await verifyAuditChain(t.app.deps);
      expect(v.ok).toBe(false);
      expect(v.brokenAt).toEqual({ chain: target.chain, seq: target.seq, reason: 'row content does not match its hash' });
    });

    it('notices a chain’s last row deleted', async () => {
      const k = t.tdb.db.kysely;
      const last = await k.selectFrom('action_log').select(['chain', 'seq']).orderBy('pos', 'desc').executeTakeFirstOrThrow();
      await k.deleteFrom('action_log').where('chain', '=', last.chain).where('seq', '=', last.seq).execute();
      expect((await verifyAuditChain(t.app.deps)).brokenAt).toMatchObject({ chain: last.chain, reason: expect.stringMatching(/removed/) });
    });

    it('notices a row deleted in the middle of a chain', async () => {
      const k = t.tdb.db.kysely;
      // three rows of one subject, one after the other in its chain; the middle one goes
      await inTx(t.app.deps, async (trx) => {
        for (const action of ['a', 'b', 'c']) await recordAction(trx, systemCtx(t.app.deps), { entity: 'test', entityId: 'mid', action });
      });
      const three = await k.selectFrom('action_log').select(['chain', 'seq']).where('entity_id', '=', 'mid').orderBy('pos').execute();
      expect(three.map((r) => r.chain)).toEqual([chainOf('mid'), chainOf('mid'), chainOf('mid')]);
      await k.deleteFrom('action_log').where('chain', '=', three[1].chain).where('seq', '=', three[1].seq).execute();
      expect((await verifyAuditChain(t.app.deps)).brokenAt).toEqual({ chain: three[1].chain, seq: three[2].seq, reason: `missing row ${three[1].seq}` });
    });

    it('notices a row taken out of its chain', async () => {
      const k = t.tdb.db.kysely;
      const row = await k.selectFrom('action_log').select(['chain', 'seq']).where('action', '=', 'setDay').executeTakeFirstOrThrow();
      await k.updateTable('action_log').set({ chain: 99 }).where('chain', '=', row.chain).where('seq', '=', row.seq).execute();
      const v = await verifyAuditChain(t.app.deps);
      expect(v.ok).toBe(false);
      expect(v.brokenAt?.chain).toBe(row.chain);
    });

    it('notices a row that belongs to no chain', async () => {
      const k = t.tdb.db.kysely;
      const z = '0'.repeat(64);
      await k.insertInto('action_log').values({ chain: 99, seq: 1, at: '2026-05-06T00:00:00.000Z', actor_id: null, actor_name: 'x', role: 'system', client_ip: '', entity: 'x', entity_id: 'x', action: 'x', payload: '{}', prev_hash: z, hash: z }).execute();
      expect(await verifyAuditChain(t.app.deps)).toMatchObject({ ok: false, brokenAt: { chain: -1, seq: 0, reason: '1 rows belong to no chain' } });
    });
  });
}

describe('onestop verify-audit (command line, SQLite)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes on an intact database and exits 1 naming the tampered row', async () => {
    const t = await startTestApp('sqlite');
    await makeHistory(t);
    const file = path.join(dir, 'onestop.db');
    // close the app's database (checkpointing its WAL), then copy it where the command reads
    await t.app.close();
    await t.tdb.db.close();
    fs.copyFileSync(path.join(t.tdb.dataDir, 'test.db'), file);
    const env = { ...process.env, ONESTOP_DATA_DIR: dir, LOG_LEVEL: 'silent' };
    const ok = await run(process.execPath, ['bin/onestop.js', 'verify-audit'], { env });
    expect(ok.stdout).toMatch(/chains OK: \d+ rows in 32 chains/);

    const db = openDb({ sqliteFile: file });
    await migrateToLatest(db.kysely);
    const row = await db.kysely.selectFrom('action_log').select(['chain', 'seq']).orderBy('pos', 'desc').executeTakeFirstOrThrow();
    await db.kysely.updateTable('action_log').set({ actor_name: 'intruder' }).where('chain', '=', row.chain).where('seq', '=', row.seq).execute();
    await db.close();
    const bad = await run(process.execPath, ['bin/onestop.js', 'verify-audit'], { env }).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`BROKEN at chain ${row.chain} row #${row.seq}`);
    fs.rmSync(t.tdb.dataDir, { recursive: true, force: true });
  });
});
