/**
 * In production the replies are not run through Zod but copied through the schema's whitelist
 * (src/server/serialize.ts): a case's replies along its way are still exactly what the Zod
 * serializer writes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseView } from '../../src/contracts/case.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { intakeReq, move, publishedItem } from './case-helpers.js';

for (const dialect of dialects()) {
  describe(`production replies [${dialect}]`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startTestApp(dialect, { NODE_ENV: 'production', SESSION_SECRET: 'a-test-secret-of-at-least-32-characters' });
    });
    afterEach(async () => t?.close());

    it('answers case moves and reads with the text the Zod serializer writes', async () => {
      expect(t.config.production).toBe(true);
      const clerk = await t.login('clerk');
      const itemId = await publishedItem(t);
      const same = (body: string) => expect(body).toBe(JSON.stringify(CaseView.parse(JSON.parse(body))));
      const r = await intakeReq(t, clerk, itemId);
      expect(r.statusCode, r.body).toBe(200);
      same(r.body);
      const c = r.json();
      const a = await move(t, clerk, c.id, 'accept', { version: c.version });
      expect(a.statusCode, a.body).toBe(200);
      same(a.body);
      const g = await t.as(clerk, { url: `/api/v1/cases/${c.id}` });
      expect(g.statusCode).toBe(200);
      same(g.body);
    });
  });
}
