import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogueExport } from '../../src/contracts/catalogue-api.js';
import { systemCtx } from '../../src/server/services/context.js';
import { exportCatalogue, ImportRejectedError, importCatalogue } from '../../src/server/services/catalogue/index.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { create, createPublished, multipartBody, PDF_BYTES, sampleItem } from './catalogue-helpers.js';

const count = async (t: TestApp, table: 'items' | 'item_versions' | 'files' | 'action_log') =>
  Number((await t.tdb.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** A catalogue with one item in every status, a joint item, and a form file. */
async function buildCatalogue(t: TestApp, s: Session) {
  const m = multipartBody('申请书示范文本.pdf', PDF_BYTES);
  const file = (await t.as(s, { method: 'POST', url: '/api/v1/admin/files', payload: m.payload, headers: m.headers })).json();
  await createPublished(t, s, sampleItem(t, { materials: [{ code: 'M01', name: '申请书', sampleFileId: file.id }] }));
  await createPublished(t, s, sampleItem(t, {
    code: 'ZJJ-LB-1', name: '联合审查', departmentId: t.org.deptB, handlingClass: 'joint', coDepartmentIds: [t.org.deptA],
    procedure: [
      { name: '受理', kind: 'accept', role: 'clerk', limitDays: 0 },
      { name: '市场监管意见', kind: 'review', role: 'reviewer', limitDays: 5, departmentId: t.org.deptA },
      { name: '决定', kind: 'decide', role: 'deptLeader', limitDays: 3 },
    ],
  }));
  const sus = await createPublished(t, s, sampleItem(t, { code: 'S-1', name: '暂停的事项' }));
  await t.as(s, { method: 'POST', url: `/api/v1/admin/items/${sus.item.id}/suspend`, payload: { version: sus.published.version } });
  const ret = await createPublished(t, s, sampleItem(t, { code: 'R-1', name: '废止的事项' }));
  await t.as(s, { method: 'POST', url: `/api/v1/admin/items/${ret.item.id}/retire`, payload: { version: ret.published.version } });
  // a draft that could not be published yet (a fee line without its licence number) still exports
  await create(t, s, sampleItem(t, { code: 'D-1', name: '草稿事项', fees: { free: false, lines: [{ name: '工本费', basis: '', standard: '', amountFen: 100, licenceNo: '' }] } }));
}

const stripTime = (e: CatalogueExport) => ({ ...e, exportedAt: 'x' });

for (const dialect of dialects()) {
  describe(`catalogue export / import [${dialect}]`, () => {
    let t: TestApp;
    let admin: Session;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      admin = await t.login('admin');
    });
    afterEach(async () => t.close());

    const exportVia = async (tt: TestApp, s: Session) => {
      const r = await tt.as(s, { url: `/api/v1/admin/catalogue/export?centerId=${tt.org.cityId}` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as CatalogueExport;
    };
    const importVia = (tt: TestApp, s: Session, body: unknown) =>
      tt.as(s, { method: 'POST', url: `/api/v1/admin/catalogue/import?centerId=${tt.org.cityId}`, payload: body as object });

    it('exports portably and round-trips into a fresh database; re-import changes nothing', async () => {
      await buildCatalogue(t, admin);
      const out = await exportVia(t, admin);
      expect(out).toMatchObject({ format: 'onestop-catalogue', version: 1 });
      expect(out.items.map((i) => [i.code, i.status])).toEqual([
        ['D-1', 'draft'], ['R-1', 'retired'], ['S-1', 'suspended'], ['SCJG-XK-0001', 'published'], ['ZJJ-LB-1', 'published'],
      ]);
      const joint = out.items.find((i) => i.code === 'ZJJ-LB-1')!.data;
      expect(joint).toMatchObject({ departmentCode: 'ZJJ', coDepartmentCodes: ['SCJG'] });
      expect(joint.procedure.map((p) => p.departmentCode)).toEqual([null, 'SCJG', null]);
      expect(JSON.stringify(out)).not.toContain(t.org.deptA);
      expect(out.files).toHaveLength(1);
      expect(Buffer.from(out.files[0].contentBase64, 'base64').equals(PDF_BYTES)).toBe(true);

      const t2 = await startTestApp(dialect);
      try {
        const admin2 = await t2.login('admin');
        const r = await importVia(t2, admin2, out);
        expect(r.statusCode, r.body).toBe(200);
        expect(r.json()).toEqual({ rows: 5, created: 5, updated: 0, unchanged: 0, files: 1 });
        const back = await exportVia(t2, admin2);
        expect(stripTime(back)).toEqual(stripTime(out));
        // the imported form is public on the new installation's guide page
        const g = (await t2.app.inject({ url: '/api/v1/public/items/SCJG-XK-0001' })).json();
        const dl = await t2.app.inject({ url: g.materials[0].sampleFile.url });
        expect(dl.rawPayload.equals(PDF_BYTES)).toBe(true);
        expect((await t2.app.inject({ url: '/api/v1/public/items/S-1' })).json().suspended).toBe(true);
        expect((await t2.app.inject({ url: '/api/v1/public/items/R-1' })).statusCode).toBe(404);

        const again = await importVia(t2, admin2, out);
        expect(again.json()).toEqual({ rows: 5, created: 0, updated: 0, unchanged: 5, files: 0 });
        expect(await count(t2, 'item_versions')).toBe(5);
      } finally {
        await t2.close();
      }
    });

    it('creates a new published version only for rows whose data changed, and applies status changes', async () => {
      await buildCatalogue(t, admin);
      const out = await exportVia(t, admin);
      const food = out.items.find((i) => i.code === 'SCJG-XK-0001')!;
      food.data.promisedLimit = 8;
      out.items.find((i) => i.code === 'S-1')!.status = 'published';
      const r = await importVia(t, admin, out);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ rows: 5, created: 0, updated: 2, unchanged: 3 });
      const list = (await t.as(admin, { url: '/api/v1/admin/items?q=SCJG-XK' })).json();
      const detail = (await t.as(admin, { url: `/api/v1/admin/items/${list.items[0].id}` })).json();
      expect(detail.versions.map((v: { versionNo: number; status: string }) => [v.versionNo, v.status])).toEqual([[2, 'published'], [1, 'retired']]);
      expect(detail.published.data.promisedLimit).toBe(8);
      expect((await t.app.inject({ url: '/api/v1/public/items/S-1' })).json().suspended).toBe(false);
    });

    it('writes nothing when rows are bad (publish rule, unknown departments, duplicate, schema) and reports every one with field names', async () => {
      await createPublished(t, admin, sampleItem(t));
      const out = await exportVia(t, admin);
      const good = out.items[0];
      const rows = [
        { ...good, data: { ...good.data, name: '改名（不应写入）' } },
        { code: 'BAD-1', status: 'published', data: { ...good.data, code: 'BAD-1', promisedLimit: 30 } },
        { code: 'NEW-1', status: 'draft', data: { ...good.data, code: 'NEW-1' } },
        { code: 'BAD-2', status: 'draft', data: { ...good.data, code: 'BAD-2', departmentCode: 'NOPE', procedure: [{ ...good.data.procedure[0], departmentCode: 'ALSO-NOPE' }] } },
        { code: 'NEW-1', status: 'draft', data: { ...good.data, code: 'NEW-1' } },
        { code: 'BAD-3', status: 'published', data: { ...good.data, code: 'BAD-3', statutoryLimit: 'many' } },
      ];
      const before = { items: await count(t, 'items'), versions: await count(t, 'item_versions'), log: await count(t, 'action_log') };
      const r = await importVia(t, admin, { ...out, items: rows });
      expect(r.statusCode).toBe(422);
      const body = r.json();
      expect(body.error.code).toBe('unprocessable');
      expect(body.error.message).toContain('未写入');
      expect(body.report.map((x: { index: number; code: string }) => [x.index, x.code])).toEqual([[1, 'BAD-1'], [3, 'BAD-2'], [4, 'NEW-1'], [5, 'BAD-3']]);
      const fields = (i: number) => body.report.find((x: { index: number }) => x.index === i).errors.map((e: { field: string }) => e.field);
      expect(fields(1)).toEqual(['data.promisedLimit']);
      expect(fields(3)).toEqual(['data.departmentCode', 'data.procedure.0.departmentCode']);
      expect(fields(4)).toEqual(['code']);
      expect(fields(5)).toEqual(['data.statutoryLimit']);
      expect(body.error.fields.map((f: { field: string }) => f.field)).toContain('items.1.data.promisedLimit');
      expect(body.report[0].errors[0]).toMatchObject({ message: expect.stringContaining('承诺时限'), messageEn: expect.stringContaining('Promised limit') });
      expect({ items: await count(t, 'items'), versions: await count(t, 'item_versions'), log: await count(t, 'action_log') }).toEqual(before);
      expect((await t.app.inject({ url: '/api/v1/public/items/SCJG-XK-0001' })).json().name).toBe('食品经营许可');
    });

    it('refuses the wrong format with 400, a file whose hash lies with 422, and non-importers with 403', async () => {
      const wrong = await importVia(t, admin, { format: 'other', version: 1, items: [] });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.fields[0].field).toBe('format');
      const lie = await importVia(t, admin, {
        format: 'onestop-catalogue', version: 1, items: [],
        files: [{ sha256: 'a'.repeat(64), name: 'x.pdf', mime: 'application/pdf', contentBase64: PDF_BYTES.toString('base64') }],
      });
      expect(lie.statusCode).toBe(422);
      expect(lie.json().error.fields[0].field).toBe('files.0.contentBase64');
      expect(await count(t, 'files')).toBe(0);
      const leader = await t.login('leader');
      expect((await importVia(t, leader, { format: 'onestop-catalogue', version: 1, items: [] })).statusCode).toBe(403);
      expect((await t.as(leader, { url: `/api/v1/admin/catalogue/export?centerId=${t.org.cityId}` })).statusCode).toBe(403);
      const county = await t.login('countyadmin');
      expect((await t.as(county, { url: `/api/v1/admin/catalogue/export?centerId=${t.org.cityId}` })).statusCode).toBe(403);
      expect((await t.as(county, { url: '/api/v1/admin/catalogue/export' })).json().items).toEqual([]); // its own center by default
    });

    it('works for the CLI through the service functions with the system actor', async () => {
      await buildCatalogue(t, admin);
      const ctx = systemCtx(t.app.deps);
      const out = await exportCatalogue(ctx, t.org.cityId);
      expect(out.items).toHaveLength(5);
      const bad = { ...out, items: [{ code: 'X', status: 'published', data: {} }] };
      const err = await importCatalogue(ctx, t.org.cityId, bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportRejectedError);
      expect((err as ImportRejectedError).report[0].errors.map((e) => e.field)).toContain('data.departmentCode');
      const res = await importCatalogue(ctx, t.org.countyId, {
        ...out, items: out.items.filter((i) => i.data.departmentCode === 'SCJG' && i.data.coDepartmentCodes.length === 0),
      });
      expect(res).toMatchObject({ created: 4, files: 0 }); // county's SCJG department; the form file is reused by hash
      expect((await t.app.inject({ url: `/api/v1/public/items?centerId=${t.org.countyId}` })).json().total).toBe(2);
    });
  });
}
