/**
 * Applying online, on both databases: the item's form and checklist, drafts kept on the server
 * (another device resumes, a stale tab gets 409, an expired session 401 and nothing is lost),
 * uploads typed by their bytes (a renamed .exe, a 200 MB file), the server-side form check, and
 * submission — a case with channel online, once per draft whatever the clicks — that the clerk
 * pre-reviews with its form and files.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { move, publishedItem } from './case-helpers.js';
import { GOOD_FORM, H, PDF_BYTES, PNG_BYTES, hallItem, multipartBody, newDraft, person, readyDraft, registerMobile, upload } from './hall-helpers.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const fields = (r: { json(): { error: { fields?: { field: string }[] } } }) => r.json().error.fields?.map((f) => f.field) ?? [];

for (const dialect of dialects()) {
  describe(`online hall: applying [${dialect}]`, () => {
    let t: TestApp;
    let s: Session;
    let itemId: string;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      itemId = await hallItem(t);
      s = await person(t);
    });
    afterEach(async () => t?.close());

    const count = async (table: 'cases' | 'files' | 'case_materials') => (await t.tdb.db.kysely.selectFrom(table).select('id').execute()).length;

    it("serves the item's form and checklist publicly; a window-only item shows it but takes no application (422)", async () => {
      const f = await t.app.inject({ url: `/api/v1/public/items/${itemId}/form` });
      expect(f.statusCode, f.body).toBe(200);
      expect(f.json()).toMatchObject({
        itemId, name: '食品经营许可', applyOnline: true, prereviewDays: 2, upload: { types: ['application/pdf', 'image/jpeg', 'image/png'], maxMb: 20 },
        formSchema: { required: ['entName', 'phone', 'area', 'kinds'] },
      });
      expect(f.json().materials.map((m: { code: string; required: boolean }) => [m.code, m.required])).toEqual([['M01', true], ['M02', true], ['M03', false]]);
      const windowOnly = await publishedItem(t, { code: 'SCJG-CK-0001', name: '窗口办理事项', onlineDepth: 'window' });
      expect((await t.app.inject({ url: `/api/v1/public/items/${windowOnly}/form` })).json().applyOnline).toBe(false);
      const r = await t.as(s, { method: 'POST', url: `${H}/drafts`, payload: { itemId: windowOnly } });
      expect(r.statusCode).toBe(422);
      expect(fields(r)).toEqual(['itemId']);
      expect((await t.app.inject({ url: '/api/v1/public/items/no-such-item/form' })).statusCode).toBe(404);
      expect(fields(await t.as(s, { method: 'POST', url: `${H}/drafts`, payload: { itemId: 'no-such-item' } }))).toEqual(['itemId']);
    });

    it('keeps drafts on the server: another device resumes them, a stale second tab gets 409, an expired session 401 with nothing lost', async () => {
      const d = await newDraft(t, s, itemId);
      expect(d).toMatchObject({ version: 1, formData: {}, uploads: [], caseId: null });
      const tab1 = await t.as(s, { method: 'PUT', url: `${H}/drafts/${d.id}`, payload: { version: 1, formData: { entName: '测试' } } });
      expect(tab1.json()).toMatchObject({ version: 2, formData: { entName: '测试' } });
      const tab2 = await t.as(s, { method: 'PUT', url: `${H}/drafts/${d.id}`, payload: { version: 1, formData: { entName: '覆盖' } } });
      expect(tab2.statusCode).toBe(409);
      expect(tab2.json().error.message).toContain('草稿');
      // another device: a new login sees the saved values
      const phone = await t.login('13900000001', 'Hall2026pw');
      const resumed = await t.as(phone, { url: `${H}/drafts/${d.id}` });
      expect(resumed.json()).toMatchObject({ version: 2, formData: { entName: '测试' } });
      expect((await t.as(phone, { url: `${H}/drafts` })).json()).toMatchObject({ total: 1, items: [{ id: d.id, itemName: '食品经营许可' }] });
      // the session expires mid-form: 401, and the draft keeps what was saved
      t.clock.advance(13 * 3600_000);
      const late = await t.as(s, { method: 'PUT', url: `${H}/drafts/${d.id}`, payload: { version: 2, formData: { entName: '过期' } } });
      expect(late.statusCode).toBe(401);
      const again = await t.login('13900000001', 'Hall2026pw');
      expect((await t.as(again, { url: `${H}/drafts/${d.id}` })).json().formData).toEqual({ entName: '测试' });
      // someone else's draft does not exist for them
      const other = await registerMobile(t, '13700000000');
      expect((await t.as(other, { url: `${H}/drafts/${d.id}` })).statusCode).toBe(404);
      expect((await t.as(other, { method: 'DELETE', url: `${H}/drafts/${d.id}` })).statusCode).toBe(404);
    });

    it('types uploads by their bytes: PDF and PNG kept with their SHA-256; a renamed .exe, an empty part and a 200 MB file refused naming file', async () => {
      const d = await newDraft(t, s, itemId);
      const url = (code: string) => `${H}/drafts/${d.id}/materials?materialCode=${code}`;
      const pdf = await upload(t, s, url('M01'), '申请书.pdf', PDF_BYTES);
      expect(pdf.statusCode, pdf.body).toBe(200);
      expect(pdf.json()).toMatchObject({ materialCode: 'M01', name: '申请书.pdf', mime: 'application/pdf', size: PDF_BYTES.length, sha256: sha(PDF_BYTES) });
      const png = await upload(t, s, url('M02'), '执照.pdf', PNG_BYTES);
      expect(png.json()).toMatchObject({ name: '执照.png', mime: 'image/png' }); // named for what it is
      const before = await count('files');
      const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(512)]);
      const renamed = await upload(t, s, url('M02'), '营业执照.pdf', exe, 'application/pdf');
      expect(renamed.statusCode).toBe(400);
      expect(fields(renamed)).toEqual(['file']);
      expect(renamed.json().error.message).toContain('PDF、JPG、PNG');
      const huge = await upload(t, s, url('M02'), 'scan.pdf', Buffer.concat([PDF_BYTES, Buffer.alloc(200 * 1024 * 1024)]));
      expect(huge.statusCode).toBe(400);
      expect(fields(huge)).toEqual(['file']);
      expect(huge.json().error.messageEn).toContain('20 MB');
      const empty = await upload(t, s, url('M02'), 'empty.pdf', Buffer.alloc(0));
      expect(fields(empty)).toEqual(['file']);
      expect(empty.json().error.message).toContain('文件为空');
      expect(fields(await upload(t, s, url('M09'), 'a.pdf', PDF_BYTES))).toEqual(['materialCode']);
      expect(fields(await t.as(s, { method: 'POST', url: url('M01'), payload: { a: 1 } }))).toEqual(['file']);
      expect(fields(await t.as(s, { method: 'POST', url: `${H}/drafts/${d.id}/materials`, payload: { a: 1 } }))).toEqual(['materialCode']);
      // the connection drops mid-upload: the body ends before its closing boundary
      const whole = multipartBody('a.pdf', PDF_BYTES);
      const cut = await t.as(s, { method: 'POST', url: url('M02'), payload: whole.payload.subarray(0, whole.payload.length - 30), headers: whole.headers });
      expect(cut.statusCode).toBe(400);
      expect(fields(cut)).toEqual(['file']);
      expect(await count('files')).toBe(before);
      // the applicant downloads their own file, nobody else does
      const got = await t.as(s, { url: pdf.json().url });
      expect(got.statusCode).toBe(200);
      expect(sha(got.rawPayload)).toBe(sha(PDF_BYTES));
      expect((await t.as(await registerMobile(t, '13700000000'), { url: pdf.json().url })).statusCode).toBe(404);
      // a wrong file is removed from the draft
      expect((await t.as(s, { method: 'DELETE', url: `${H}/drafts/${d.id}/materials/${png.json().id}` })).statusCode).toBe(200);
      expect((await t.as(s, { url: `${H}/drafts/${d.id}` })).json().uploads.map((u: { materialCode: string }) => u.materialCode)).toEqual(['M01']);
    });

    it('limits uploads to UPLOAD_MAX_MB', async () => {
      const small = await startTestApp(dialect, { UPLOAD_MAX_MB: '1' });
      try {
        const itemS = await hallItem(small);
        const p = await person(small, '13900000009');
        const d = await newDraft(small, p, itemS);
        const r = await upload(small, p, `${H}/drafts/${d.id}/materials?materialCode=M01`, 'a.pdf', Buffer.concat([PDF_BYTES, Buffer.alloc(1024 * 1024)]));
        expect(r.statusCode).toBe(400);
        expect(r.json().error.message).toContain('1 MB');
        expect((await small.app.inject({ url: `/api/v1/public/items/${itemS}/form` })).json().upload.maxMb).toBe(1);
      } finally {
        await small.close();
      }
    });

    it('checks the form on the server as the browser does, with every problem named form.<field> / materials.<code>, and makes no case', async () => {
      const d = await newDraft(t, s, itemId);
      const bad = { entName: '   ', phone: '12345', area: 0, staff: 1.5, openDate: '2026-02-30', kinds: [], chain: 'yes', unknown: 'x' };
      const saved = await t.as(s, { method: 'PUT', url: `${H}/drafts/${d.id}`, payload: { version: 1, formData: bad } });
      expect(saved.statusCode).toBe(200); // drafts keep what was typed
      await upload(t, s, `${H}/drafts/${d.id}/materials?materialCode=M01`, 'a.pdf', PDF_BYTES);
      const r = await t.as(s, { method: 'POST', url: `${H}/drafts/${d.id}/submit`, payload: { version: 2 } });
      expect(r.statusCode).toBe(400);
      expect(fields(r)).toEqual(['form.entName', 'form.phone', 'form.area', 'form.staff', 'form.openDate', 'form.chain', 'form.kinds', 'materials.M02']);
      const msg = r.json().error.fields[0];
      expect(msg.message).toBe('form.entName：「单位名称」为必填项');
      expect(msg.messageEn).toBe('form.entName: "单位名称" is required');
      expect(await count('cases')).toBe(0);
      expect((await t.as(s, { url: `${H}/drafts/${d.id}` })).json().caseId).toBeNull();
    });

    it('asks for the real name before a submission (422 naming identity)', async () => {
      const anon = await registerMobile(t, '13700000000');
      const d = await readyDraft(t, anon, itemId);
      const r = await t.as(anon, { method: 'POST', url: `${H}/drafts/${d.id}/submit`, payload: { version: d.version } });
      expect(r.statusCode).toBe(422);
      expect(fields(r)).toEqual(['identity']);
      expect(await count('cases')).toBe(0);
    });

    it('submits once: an online case for the applicant with its materials and pre-review due date; a double click, a second tab and a race get the same case', async () => {
      const d = await readyDraft(t, s, itemId);
      const [a, b] = await Promise.all([
        t.as(s, { method: 'POST', url: `${H}/drafts/${d.id}/submit`, payload: { version: d.version } }),
        t.as(s, { method: 'POST', url: `${H}/drafts/${d.id}/submit`, payload: { version: d.version } }),
      ]);
      expect(a.statusCode, a.body).toBe(200);
      expect(b.statusCode, b.body).toBe(200);
      expect(b.json().id).toBe(a.json().id);
      const again = await t.as(s, { method: 'POST', url: `${H}/drafts/${d.id}/submit`, payload: { version: 1 } });
      expect(again.json().id).toBe(a.json().id);
      expect(await count('cases')).toBe(1);
      const c = a.json();
      expect(c).toMatchObject({
        status: 'submitted', online: true, caseNo: '370100260302000001', applicantName: '张三', intakeDate: '2026-03-02',
        prereviewDue: '2026-03-04', availableActions: ['withdraw'], version: 1,
      });
      expect(c.steps).toEqual([expect.objectContaining({ seq: 1, kind: 'submit', role: 'applicant' })]);
      expect(c.materials.map((m: { materialCode: string; status: string }) => [m.materialCode, m.status])).toEqual([['M01', 'submitted'], ['M02', 'submitted']]);
      const k = t.tdb.db.kysely;
      const row = await k.selectFrom('cases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
      const me = await k.selectFrom('users').select('id').where('username', '=', '13900000001').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ applicant_user_id: me.id, applicant_kind: 'person', applicant_phone: '13900000001', created_by: null, status: 'submitted' });
      const action = await k.selectFrom('case_actions').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
      expect(action).toMatchObject({ kind: 'submit', role: 'applicant', actor_id: me.id });
      expect(JSON.parse(action.payload)).toEqual({ channel: 'online' });
      const oa = await k.selectFrom('online_applications').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
      expect(JSON.parse(oa.form_data)).toEqual(GOOD_FORM);
      // the draft is the case's now: no more edits, uploads or discarding
      expect((await t.as(s, { method: 'PUT', url: `${H}/drafts/${d.id}`, payload: { version: d.version, formData: {} } })).statusCode).toBe(409);
      expect((await upload(t, s, `${H}/drafts/${d.id}/materials?materialCode=M03`, 'a.pdf', PDF_BYTES)).statusCode).toBe(409);
      expect((await t.as(s, { method: 'DELETE', url: `${H}/drafts/${d.id}` })).statusCode).toBe(409);
      expect((await t.as(s, { url: `${H}/drafts` })).json().total).toBe(0);
    });

    it('refuses to submit what a second tab changed since it was read (409), and submits the saved version', async () => {
      const d = await readyDraft(t, s, itemId);
      await t.as(s, { method: 'PUT', url: `${H}/drafts/${d.id}`, payload: { version: d.version, formData: { ...GOOD_FORM, entName: '另一个标签页' } } });
      const stale = await t.as(s, { method: 'POST', url: `${H}/drafts/${d.id}/submit`, payload: { version: d.version } });
      expect(stale.statusCode).toBe(409);
      expect(await count('cases')).toBe(0);
      const ok = await t.as(s, { method: 'POST', url: `${H}/drafts/${d.id}/submit`, payload: { version: d.version + 1 } });
      expect(ok.statusCode).toBe(200);
    });

    it("shows the clerk the case's form and files for the pre-review; another department cannot see them", async () => {
      const c = (await t.as(s, { method: 'POST', url: `${H}/drafts/${(await readyDraft(t, s, itemId)).id}/submit`, payload: { version: 2 } })).json();
      const clerk = await t.login('clerk');
      const app = await t.as(clerk, { url: `/api/v1/cases/${c.id}/application` });
      expect(app.statusCode, app.body).toBe(200);
      expect(app.json()).toMatchObject({ caseId: c.id, submittedOn: '2026-03-02', prereviewDue: '2026-03-04', formData: GOOD_FORM });
      const file = await t.as(clerk, { url: app.json().materials[0].url });
      expect(file.statusCode).toBe(200);
      expect(sha(file.rawPayload)).toBe(sha(PDF_BYTES));
      expect((await t.as(await t.login('leaderB'), { url: `/api/v1/cases/${c.id}/application` })).statusCode).toBe(403);
      // the clerk's case list has it, and the window's moves work on it
      expect((await move(t, clerk, c.id, 'accept', { version: 1 })).json().status).toBe('accepted');
    });
  });
}
