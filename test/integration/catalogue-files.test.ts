import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { create, multipartBody, PDF_BYTES, PNG_BYTES, publish, sampleItem } from './catalogue-helpers.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

for (const dialect of dialects()) {
  describe(`catalogue files [${dialect}]`, () => {
    let t: TestApp;
    let admin: Session;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      admin = await t.login('admin');
    });
    afterEach(async () => t.close());

    const upload = (s: Session | null, name: string, data: Buffer) => {
      const m = multipartBody(name, data, 'application/pdf');
      return t.as(s, { method: 'POST', url: '/api/v1/admin/files', payload: m.payload, headers: m.headers });
    };

    it('judges the type by content: a PNG named .pdf is stored as PNG; an EXE named .pdf is refused naming file', async () => {
      const r = await upload(admin, '营业执照样本.pdf', PNG_BYTES);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ name: '营业执照样本.png', mime: 'image/png', size: PNG_BYTES.length, sha256: sha(PNG_BYTES) });

      const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 1)]);
      const bad = await upload(admin, 'form.pdf', exe);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields).toEqual([expect.objectContaining({ field: 'file' })]);
      expect(bad.json().error.message).toContain('PDF');
      const n = await t.tdb.db.kysely.selectFrom('files').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(1);

      const docx = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), Buffer.from('word/document.xml', 'latin1')]);
      expect((await upload(admin, '申请书', docx)).json()).toMatchObject({ name: '申请书.docx', mime: expect.stringContaining('wordprocessingml') });
      const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), Buffer.from('evil/run.sh', 'latin1')]);
      expect((await upload(admin, 'x.docx', zip)).statusCode).toBe(400);
    });

    it('refuses files over 20 MB naming file, a request without a file, and users without catalogue:edit', async () => {
      const fine = Buffer.concat([PDF_BYTES, Buffer.alloc(5 * 1024 * 1024)]);
      expect((await upload(admin, 'scan.pdf', fine)).json()).toMatchObject({ size: fine.length, sha256: sha(fine) });
      const big = Buffer.concat([PDF_BYTES, Buffer.alloc(20 * 1024 * 1024)]);
      const r = await upload(admin, 'big.pdf', big);
      expect(r.statusCode).toBe(400);
      expect(r.json().error.fields[0].field).toBe('file');
      expect(r.json().error.messageEn).toContain('20 MB');
      const none = await t.as(admin, { method: 'POST', url: '/api/v1/admin/files', payload: { a: 1 } });
      expect(none.statusCode).toBe(400);
      expect(none.json().error.fields[0].field).toBe('file');
      const clerk = await t.login('clerk');
      expect((await upload(clerk, 'a.pdf', PDF_BYTES)).statusCode).toBe(403);
      expect((await upload(null, 'a.pdf', PDF_BYTES)).statusCode).toBe(401);
    });

    it('serves a form publicly only once a published version uses it, with the same bytes, sha and a UTF-8 filename', async () => {
      const f = (await upload(admin, '食品经营许可申请书（示范文本）.pdf', PDF_BYTES)).json();
      const blank = (await upload(admin, '空白表.png', PNG_BYTES)).json();
      const d = await create(t, admin, sampleItem(t, {
        materials: [{ code: 'M01', name: '申请书', sampleFileId: f.id, blankFileId: blank.id }],
      }));
      expect((await t.app.inject({ url: `/api/v1/public/files/${f.id}` })).statusCode).toBe(404);
      const staff = await t.as(await t.login('clerk'), { url: `/api/v1/admin/files/${f.id}` });
      expect(staff.statusCode).toBe(200);
      const preview = (await t.as(admin, { url: `/api/v1/admin/items/${d.item.id}/versions/1` })).json();
      expect(preview.guide.materials[0].sampleFile).toMatchObject({ id: f.id, url: `/api/v1/admin/files/${f.id}` });

      await publish(t, admin, d.item.id, d.draft.version);
      const guide = (await t.app.inject({ url: `/api/v1/public/items/${d.item.id}` })).json();
      expect(guide.materials[0].sampleFile).toEqual({ id: f.id, name: '食品经营许可申请书（示范文本）.pdf', mime: 'application/pdf', size: PDF_BYTES.length, sha256: sha(PDF_BYTES), url: `/api/v1/public/files/${f.id}` });
      expect(guide.materials[0].blankFile).toMatchObject({ mime: 'image/png' });

      const dl = await t.app.inject({ url: guide.materials[0].sampleFile.url });
      expect(dl.statusCode).toBe(200);
      expect(dl.headers['content-type']).toBe('application/pdf');
      expect(sha(dl.rawPayload)).toBe(sha(PDF_BYTES));
      expect(dl.rawPayload.equals(PDF_BYTES)).toBe(true);
      const cd = String(dl.headers['content-disposition']);
      expect(cd).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      expect(decodeURIComponent(cd.split("UTF-8''")[1])).toBe('食品经营许可申请书（示范文本）.pdf');

      const unused = (await upload(admin, 'other.pdf', PDF_BYTES)).json();
      expect((await t.app.inject({ url: `/api/v1/public/files/${unused.id}` })).statusCode).toBe(404);
      expect((await t.app.inject({ url: '/api/v1/public/files/nope' })).statusCode).toBe(404);
    });

    it('lets staff download an unpublished form only within the item\'s department scope', async () => {
      const f = (await upload(admin, '申请书.pdf', PDF_BYTES)).json();
      await create(t, admin, sampleItem(t, { materials: [{ code: 'M01', name: '申请书', sampleFileId: f.id }] }));
      const url = `/api/v1/admin/files/${f.id}`;
      expect((await t.as(await t.login('leader'), { url })).statusCode).toBe(200); // deptA, the item's department
      expect((await t.as(await t.login('leaderB'), { url })).statusCode).toBe(403); // deptB
      expect((await t.as(await t.login('countyadmin'), { url })).statusCode).toBe(403); // a center below
      const unused = (await upload(admin, '未使用.pdf', PDF_BYTES)).json();
      expect((await t.as(admin, { url: `/api/v1/admin/files/${unused.id}` })).statusCode).toBe(200); // own upload
      expect((await t.as(await t.login('leaderB'), { url: `/api/v1/admin/files/${unused.id}` })).statusCode).toBe(403);
    });

    it('refuses a draft that points at a missing file, naming the material field', async () => {
      const r = await t.as(admin, {
        method: 'POST', url: '/api/v1/admin/items',
        payload: sampleItem(t, { materials: [{ code: 'M01', name: '申请书', blankFileId: 'no-such-file' }] }),
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.fields[0].field).toBe('materials.0.blankFileId');
    });
  });
}
