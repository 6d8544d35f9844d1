/**
 * Bundle runs (一件事办件) on both databases: started and accepted once at the window, run as child
 * cases stage by stage (a stage's items in parallel), one deadline, one fee sheet assessed and
 * paid once, one progress view (staff and public); a failed child stops the run; bad input 400
 * naming fields; stale versions 409; scope 403; the action log.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/services/audit/verify.js';
import { systemCtx } from '../../src/server/services/context.js';
import { createStaffUser } from '../../src/server/services/organisation/index.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { pdfText } from '../helpers/pdf.js';
import { type BundleItems, bundleItems, createBundle, publishBundle } from './bundle-helpers.js';
import { ID_NUMBER, USCC, move, publishedItem } from './case-helpers.js';
import { ok } from './case-review-helpers.js';

const RUNS = '/api/v1/bundle-runs';

/** 企业开办: 设立登记 and 刻章 side by side, then 参保 (another department). */
const twoStage = (i: BundleItems) => ({
  code: 'YJS-RUN', name: '企业开办一件事', stages: [{ name: '设立与刻章', itemIds: [i.company, i.seal] }, { name: '参保登记', itemIds: [i.insurance] }],
});

const FORM = { entName: '济南测试科技有限公司', registeredCapital: 100, uscc: USCC, employees: 5, phone: '13812345678' };
const MATERIALS = ['B01', 'B02', 'B03', 'B04'];
const enterprise = { kind: 'enterprise', name: '济南测试科技有限公司', uscc: USCC, phone: '13812345678' };

async function staff(t: TestApp, username: string, role: 'clerk' | 'deptLeader' | 'reviewer', centerId: string, departmentId: string | null): Promise<Session> {
  await createStaffUser(systemCtx(t.app.deps), { username, displayName: username, password: 'Bundle2026pw!', grants: [{ role, centerId, departmentId }] });
  return t.login(username, 'Bundle2026pw!');
}

