/**
 * The back office on both databases, with the TestClock (time moves only when a test says):
 * review started from the item's procedure, tasks worked by the department's reviewer, returned
 * to the previous step, the decision (leader; chief rep only on a delegated item), conclusion,
 * delivery, withdrawal, the task inbox and its lights — every action in the verified audit chain.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RIGHTS_STATEMENT } from '../../src/domain/case/index.js';
import { verifyAuditChain } from '../../src/server/services/audit/verify.js';
import { systemCtx } from '../../src/server/services/context.js';
import { createDelegation } from '../../src/server/services/organisation/index.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { ID_NUMBER, intake, move, publishedItem } from './case-helpers.js';
import { caseInReview, inbox, ok, openTask, reviewItem, staffIn, taskMove } from './case-review-helpers.js';

const DENIAL = { outcome: 'denied', reasons: ['经营场所与申请材料不符'], legalBasis: ['《中华人民共和国行政许可法》第三十八条第二款'] };

for (const dialect of dialects()) {
  describe(`case handling in the back office [${dialect}]`, () => {
    let t: TestApp;
    let clerk: Session;
    let reviewer: Session;
    let leader: Session;
    let itemId: string;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      [clerk, reviewer, leader] = [await t.login('clerk'), await t.login('reviewer'), await t.login('leader')];
      itemId = await reviewItem(t);
    });
    afterEach(async () => t?.close());
    /** Moves the clock to `iso`; sessions last 12 hours, so the staff sign in again that day. */
    const setClock = async (iso: string) => {
      t.clock.set(iso);
      [clerk, reviewer, leader] = [await t.login('clerk'), await t.login('reviewer'), await t.login('leader')];
    };

    it('runs a promised case: accept → review (tasks by the reviewer) → decided by the leader → concluded → delivered; every action in the audit chain', async () => {
      const c = await caseInReview(t, clerk, itemId);
      expect(c.status).toBe('inReview');
      // 受理 and 决定 are moves of their own: only 初审 and 复核 are tasks, opened one after another
      expect(c.tasks).toEqual([
        { id: '2.1', name: '初审', assignee: { departmentId: t.org.deptA, role: 'reviewer', userId: null }, limitDays: 3, openedOn: '2026-03-02', status: 'open', deadline: '2026-03-05', light: 'green', kind: 'review', answer: null, opinion: null, closedOn: null, workable: false },
      ]);
      // the clerk who sent it on may not work it; the department's reviewer may
      expect((await ok(t.as(reviewer, { url: `/api/v1/cases/${c.id}` }))).tasks.map((x: { workable: boolean }) => x.workable)).toEqual([true]);
      expect(c.actions.map((a: { kind: string }) => a.kind)).toEqual(['submit', 'accept', 'startReview', 'openTask']);

      await setClock('2026-03-03T02:00:00.000Z');
      const first = await ok(taskMove(t, reviewer, c.id, '2.1', 'complete', { version: c.version, opinion: '材料齐全，符合条件' }));
      expect(first.tasks.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([['2.1', 'completed'], ['3.1', 'open']]);
      expect(first.tasks[1]).toMatchObject({ name: '复核', openedOn: '2026-03-03', deadline: '2026-03-05' });
      expect(first.version).toBe(c.version + 2); // completeTask + the next step's openTask

      // no decision while a task is open: 409 naming the status and the task
      const early = await move(t, leader, c.id, 'decide', { version: first.version, decision: { outcome: 'approved' } });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.code).toBe('invalidState');
      expect(early.json().error.message).toContain('审查中');
      expect(early.json().error.message).toContain('复核');

      const reviewed = await ok(taskMove(t, reviewer, c.id, '3.1', 'complete', { version: first.version, opinion: '同意' }));
      expect(reviewed.tasks.every((x: { status: string }) => x.status === 'completed')).toBe(true);
      // the reviewer's part is done: nothing left to complete or return, and no decision to make
      expect(reviewed.availableActions).not.toContain('completeTask');
      expect(reviewed.availableActions).not.toContain('returnTask');
      expect(reviewed.availableActions).not.toContain('decide');
      const decided = await ok(move(t, leader, c.id, 'decide', { version: reviewed.version, decision: { outcome: 'approved', note: '准予许可' } }));
      expect(decided).toMatchObject({ status: 'inReview', outcome: 'approved', decision: { outcome: 'approved', note: '准予许可', on: '2026-03-03' } });
      expect(decided.availableActions).toContain('conclude');
      const concluded = await ok(move(t, leader, c.id, 'conclude', { version: decided.version }));
      expect(concluded).toMatchObject({ status: 'concluded', concludedOn: '2026-03-03', clock: { stopped: true, elapsed: 1 } });

      await setClock('2026-03-04T03:00:00.000Z');
      const badId = await move(t, clerk, c.id, 'deliver', { version: concluded.version, delivery: { method: 'window', receiver: { name: '李四', idNumber: ID_NUMBER.slice(0, 17) + (ID_NUMBER[17] === '1' ? '2' : '1') } } });
      expect(badId.statusCode).toBe(400);
      expect(badId.json().error.fields[0].field).toBe('delivery.receiver.idNumber');
      const delivered = await ok(move(t, clerk, c.id, 'deliver', { version: concluded.version, delivery: { method: 'window', receiver: { name: '李四', idNumber: ID_NUMBER } } }));
      expect(delivered.status).toBe('delivered');
      const kinds = delivered.actions.map((a: { kind: string }) => a.kind);
      expect(kinds).toEqual(['submit', 'accept', 'startReview', 'openTask', 'completeTask', 'openTask', 'completeTask', 'decide', 'conclude', 'deliver']);
      expect(delivered.actions.at(-1).payload).toEqual({ delivery: { method: 'window', receiver: { name: '李四', idType: 'idCard', idNumber: ID_NUMBER } } });

      const k = t.tdb.db.kysely;
      expect(await k.selectFrom('cases').select(['status', 'outcome', 'version']).where('id', '=', c.id).executeTakeFirstOrThrow()).toEqual({ status: 'delivered', outcome: 'approved', version: 10 });
      // one audit row per action, in order, and the chain verifies
      const audit = await k.selectFrom('action_log').select('action').where('entity', '=', 'case').where('entity_id', '=', c.id).orderBy('pos').execute();
      expect(audit.map((a) => a.action)).toEqual(kinds);
      const v = await verifyAuditChain(t.app.deps);
      expect(v.ok, JSON.stringify(v.brokenAt)).toBe(true);
    });

    it("refuses a reviewer of another department the task (403), and leaves the case as it was", async () => {
      const reviewerB = await staffIn(t, 'reviewerb', 'reviewer', t.org.deptB);
      const c = await caseInReview(t, clerk, itemId);
      const r = await taskMove(t, reviewerB, c.id, '2.1', 'complete', { version: c.version, opinion: '同意' });
      expect(r.statusCode).toBe(403);
      const back = await taskMove(t, reviewerB, c.id, '2.1', 'return', { version: c.version, reason: '退回' });
      expect(back.statusCode).toBe(403);
      // nor does the department's clerk work a reviewer's task
      expect((await taskMove(t, clerk, c.id, '2.1', 'complete', { version: c.version, opinion: '' })).statusCode).toBe(403);
      const now = await ok(t.as(reviewer, { url: `/api/v1/cases/${c.id}` }));
      expect(now.version).toBe(c.version);
      expect(openTask(now).id).toBe('2.1');
      expect(now.availableActions).toContain('completeTask');
    });

    it('returns a task to the previous step with a reason: the previous task is worked again, then the next step opens anew', async () => {
      const c = await caseInReview(t, clerk, itemId);
      const noPrev = await taskMove(t, reviewer, c.id, '2.1', 'return', { version: c.version, reason: '无上一环节' });
      expect(noPrev.statusCode).toBe(409);
      expect(noPrev.json().error.message).toContain('上一环节');
      const first = await ok(taskMove(t, reviewer, c.id, '2.1', 'complete', { version: c.version, opinion: '同意' }));
      const blank = await taskMove(t, reviewer, c.id, '3.1', 'return', { version: first.version, reason: ' ' });
      expect(blank.statusCode).toBe(400);
      expect(blank.json().error.fields[0].field).toBe('reason');

      await setClock('2026-03-04T02:00:00.000Z');
      const back = await ok(taskMove(t, reviewer, c.id, '3.1', 'return', { version: first.version, reason: '现场照片不清，请重新核查' }));
      expect(back.tasks.map((x: { id: string; status: string; openedOn: string }) => [x.id, x.status, x.openedOn])).toEqual([
        ['2.1', 'open', '2026-03-04'],
        ['3.1', 'returned', '2026-03-02'],
      ]);
      expect(back.actions.at(-1)).toMatchObject({ kind: 'returnTask', payload: { taskId: '3.1', reason: '现场照片不清，请重新核查' } });
      const again = await ok(taskMove(t, reviewer, c.id, '2.1', 'complete', { version: back.version, opinion: '已重新核查' }));
      expect(openTask(again)).toMatchObject({ id: '3.2', name: '复核', openedOn: '2026-03-04' });
      // a stale version is a conflict naming the case
      const stale = await taskMove(t, reviewer, c.id, '3.2', 'complete', { version: back.version, opinion: '同意' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.message).toContain(c.caseNo);
    });

    it('lets the chief rep decide a delegated item at the window, not an item that is not delegated (403); a denial needs its reasons and legal basis', async () => {
      const chief = await t.login('chiefrep');
      const delegated = await publishedItem(t, { code: 'SCJG-XK-0201', name: '授权事项' });
      await createDelegation(systemCtx(t.app.deps), { departmentId: t.org.deptA, itemId: delegated });
      const d = await intake(t, clerk, delegated);
      const da = await ok(move(t, clerk, d.id, 'accept', { version: d.version }));
      expect(da.availableActions).toEqual(expect.arrayContaining(['startReview']));

      const noReasons = await move(t, chief, d.id, 'decide', { version: da.version, decision: { ...DENIAL, reasons: [] } });
      expect(noReasons.statusCode).toBe(400);
      expect(noReasons.json().error.fields[0].field).toBe('decision.reasons');
      const noBasis = await move(t, chief, d.id, 'decide', { version: da.version, decision: { ...DENIAL, legalBasis: [] } });
      expect(noBasis.statusCode).toBe(400);
      expect(noBasis.json().error.fields[0].field).toBe('decision.legalBasis');
      const forwarded = await move(t, chief, d.id, 'decide', { version: da.version, decision: { outcome: 'forwarded', authority: '省市场监督管理局' } });
      expect(forwarded.statusCode).toBe(400);
      expect(forwarded.json().error.fields[0].field).toBe('decision.outcome');

      const denied = await ok(move(t, chief, d.id, 'decide', { version: da.version, decision: DENIAL }));
      expect(denied).toMatchObject({ status: 'accepted', outcome: 'denied', decision: { ...DENIAL, rightsStatement: DEFAULT_RIGHTS_STATEMENT } });
      expect(denied.actions.at(-1)).toMatchObject({ kind: 'decide', role: 'chiefRep' });
      const concluded = await ok(move(t, chief, d.id, 'conclude', { version: denied.version }));
      expect(concluded.status).toBe('concluded');

      // the review item is not delegated: the chief rep may not decide it, the leader may
      const c = await intake(t, clerk, itemId);
      const ca = await ok(move(t, clerk, c.id, 'accept', { version: c.version }));
      expect(ca.availableActions).not.toContain('decide');
      const refused = await move(t, chief, c.id, 'decide', { version: ca.version, decision: { outcome: 'approved' } });
      expect(refused.statusCode).toBe(403);
      const byLeader = await ok(move(t, leader, c.id, 'decide', { version: ca.version, decision: { outcome: 'approved' } }));
      expect(byLeader.actions.at(-1)).toMatchObject({ kind: 'decide', role: 'deptLeader' });
    });

    it('opens no task for the steps after the decision (制证送达): the last review task done, the leader decides', async () => {
      const certified = await publishedItem(t, {
        code: 'SCJG-XK-0202',
        name: '制证事项',
        procedure: [
          { name: '受理', kind: 'accept', role: 'clerk', limitDays: 0 },
          { name: '审查', kind: 'review', role: 'reviewer', limitDays: 3 },
          { name: '决定', kind: 'decide', role: 'deptLeader', limitDays: 2 },
          { name: '制证送达', kind: 'certify', role: 'clerk', limitDays: 1 },
        ],
      });
      const c = await caseInReview(t, clerk, certified);
      const done = await ok(taskMove(t, reviewer, c.id, openTask(c).id, 'complete', { version: c.version, opinion: '材料齐全，符合条件' }));
      expect(done.tasks.map((x: { name: string; status: string }) => `${x.name}:${x.status}`)).toEqual(['审查:completed']);
      const decided = await ok(move(t, leader, c.id, 'decide', { version: done.version, decision: { outcome: 'approved' } }));
      expect(decided.outcome).toBe('approved');
    });

    it("lists the department's open tasks by light then deadline, and shows a yellow card once the clock passes a task's limit", async () => {
      // X: 初审 limit 3 taken on Monday; Y: another item whose first step has the same limit, a day later
      const x = await caseInReview(t, clerk, itemId);
      await setClock('2026-03-03T02:00:00.000Z');
      const itemY = await reviewItem(t, 'SCJG-XK-0102');
      const y = await caseInReview(t, clerk, itemY);
      const xDone = await ok(taskMove(t, reviewer, x.id, '2.1', 'complete', { version: x.version, opinion: '同意' })); // X: 复核, 2 days from the 3rd

      const today = await inbox(t, reviewer);
      expect(today.total).toBe(2);
      // X's 复核 is due on the 5th (2 days left: warning), Y's 初审 on the 6th (green)
      expect(today.items.map((i) => [i.caseNo, i.taskName, i.deadline, i.light, i.workable])).toEqual([
        [x.caseNo, '复核', '2026-03-05', 'warning', true],
        [y.caseNo, '初审', '2026-03-06', 'green', true],
      ]);
      // the leader sees the department's tasks, but they are the reviewers' to work
      expect((await inbox(t, leader)).items.map((i) => [i.taskId, i.workable])).toEqual([['3.1', false], ['2.1', false]]);
      // another department's reviewer sees none of them
      const reviewerB = await staffIn(t, 'reviewerb', 'reviewer', t.org.deptB);
      expect((await inbox(t, reviewerB)).total).toBe(0);
      // the clerk does not review
      expect((await t.as(clerk, { url: '/api/v1/review/tasks' })).statusCode).toBe(403);

      // nothing moves until the test moves the clock: Friday the 6th, X's task is past its limit
      await setClock('2026-03-06T02:00:00.000Z');
      const friday = await inbox(t, reviewer);
      expect(friday.items.map((i) => [i.caseNo, i.light])).toEqual([
        [x.caseNo, 'yellowCard'],
        [y.caseNo, 'warning'],
      ]);
      const seen = await ok(t.as(reviewer, { url: `/api/v1/cases/${x.id}` }));
      expect(openTask(seen)).toMatchObject({ id: '3.1', light: 'yellowCard' });
      expect(seen.light).toBe('green'); // the case itself is within its promised limit (the 16th)
      expect(xDone.version).toBe(seen.version);
    });

    it('delivers by mail with a tracking number, and records a written withdrawal at the window (clerk only)', async () => {
      const chief = await t.login('chiefrep');
      const c = await caseInReview(t, clerk, itemId);
      let v = c.version;
      for (const task of ['2.1', '3.1']) v = (await ok(taskMove(t, reviewer, c.id, task, 'complete', { version: v, opinion: '同意' }))).version;
      v = (await ok(move(t, leader, c.id, 'decide', { version: v, decision: { outcome: 'approved' } }))).version;
      const early = await move(t, clerk, c.id, 'deliver', { version: v, delivery: { method: 'mail', carrier: '中国邮政EMS', trackingNo: '1234567890123' } });
      expect(early.statusCode).toBe(409); // decided but not concluded
      v = (await ok(move(t, leader, c.id, 'conclude', { version: v }))).version;
      const noTracking = await move(t, clerk, c.id, 'deliver', { version: v, delivery: { method: 'mail', carrier: '中国邮政EMS', trackingNo: '' } });
      expect(noTracking.statusCode).toBe(400);
      expect(noTracking.json().error.fields[0].field).toBe('delivery.trackingNo');
      const mailed = await ok(move(t, chief, c.id, 'deliver', { version: v, delivery: { method: 'mail', carrier: '中国邮政EMS', trackingNo: '1234567890123' } }));
      expect(mailed.status).toBe('delivered');

      const w = await intake(t, clerk, itemId);
      const refused = await move(t, chief, w.id, 'withdraw', { version: w.version, reason: '申请人书面申请撤回' });
      expect(refused.statusCode).toBe(403);
      const noReason = await move(t, clerk, w.id, 'withdraw', { version: w.version, reason: '' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.fields[0].field).toBe('reason');
      const withdrawn = await ok(move(t, clerk, w.id, 'withdraw', { version: w.version, reason: '申请人书面申请撤回' }));
      expect(withdrawn.status).toBe('withdrawn');
      const v2 = await verifyAuditChain(t.app.deps);
      expect(v2.ok, JSON.stringify(v2.brokenAt)).toBe(true);
    });
  });
}
