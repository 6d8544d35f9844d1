/**
 * Online bundle applications (一件事 网上申请) on both databases: the applicant uploads and submits
 * (identity from the account; bad form / material 400 naming the field), sees only their own; the
 * window lists, accepts into a bundle run (stage 1's child cases, the run marked online) or returns
 * with reasons; withdrawal; stale versions 409; another center's clerk 403; messages in the outbox.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/server/services/context.js';
import { createStaffUser } from '../../src/server/services/organisation/index.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import type { BundleItems } from './bundle-helpers.js';
import { APPS, FORM, onlineBundle, REQUIRED, submittedApplication, uploads, WINDOW } from './bundle-online-helpers.js';
import { ok } from './case-review-helpers.js';
import { H, idNumber, PDF_BYTES, person, registerMobile, upload } from './hall-helpers.js';

for (const dialect of dialects()) {
  describe(`online bundle applications [${dialect}]`, () => {
    let t: TestApp;
    let clerk: Session;
    let zhang: Session;
    let items: BundleItems;
    let bundleId: string;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      ({ items, bundleId } = await onlineBundle(t));
      clerk = await t.login('clerk');
      zhang = await person(t, '13900000001', '张三');
    });
    afterEach(async () => t?.close());

    const outbox = (template: string) => t.tdb.db.kysely.selectFrom('outbox').selectAll().where('template', '=', template).execute();

    it('the applicant submits with the account identity; bad form fields and missing materials are named; others see nothing', async () => {
      // an upload for a code the checklist lacks
      const bad = await upload(t, zhang, `${H}/bundle-uploads?bundleId=${bundleId}&materialCode=B99`, 'x.pdf', PDF_BYTES);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['materialCode']);

      const files = await uploads(t, zhang, bundleId);
      const r = await t.as(zhang, { method: 'POST', url: APPS, payload: { bundleId, form: { ...FORM, employees: -1 }, materials: files.slice(0, 3) } });
      expect(r.statusCode).toBe(400);
      const fields = r.json().error.fields.map((f: { field: string }) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['form.employees', 'materials.B04']));
      expect(r.json().error.message).toContain('materials.B04');
      expect(await t.tdb.db.kysely.selectFrom('bundle_applications').select('id').execute()).toHaveLength(0);

      // the body's applicant is ignored: the account's real name is the applicant
      const good = await ok(t.as(zhang, { method: 'POST', url: APPS, payload: { bundleId, form: FORM, materials: files, applicant: { kind: 'person', name: '李四' } } }));
      expect(good).toMatchObject({ status: 'submitted', bundleName: '企业开办一件事', applicantName: '张三', runId: null, run: null, version: 1, actions: ['withdraw'] });
      expect(good.applicant).toMatchObject({ kind: 'person', name: '张三', idNumber: idNumber(), phone: '13900000001' });
      expect(good.materials.find((m: { code: string }) => m.code === 'B01').files).toEqual([expect.objectContaining({ fileId: files[0].fileId, url: `/api/v1/hall/files/${files[0].fileId}` })]);
      expect(good.formTitles.employees).toBe('参保人数');
      expect((await ok(t.as(zhang, { url: APPS }))).items.map((i: { id: string }) => i.id)).toEqual([good.id]);

      // another applicant: not theirs to see, nor to name the first one's uploads
      const li = await person(t, '13900000002', '李四', idNumber('37010219850101234'));
      expect((await t.as(li, { url: `${APPS}/${good.id}` })).statusCode).toBe(404);
      expect((await ok(t.as(li, { url: APPS }))).total).toBe(0);
      const stolen = await t.as(li, { method: 'POST', url: APPS, payload: { bundleId, form: FORM, materials: files } });
      expect(stolen.statusCode).toBe(400);
      expect(stolen.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['materials.0.fileId', 'materials.1.fileId', 'materials.2.fileId', 'materials.3.fileId']);
      // staff use the window's routes; an account without a real name cannot apply
      expect((await t.as(clerk, { url: `${APPS}/${good.id}` })).statusCode).toBe(403);
      const anonymous = await registerMobile(t, '13900000003');
      const noName = await t.as(anonymous, { method: 'POST', url: APPS, payload: { bundleId, form: FORM, materials: [] } });
      expect(noName.statusCode).toBe(422);
    });

    it('the window accepts: a run with stage 1 open, marked online; the applicant sees its progress and a message', async () => {
      const app = await submittedApplication(t, zhang, bundleId);
      const list = await ok(t.as(clerk, { url: `${WINDOW}?status=submitted` }));
      expect(list).toMatchObject({ total: 1, items: [{ id: app.id, applicantName: '张*', status: 'submitted' }] });
      const seen = await ok(t.as(clerk, { url: `${WINDOW}/${app.id}` }));
      expect(seen.applicant.idNumber).toBe(`3701**********${idNumber().slice(-4)}`);
      expect(seen.actions).toEqual(['accept', 'return']);
      const file = seen.materials[0].files[0];
      expect(file.url).toBe(`${WINDOW}/${app.id}/files/${file.fileId}`);
      const dl = await t.as(clerk, { url: file.url });
      expect(dl.statusCode).toBe(200);
      expect(dl.rawPayload.equals(PDF_BYTES)).toBe(true);
      expect((await t.as(clerk, { url: `${WINDOW}/${app.id}/files/${app.id}` })).statusCode).toBe(404);

      const stale = await t.as(clerk, { method: 'POST', url: `${WINDOW}/${app.id}/accept`, payload: { version: 2 } });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('conflict');
      const accepted = await ok(t.as(clerk, { method: 'POST', url: `${WINDOW}/${app.id}/accept`, payload: { version: 1 } }));
      expect(accepted).toMatchObject({ status: 'accepted', version: 2, actions: [] });
      expect(accepted.runId).toEqual(expect.any(String));

      const run = await ok(t.as(clerk, { url: `/api/v1/bundle-runs/${accepted.runId}` }));
      expect(run).toMatchObject({ status: 'inProgress', stage: 0, applicant: { kind: 'person', name: '张三', idNumber: idNumber(), phone: '13900000001' } });
      expect(run.form).toMatchObject({ entName: FORM.entName, employees: 5 });
      expect(run.materials.filter((m: { received: boolean }) => m.received).map((m: { code: string }) => m.code)).toEqual(REQUIRED);
      expect(run.stages[0].cases.map((c: { itemId: string; status: string }) => [c.itemId, c.status])).toEqual([[items.company, 'inReview'], [items.seal, 'inReview']]);
      const start = await t.tdb.db.kysely.selectFrom('action_log').select('payload').where('entity', '=', 'bundleRun').where('entity_id', '=', run.id).where('action', '=', 'start').executeTakeFirstOrThrow();
      expect(JSON.parse(start.payload)).toMatchObject({ channel: 'online', applicationId: app.id });

      const mine = await ok(t.as(zhang, { url: `${APPS}/${app.id}` }));
      expect(mine).toMatchObject({ status: 'accepted', runId: run.id, run: { runNo: run.runNo, verificationCode: run.verificationCode } });
      expect(mine.run.progress.stages[0].cases.map((c: { itemName: string }) => c.itemName)).toEqual(['有限责任公司设立登记', '公章刻制备案']);
      expect(mine.run.progress.stages[1]).toMatchObject({ status: 'waiting', cases: [] });
      // the child cases are the applicant's own: listed among their cases in the hall
      const myCases = await ok(t.as(zhang, { url: '/api/v1/hall/cases' }));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      expect(myCases.items.map((c: any) => c.caseNo).sort()).toEqual(run.stages[0].cases.map((c: { caseNo: string }) => c.caseNo).sort());
      const sent = await outbox('bundleApplicationAccepted');
      expect(sent).toHaveLength(1);
      expect(sent[0].channel).toBe('inbox');
      expect(JSON.parse(sent[0].payload).body).toContain(run.runNo);

      // decided: no second run, no withdrawal
      const again = await t.as(clerk, { method: 'POST', url: `${WINDOW}/${app.id}/accept`, payload: { version: 2 } });
      expect(again.json().error.code).toBe('invalidState');
      expect((await t.as(zhang, { method: 'POST', url: `${APPS}/${app.id}/withdraw`, payload: { version: 2 } })).statusCode).toBe(409);
      expect(await t.tdb.db.kysely.selectFrom('bundle_runs').select('id').execute()).toHaveLength(1);
      expect((await ok(t.as(clerk, { url: `${WINDOW}?status=submitted` }))).total).toBe(0);
    });

    it('returns with reasons and materials at fault; withdraws while submitted; stale versions 409', async () => {
      const first = await submittedApplication(t, zhang, bundleId);
      const unknownCode = await t.as(clerk, { method: 'POST', url: `${WINDOW}/${first.id}/return`, payload: { version: 1, reason: '材料不清晰', materials: ['B02', 'B99'] } });
      expect(unknownCode.statusCode).toBe(400);
      expect(unknownCode.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['materials.1']);
      const noReason = await t.as(clerk, { method: 'POST', url: `${WINDOW}/${first.id}/return`, payload: { version: 1, reason: '' } });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.fields[0].field).toBe('reason');
      expect((await t.as(clerk, { method: 'POST', url: `${WINDOW}/${first.id}/return`, payload: { version: 3, reason: 'x' } })).statusCode).toBe(409);
      const back = await ok(t.as(clerk, { method: 'POST', url: `${WINDOW}/${first.id}/return`, payload: { version: 1, reason: '股东身份证件复印件不清晰', materials: ['B02'] } }));
      expect(back).toMatchObject({ status: 'returned', returned: { reason: '股东身份证件复印件不清晰', materials: ['B02'] }, runId: null });
      expect((await ok(t.as(zhang, { url: `${APPS}/${first.id}` }))).returned.materials).toEqual(['B02']);
      const msg = await outbox('bundleApplicationReturned');
      expect(JSON.parse(msg[0].payload).body).toContain('股东身份证件复印件不清晰');

      const second = await submittedApplication(t, zhang, bundleId);
      expect((await t.as(zhang, { method: 'POST', url: `${APPS}/${second.id}/withdraw`, payload: { version: 2 } })).statusCode).toBe(409);
      const gone = await ok(t.as(zhang, { method: 'POST', url: `${APPS}/${second.id}/withdraw`, payload: { version: 1 } }));
      expect(gone).toMatchObject({ status: 'withdrawn', version: 2, actions: [] });
      const late = await t.as(clerk, { method: 'POST', url: `${WINDOW}/${second.id}/accept`, payload: { version: 2 } });
      expect(late.json().error.code).toBe('invalidState');
      const log = await t.tdb.db.kysely.selectFrom('action_log').select('action').where('entity', '=', 'bundleApplication').orderBy('pos').execute();
      expect(log.map((l) => l.action)).toEqual(['submit', 'return', 'submit', 'withdraw']);
      expect(await t.tdb.db.kysely.selectFrom('bundle_runs').select('id').execute()).toHaveLength(0);
    });

    it('an accept the bundle no longer allows writes nothing: 400 naming bundleId, still waiting', async () => {
      const app = await submittedApplication(t, zhang, bundleId);
      const admin = await t.login('admin');
      const b = await ok(t.as(admin, { url: `/api/v1/admin/bundles/${bundleId}` }));
      await ok(t.as(admin, { method: 'POST', url: `/api/v1/admin/bundles/${bundleId}/retire`, payload: { version: b.version } }));
      const r = await t.as(clerk, { method: 'POST', url: `${WINDOW}/${app.id}/accept`, payload: { version: 1 } });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['bundleId']);
      expect(await t.tdb.db.kysely.selectFrom('bundle_runs').select('id').execute()).toHaveLength(0);
      expect(await t.tdb.db.kysely.selectFrom('cases').select('id').execute()).toHaveLength(0);
      expect(await outbox('bundleApplicationAccepted')).toHaveLength(0);
      expect(await ok(t.as(clerk, { url: `${WINDOW}/${app.id}` }))).toMatchObject({ status: 'submitted', version: 1, runId: null });
      // and no new application is taken for it
      const again = await t.as(zhang, { method: 'POST', url: APPS, payload: { bundleId, form: FORM, materials: [] } });
      expect(again.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['bundleId']);
    });

    it('a clerk of another center is refused; the list shows them nothing', async () => {
      const app = await submittedApplication(t, zhang, bundleId);
      await createStaffUser(systemCtx(t.app.deps), { username: 'countyclerk', displayName: '县窗口', password: 'Bundle2026pw!', grants: [{ role: 'clerk', centerId: t.org.countyId, departmentId: t.org.deptCounty }] });
      const county = await t.login('countyclerk', 'Bundle2026pw!');
      expect((await t.as(county, { url: `${WINDOW}/${app.id}` })).statusCode).toBe(403);
      expect((await t.as(county, { method: 'POST', url: `${WINDOW}/${app.id}/accept`, payload: { version: 1 } })).statusCode).toBe(403);
      expect((await ok(t.as(county, { url: WINDOW }))).total).toBe(0);
      expect((await t.as(zhang, { url: WINDOW })).statusCode).toBe(403);
      expect((await t.as(null, { url: WINDOW })).statusCode).toBe(401);
      expect((await ok(t.as(zhang, { url: `${APPS}/${app.id}` }))).status).toBe('submitted');
    });
  });
}