for (const dialect of dialects()) {
  describe(`bundle runs [${dialect}]`, () => {
    let t: TestApp;
    let clerk: Session;
    let leader: Session;
    let leaderB: Session;
    let items: BundleItems;
    let bundleId: string;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      const admin = await t.login('admin');
      clerk = await t.login('clerk');
      leader = await t.login('leader');
      leaderB = await t.login('leaderB');
      items = await bundleItems(t);
      const b = await createBundle(t, admin, twoStage(items));
      bundleId = (await publishBundle(t, admin, b.id, b.version)).id;
    });
    afterEach(async () => t?.close());

    const start = (s: Session, over: object = {}) =>
      t.as(s, { method: 'POST', url: RUNS, payload: { bundleId, applicant: enterprise, form: FORM, materials: MATERIALS, ...over } });
    const getRun = async (id: string, s: Session = clerk) => ok(t.as(s, { url: `${RUNS}/${id}` }));
    const getCase = async (id: string, s: Session = clerk) => ok(t.as(s, { url: `/api/v1/cases/${id}` }));
    /** The department leader approves and concludes the case. */
    const approve = async (s: Session, caseId: string) => {
      const c = await getCase(caseId, s);
      const d = await ok(move(t, s, caseId, 'decide', { version: c.version, decision: { outcome: 'approved', note: '' } }));
      return ok(move(t, s, caseId, 'conclude', { version: d.version }));
    };

    it('opens stage 1 in parallel, stage 2 when both conclude, one fee sheet paid once, concluded at the end', async () => {
      const run = await ok(start(clerk));
      expect(run.runNo).toMatch(/^YJS370100260302\d{6}$/);
      expect(run).toMatchObject({ status: 'inProgress', stage: 0, stageCount: 2, acceptedOn: '2026-03-02', applicantName: '济南测试科技有限公司', version: 1 });
      // one deadline: max(3, 1) + 2 = 5 working days from Monday 2 March
      expect(run.limits).toEqual({ promisedLimit: 5, statutoryLimit: 30 });
      expect(run.promisedDue).toBe('2026-03-09');
      expect(run.materials.map((m: { code: string; received: boolean }) => [m.code, m.received])).toEqual([['B01', true], ['B02', true], ['B03', true], ['B04', true], ['B05', false]]);
      expect(run.form).toMatchObject({ entName: '济南测试科技有限公司', employees: 5 });
      const [s1, s2] = run.stages;
      expect(s1.status).toBe('inProgress');
      expect(s2).toMatchObject({ status: 'waiting', cases: [] });
      expect(s1.cases.map((c: { itemId: string; status: string; progress: string }) => [c.itemId, c.status, c.progress])).toEqual([
        [items.company, 'inReview', 'open'],
        [items.seal, 'inReview', 'open'],
      ]);
      const [company, seal] = s1.cases;
      expect(company.caseNo).not.toBe(seal.caseNo);
      expect(company.promisedDue).toBe('2026-03-05');
      // each child is a normal case: its own number, acceptance notice, clock
      const c1 = await getCase(company.caseId);
      expect(c1).toMatchObject({ status: 'inReview', caseNo: company.caseNo, acceptedOn: '2026-03-02' });
      expect(c1.applicant).toMatchObject({ kind: 'enterprise', uscc: USCC });
      expect(c1.notices.map((n: { kind: string }) => n.kind)).toContain('acceptance');
      expect(run.actions).toEqual(['assessFees']);

      // the fixed fee lines assessed once for the run
      const assessed = await ok(t.as(clerk, { method: 'POST', url: `${RUNS}/${run.id}/fees/assess`, payload: { version: run.version } }));
      expect(assessed.fees).toMatchObject({ totalFen: 12000, unpaidFen: 12000, paidFen: 0 });
      expect(assessed.fees.lines).toEqual([expect.objectContaining({ caseNo: seal.caseNo, itemName: '公章刻制备案', name: '公章刻制工本费', licenceNo: '鲁费证0001', amountFen: 12000, status: 'assessed' })]);
      expect(assessed.actions).toEqual(['assessFees', 'payFees']);
      // nothing left to assess: 409
      const again = await t.as(clerk, { method: 'POST', url: `${RUNS}/${run.id}/fees/assess`, payload: { version: assessed.version } });
      expect(again.statusCode).toBe(409);

      // one child concluded: the run waits for the other
      await approve(leader, company.caseId);
      let r = await getRun(run.id);
      expect(r.stage).toBe(0);
      expect(r.stages[0].cases[0].progress).toBe('done');
      expect(r.stages[1].cases).toEqual([]);
      // the second: stage 2 opens in the same transaction
      await approve(leader, seal.caseId);
      r = await getRun(run.id);
      expect(r).toMatchObject({ status: 'inProgress', stage: 1 });
      expect(r.stages[0].status).toBe('done');
      expect(r.stages[1].status).toBe('inProgress');
      const [insurance] = r.stages[1].cases;
      expect(insurance).toMatchObject({ itemId: items.insurance, departmentName: '住房和城乡建设局', status: 'inReview' });
      // the second stage's department's clerk works out its formula fee on its own case
      const clerkB = await staff(t, 'clerkb', 'clerk', t.org.cityId, t.org.deptB);
      const ic = await getCase(insurance.caseId, clerkB);
      await ok(move(t, clerkB, insurance.caseId, 'fees', { version: ic.version, lines: [{ line: 0, amountFen: 3000 }] }));

      r = await getRun(run.id);
      expect(r.fees).toMatchObject({ totalFen: 15000, unpaidFen: 15000 });
      expect(r.fees.lines.map((l: { itemName: string; amountFen: number }) => [l.itemName, l.amountFen])).toEqual([['公章刻制备案', 12000], ['单位参保登记', 3000]]);
      // pay once: online needs its reference (400), a stale version is refused (409)
      const noRef = await t.as(clerk, { method: 'POST', url: `${RUNS}/${run.id}/fees/pay`, payload: { version: r.version, method: 'online' } });
      expect(noRef.statusCode).toBe(400);
      expect(noRef.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['reference']);
      const stale = await t.as(clerk, { method: 'POST', url: `${RUNS}/${run.id}/fees/pay`, payload: { version: r.version - 1, method: 'cash' } });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('conflict');
      const paid = await ok(t.as(clerk, { method: 'POST', url: `${RUNS}/${run.id}/fees/pay`, payload: { version: r.version, method: 'online', reference: 'WX20260302001' } }));
      const receipt = `${run.runNo}-F01`;
      expect(paid.fees).toMatchObject({ totalFen: 15000, unpaidFen: 0, paidFen: 15000 });
      expect(paid.fees.lines.every((l: { status: string; receiptNo: string }) => l.status === 'paid' && l.receiptNo === receipt)).toBe(true);
      expect(paid.actions).toEqual(['assessFees']);
      // each child recorded its own payment with the same receipt and reference
      for (const id of [seal.caseId, insurance.caseId]) {
        const c = await getCase(id, id === seal.caseId ? clerk : clerkB);
        expect(c.fees[0].payment).toMatchObject({ method: 'online', reference: 'WX20260302001', receiptNo: receipt });
        expect(c.owedFen).toBe(0);
      }
      // the fee sheet as a PDF: both lines, the licence numbers, the one receipt and the total
      const pdf = await t.as(clerk, { url: `${RUNS}/${run.id}/fees/sheet.pdf` });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = pdfText(pdf.rawPayload).compact;
      // (narrow cells wrap: only words that fit one line are looked for)
      for (const w of ['一件事收费单', run.runNo, '公章刻制备案', '单位参保登记', '档案工本费', '120.00', '30.00', '应缴合计150.00元', '待缴0.00元']) expect(text).toContain(w);
      expect((await t.as(await t.login('countyadmin'), { url: `${RUNS}/${run.id}/fees/sheet.pdf` })).statusCode).toBe(403);
      const twice = await t.as(clerk, { method: 'POST', url: `${RUNS}/${run.id}/fees/pay`, payload: { version: paid.version, method: 'cash' } });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.code).toBe('invalidState');

      // the last stage concluded by its own department: the run is concluded
      await approve(leaderB, insurance.caseId);
      r = await getRun(run.id);
      expect(r).toMatchObject({ status: 'concluded', stage: 1, endedOn: '2026-03-02', stopReason: null });
      expect(r.stages.map((s: { status: string }) => s.status)).toEqual(['done', 'done']);

      // the action log: the run's own entries, and the chain intact
      const log = await t.tdb.db.kysely.selectFrom('action_log').select(['action', 'payload']).where('entity', '=', 'bundleRun').where('entity_id', '=', run.id).orderBy('pos').execute();
      expect(log.map((l) => l.action)).toEqual(['start', 'assessFees', 'openStage', 'payFees', 'conclude']);
      expect(JSON.parse(log[3].payload)).toMatchObject({ receiptNo: receipt, totalFen: 15000, reference: 'WX20260302001' });
      const submits = await t.tdb.db.kysely.selectFrom('action_log').select('payload').where('entity', '=', 'case').where('action', '=', 'submit').execute();
      expect(submits.filter((s) => JSON.parse(s.payload).bundleRunId === run.id)).toHaveLength(3);
      expect((await verifyAuditChain(t.app.deps)).ok).toBe(true);
      // the children carry their run on their row (what the moves' run hook goes by), other cases none
      const children = await t.tdb.db.kysely.selectFrom('bundle_run_cases').select('case_id').where('run_id', '=', run.id).execute();
      const marked = await t.tdb.db.kysely.selectFrom('cases').select(['id', 'bundle_run_id']).where('bundle_run_id', 'is not', null).execute();
      expect(marked.map((m) => m.id).sort()).toEqual(children.map((c) => c.case_id).sort());
      expect(new Set(marked.map((m) => m.bundle_run_id))).toEqual(new Set([run.id]));

      // the list
      const list = await ok(t.as(clerk, { url: `${RUNS}?status=concluded` }));
      expect(list).toMatchObject({ total: 1, items: [expect.objectContaining({ id: run.id, status: 'concluded' })] });
      expect((await ok(t.as(clerk, { url: `${RUNS}?status=stopped` }))).total).toBe(0);
    });

    it('a denied child stops the run with the reason; the next stage never opens', async () => {
      const run = await ok(start(clerk));
      const [company, seal] = run.stages[0].cases;
      const c = await getCase(company.caseId, leader);
      const d = await ok(move(t, leader, company.caseId, 'decide', { version: c.version, decision: { outcome: 'denied', reasons: ['名称不符合规定'], legalBasis: ['《企业名称登记管理规定》第十一条'] } }));
      await ok(move(t, leader, company.caseId, 'conclude', { version: d.version }));
      let r = await getRun(run.id);
      expect(r).toMatchObject({ status: 'stopped', stage: 0, endedOn: '2026-03-02' });
      expect(r.stopReason).toMatchObject({ caseId: company.caseId, message: expect.stringContaining(company.caseNo) });
      expect(r.stopReason.messageEn).toMatch(/was denied/);
      expect(r.stages[0].cases[0].progress).toBe('failed');
      expect(r.actions).toEqual([]);
      // the other child goes on as a case, but the run stays stopped
      await approve(leader, seal.caseId);
      r = await getRun(run.id);
      expect(r).toMatchObject({ status: 'stopped', stage: 0 });
      expect(r.stages[1].cases).toEqual([]);
      const log = await t.tdb.db.kysely.selectFrom('action_log').select('action').where('entity', '=', 'bundleRun').where('entity_id', '=', run.id).orderBy('pos').execute();
      expect(log.map((l) => l.action)).toEqual(['start', 'stop']);
      // assessing on a stopped run: 409
      const late = await t.as(clerk, { method: 'POST', url: `${RUNS}/${run.id}/fees/assess`, payload: { version: r.version } });
      expect(late.statusCode).toBe(409);
    });

    it('two children of a stage concluded at the same time open the next stage once', async () => {
      const run = await ok(start(clerk));
      const decided = [];
      for (const c of run.stages[0].cases) {
        const v = await getCase(c.caseId, leader);
        decided.push(await ok(move(t, leader, c.caseId, 'decide', { version: v.version, decision: { outcome: 'approved', note: '' } })));
      }
      const both = await Promise.all(decided.map((d) => move(t, leader, d.id, 'conclude', { version: d.version })));
      expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
      const r = await getRun(run.id);
      expect(r).toMatchObject({ status: 'inProgress', stage: 1 });
      expect(r.stages[1].cases).toHaveLength(1);
      const n = await t.tdb.db.kysely.selectFrom('bundle_run_cases').select('case_id').where('run_id', '=', run.id).execute();
      expect(n).toHaveLength(3);
    });

    it('takes an immediate item in only; concluding it on the spot at the window moves the run on', async () => {
      const admin = await t.login('admin');
      const quick = await publishedItem(t, {
        code: 'SCJG-JB-0009', name: '即办备案', handlingClass: 'immediate', promisedLimit: 0, statutoryLimit: 5,
        procedure: [{ name: '受理并办结', kind: 'accept', role: 'clerk', limitDays: 0 }],
      });
      const b = await createBundle(t, admin, { code: 'YJS-QUICK', name: '即办一件事', stages: [{ name: '即办', itemIds: [quick] }, { name: '刻章', itemIds: [items.seal] }] });
      await publishBundle(t, admin, b.id, b.version);
      const run = await ok(start(clerk, { bundleId: b.id, form: { entName: '即办测试公司', uscc: USCC, phone: '13812345678' }, materials: ['B01', 'B02', 'B03'] }));
      // one working day: 0 + 1
      expect(run).toMatchObject({ limits: { promisedLimit: 1 }, promisedDue: '2026-03-03' });
      const [c] = run.stages[0].cases;
      expect(c).toMatchObject({ status: 'submitted', progress: 'open' });
      const v = await getCase(c.caseId);
      await ok(move(t, clerk, c.caseId, 'conclude-immediately', { version: v.version, decision: { outcome: 'approved', note: '' } }));
      const r = await getRun(run.id);
      expect(r).toMatchObject({ stage: 1, status: 'inProgress' });
      expect(r.stages[1].cases).toEqual([expect.objectContaining({ itemId: items.seal, status: 'inReview' })]);
    });

    it('a withdrawn child stops the run too', async () => {
      const run = await ok(start(clerk));
      const seal = run.stages[0].cases[1];
      const c = await getCase(seal.caseId);
      await ok(move(t, clerk, seal.caseId, 'withdraw', { version: c.version, reason: '申请人书面申请撤回' }));
      const r = await getRun(run.id);
      expect(r.status).toBe('stopped');
      expect(r.stopReason.message).toContain('已撤回');
    });

    it('refuses bad input with 400 naming every field', async () => {
      const r1 = await start(clerk, {
        applicant: { kind: 'person', name: '张三', idNumber: '370102199003071230' },
        form: { entName: '', registeredCapital: -1 },
        materials: ['B01', 'B99'],
      });
      expect(r1.statusCode).toBe(400);
      const fields = r1.json().error.fields.map((f: { field: string }) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['applicant.idNumber', 'form.entName', 'form.registeredCapital', 'form.uscc', 'form.employees', 'materials.1', 'materials.B02', 'materials.B03', 'materials.B04']));
      expect(fields).not.toContain('materials.B05'); // optional
      const r2 = await start(clerk, { applicant: { ...enterprise, uscc: '91370100MA3C123450' } });
      expect(r2.statusCode).toBe(400);
      expect(r2.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['applicant.uscc']);
      const r3 = await start(clerk, { bundleId: '00000000-0000-0000-0000-000000000000' });
      expect(r3.statusCode).toBe(400);
      expect(r3.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['bundleId']);
      // a draft bundle takes no application
      const admin = await t.login('admin');
      const draft = await createBundle(t, admin, { ...twoStage(items), code: 'YJS-DRAFT' });
      const r4 = await start(clerk, { bundleId: draft.id });
      expect(r4.statusCode).toBe(400);
      expect(r4.json().error.fields[0]).toMatchObject({ field: 'bundleId', messageEn: expect.stringMatching(/not published/) });
      // a person with a valid ID number is accepted
      expect((await start(clerk, { applicant: { kind: 'person', name: '张三', idNumber: ID_NUMBER } })).statusCode).toBe(200);
      // the schema's own checks: a missing body part
      const r5 = await t.as(clerk, { method: 'POST', url: RUNS, payload: { bundleId } });
      expect(r5.statusCode).toBe(400);
    });

    it('keeps to scope: another center or department, or a role without intake, is refused', async () => {
      const county = await staff(t, 'countyclerk', 'clerk', t.org.countyId, t.org.deptCounty);
      const clerkB = await staff(t, 'clerkb', 'clerk', t.org.cityId, t.org.deptB);
      const reviewer = await t.login('reviewer');
      expect((await start(county)).statusCode).toBe(403);
      expect((await start(reviewer)).statusCode).toBe(403);
      // a clerk of any department of the bundle may start it (its window takes in for every item)
      const run = await ok(start(clerkB));
      expect(run.stages[0].cases.map((c: { departmentName: string }) => c.departmentName)).toEqual(['市场监督管理局', '市场监督管理局']);
      // a department of the bundle reads it; another center does not
      expect((await t.as(leaderB, { url: `${RUNS}/${run.id}` })).statusCode).toBe(200);
      expect((await t.as(county, { url: `${RUNS}/${run.id}` })).statusCode).toBe(403);
      expect((await ok(t.as(county, { url: RUNS }))).total).toBe(0);
      expect((await ok(t.as(clerk, { url: RUNS }))).total).toBe(1);
      // paying takes case:accept over the run: the leader has none
      const pay = await t.as(leader, { method: 'POST', url: `${RUNS}/${run.id}/fees/pay`, payload: { version: run.version, method: 'cash' } });
      expect(pay.statusCode).toBe(403);
      // a clerk of a department outside the bundle
      const admin = await t.login('admin');
      const dept = await ok(t.as(admin, { method: 'POST', url: '/api/v1/admin/departments', payload: { centerId: t.org.cityId, code: 'GA', name: '公安局' } }));
      const outsider = await staff(t, 'gaclerk', 'clerk', t.org.cityId, dept.id);
      expect((await start(outsider)).statusCode).toBe(403);
      expect((await t.as(outsider, { url: `${RUNS}/${run.id}` })).statusCode).toBe(403);
      expect((await ok(t.as(outsider, { url: RUNS }))).total).toBe(0);
      expect((await t.as(null, { url: RUNS })).statusCode).toBe(401);
    });

    it('answers public progress by number and code only, with no personal data; a wrong code like an unknown number', async () => {
      const run = await ok(start(clerk));
      const q = (runNo: string, code: string) => t.app.inject({ url: `/api/v1/public/bundle-progress?runNo=${runNo}&code=${code}` });
      const r = await q(run.runNo, run.verificationCode.toLowerCase());
      expect(r.statusCode, r.body).toBe(200);
      const p = r.json();
      expect(p).toMatchObject({ runNo: run.runNo, bundleName: '企业开办一件事', status: 'inProgress', promisedDue: '2026-03-09', centerName: '测试市政务服务中心' });
      expect(p.stages[0].cases).toHaveLength(2);
      expect(r.body).not.toContain(USCC);
      expect(r.body).not.toContain('济南测试科技有限公司');
      const wrong = await q(run.runNo, 'ZZZZZZ');
      const unknown = await q('YJS370100260302999999', run.verificationCode);
      expect(wrong.statusCode).toBe(404);
      expect(wrong.body).toBe(unknown.body);
    });
  });
}
