/**
 * The monitor beyond running cases and their tasks, on both databases: a special procedure on
 * its own limit, and an online application waiting for the window's pre-review (网上预审) until
 * it is answered.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { intake, move, publishedItem } from './case-helpers.js';
import { ok } from './case-review-helpers.js';
import { H, hallItem, person, submitted } from './hall-helpers.js';

for (const dialect of dialects()) {
  describe(`the monitor's procedures and pre-reviews [${dialect}]`, () => {
    let t: TestApp;
    let sup: Session;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      sup = await t.login('supervisor');
    });
    afterEach(async () => t?.close());
    const monitor = async (kind: string) => (await ok(t.as(sup, { url: `/api/v1/supervision/monitor?kind=${kind}` }))).items;

    it('follows a special procedure on its own limit, and drops it when the case resumes', async () => {
      const clerk = await t.login('clerk');
      const leader = await t.login('leader');
      const itemId = await publishedItem(t, { code: 'SCJG-XK-0401', name: '听证事项', specialProcedures: ['hearing'] });
      const c = await intake(t, clerk, itemId);
      const a = await ok(move(t, clerk, c.id, 'accept', { version: c.version }));
      const s = await ok(move(t, leader, c.id, 'suspend', { version: a.version, procedure: 'hearing', reason: '组织听证', limitDays: 3 }));
      expect(await monitor('procedure')).toEqual([expect.objectContaining({ caseId: c.id, kind: 'procedure', name: 'hearing', deadline: '2026-03-05', light: 'green' })]);
      // two working days before its end the light warns
      t.clock.set('2026-03-03T02:00:00.000Z');
      sup = await t.login('supervisor');
      expect((await monitor('procedure'))[0].light).toBe('warning');
      await ok(move(t, await t.login('leader'), c.id, 'resume', { version: s.version }));
      expect(await monitor('procedure')).toEqual([]);
    });

    it('follows an online application until the window pre-reviews it', async () => {
      const applicant = await person(t, '13900000077');
      const itemId = await hallItem(t);
      const c = await submitted(t, applicant, itemId);
      const waiting = await monitor('prereview');
      // 2 working days to pre-review (Mon 2 → Wed 4 March): within the warning lead, so it warns at once
      expect(waiting).toEqual([expect.objectContaining({ caseId: c.id, kind: 'prereview', status: 'submitted', deadline: '2026-03-04', light: 'warning' })]);
      const clerk = await t.login('clerk');
      await ok(move(t, clerk, c.id, 'accept', { version: c.version }));
      expect(await monitor('prereview')).toEqual([]);
    });

    it('follows a consultation until it is answered, and a complaint until it is fed back', async () => {
      const applicant = await person(t, '13900000078');
      const itemId = await hallItem(t);
      const asked = await t.as(applicant, { method: 'POST', url: `${H}/consultations`, payload: { itemId, question: '个体餐饮需要提交哪些材料？' } });
      expect(asked.statusCode, asked.body).toBe(200);
      const open = await monitor('consultation');
      expect(open).toEqual([expect.objectContaining({ kind: 'consultation', id: asked.json().id, caseId: null, itemId })]);
      const clerk = await t.login('clerk');
      const answered = await t.as(clerk, { method: 'POST', url: `/api/v1/consultations/${asked.json().id}/answer`, payload: { version: asked.json().version, answer: '请参阅办事指南的材料清单。' } });
      expect(answered.statusCode, answered.body).toBe(200);
      expect(await monitor('consultation')).toEqual([]);

      const c = await submitted(t, applicant, itemId);
      const filed = await t.as(applicant, { method: 'POST', url: `${H}/complaints`, payload: { subject: 'case', caseId: c.id, content: '预审超过承诺时间仍无回复' } });
      expect(filed.statusCode, filed.body).toBe(200);
      expect(await monitor('complaint')).toEqual([expect.objectContaining({ kind: 'complaint', id: filed.json().id, caseId: c.id, caseNo: c.caseNo })]);
      let v = (await ok(t.as(sup, { url: `/api/v1/supervision/complaints/${filed.json().id}` }))).version;
      for (const [step, text] of [['accept', ''], ['investigate', '已调阅预审记录'], ['dispose', '督促窗口当日完成预审'], ['feedBack', '已电话告知申请人处理结果']]) {
        const r = await t.as(sup, { method: 'POST', url: `/api/v1/supervision/complaints/${filed.json().id}/steps`, payload: { version: v, step, text } });
        expect(r.statusCode, r.body).toBe(200);
        v = r.json().version;
      }
      expect(await monitor('complaint')).toEqual([]);
    });
  });
}
