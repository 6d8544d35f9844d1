/**
 * The joint case journey of issue 4 (并联审批) in Chromium against the real server with the demo
 * data: 建设工程竣工联合验收, led by 市行政审批服务局 with three co-departments (规划核实 by
 * 市自然资源规划局, 消防验收 by 市住房城乡建设局, 人防验收 by 市人防办) under deemed consent (超时默认).
 * The window takes the case in, accepts it and sends it to review: the three opinions open at
 * once. Two co-departments answer 同意 in their own browsers; the third stays silent. Its limit is
 * made to pass (the case's history moved a week back, its opinion timer due now — see
 * helpers/joint.ts); the server's sweeper closes it as 超时默认 and the lead's open page shows it on
 * reload. The head of the lead department approves and concludes; the case page shows the three
 * branches, each with its department, answer and light. Screenshot: docs/screenshots/joint-case.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR } from './helpers/browser.js';
import { confirmBox, newCase, openCase, statusOf } from './helpers/cases.js';
import { idNumber } from './helpers/hall.js';
import { apiLogin, createStaff, type JointStaff, opinionTimerDueNow, opinionTimers } from './helpers/joint.js';
import { fill, login, tid } from './helpers/pages.js';
import { type RunningServer, startServer } from './helpers/server.js';
import { apiGet, backdateCase, setStoredDeadlines, shanghaiToday } from './helpers/supervision.js';

const PASSWORD = 'Demo@2026';
const ITEM = '370700-SPJ-QT-0001';
/** the co-departments in procedure order (steps 2–4), each with its own limit of 3 working days */
const CO = ['ZRGH', 'ZJJ', 'RFB'] as const;
const SILENT = 'RFB';
/** a week back: past the opinions' 3 working days, within the promised 10 */
const BACK_DAYS = 7;
const STAFF: JointStaff[] = [
  { username: 'spjclerk', displayName: '孔晓燕（审批服务局窗口）', role: 'clerk', dept: 'SPJ', window: 'B07' },
  { username: 'spjleader', displayName: '廖振宇（审批服务局局长）', role: 'deptLeader', dept: 'SPJ' },
  { username: 'zrghreviewer', displayName: '李明华（规划核实）', role: 'reviewer', dept: 'ZRGH' },
  { username: 'zjjreviewer', displayName: '周德胜（消防验收）', role: 'reviewer', dept: 'ZJJ' },
  { username: 'rfbreviewer', displayName: '熊永刚（人防验收）', role: 'reviewer', dept: 'RFB' },
];

let server: RunningServer;
let browser: Browser;
let deptIds: Map<string, string>;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ TIMER_INTERVAL_MS: '500' }), launchBrowser()]);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  deptIds = await createStaff(server.url, await apiLogin(server.url, 'admin', PASSWORD), STAFF, PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function staffPage(username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  await login(page, server.url, username, PASSWORD);
  return page;
}

/** The row of the case's task table holding task `taskId`. */
const taskTr = (page: Page, taskId: string) => page.locator('tr', { has: page.locator(`[data-testid="task-row"][data-id="${taskId}"]`) });

/** Visible inside the task table's own width (not only scrolled into it). */
async function inTable(page: Page, el: Locator): Promise<boolean> {
  if (!(await el.isVisible())) return false;
  const [box, table] = [await el.boundingBox(), await tid(page, 'case-tasks').boundingBox()];
  return !!box && !!table && box.x >= table.x && box.x + box.width <= table.x + table.width;
}

interface Branch {
  id: string;
  status: string | null;
  department: string | null;
  departmentName: string;
  answer: string | null;
  light: string | null;
}

/** The opinion rows (会签) of the case page as shown. */
async function branches(page: Page): Promise<Branch[]> {
  const rows = page.locator('tr', { has: page.locator('[data-testid="task-kind"][data-kind="opinion"]') });
  const out: Branch[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const r = rows.nth(i);
    const dept = r.locator('[data-testid="task-department"]');
    const answer = r.locator('[data-testid="task-answer"]');
    out.push({
      id: (await r.locator('[data-testid="task-row"]').getAttribute('data-id'))!,
      status: await r.locator('[data-testid="task-row"]').getAttribute('data-status'),
      department: (await dept.count()) ? await dept.getAttribute('data-id') : null,
      departmentName: (await dept.count()) ? (await dept.textContent())!.trim() : '',
      answer: (await answer.count()) ? await answer.getAttribute('data-answer') : null,
      light: await r.locator('[data-testid="task-light"]').getAttribute('data-light'),
    });
  }
  return out;
}

/** A co-department's reviewer finds the opinion in the inbox and answers 同意. */
async function agree(reviewer: Page, caseNo: string, opinion: string): Promise<string> {
  await reviewer.goto(`${server.url}/admin/review/tasks`);
  const row = tid(reviewer, 'tasks-row').filter({ hasText: caseNo });
  await expect.poll(() => row.count()).toBe(1); // one task of this department, not the others'
  const taskId = (await row.getAttribute('data-task'))!;
  await row.click();
  await tid(reviewer, 'case-no').waitFor();
  await taskTr(reviewer, taskId).locator('[data-testid="task-complete"]').click();
  await tid(reviewer, 'task-complete-answer-agree').click();
  await fill(reviewer, 'task-complete-text', opinion);
  await tid(reviewer, 'task-complete-save').click();
  await expect.poll(() => taskTr(reviewer, taskId).locator('[data-testid="task-row"]').getAttribute('data-status')).toBe('completed');
  await expect(taskTr(reviewer, taskId).locator('[data-testid="task-answer"]').getAttribute('data-answer')).resolves.toBe('agree');
  return taskId;
}

describe('并联审批: a joint case with three co-departments, one of them silent', () => {
  it('opens three opinions at once; two agree, the silent one is closed as 超时默认 by the timer; the lead approves', async () => {
    // the lead department's window: taken in, accepted, sent to review
    const clerk = await staffPage('spjclerk');
    const caseUrl = await newCase(clerk, server.url, ITEM, { name: '吴建设', idNumber: idNumber('19800214', 321), phone: '13905360404' });
    const caseId = caseUrl.split('/').pop()!;
    const caseNo = (await tid(clerk, 'case-no').textContent())!.trim();
    await tid(clerk, 'materials-all-received').click();
    await tid(clerk, 'action-accept').click();
    await confirmBox(clerk);
    await expect.poll(() => statusOf(clerk)).toBe('accepted');
    await tid(clerk, 'action-start-review').click();
    await confirmBox(clerk);
    await expect.poll(() => statusOf(clerk)).toBe('inReview');

    // one opinion per co-department, all open at once, each named by its department
    const coIds = CO.map((c) => deptIds.get(c)!);
    const names = ['潍坊市自然资源和规划局', '潍坊市住房和城乡建设局', '潍坊市人民防空办公室'];
    // (the names come from the item's guide, a moment after the case)
    await expect.poll(async () => (await branches(clerk)).map((b) => [b.status, b.departmentName])).toEqual(names.map((n) => ['open', n]));
    const opened = await branches(clerk);
    expect(opened.map((b) => b.department)).toEqual(coIds);
    expect(opened.map((b) => b.light)).toEqual(['green', 'green', 'green']);
    await expect(tid(clerk, 'action-decide').count()).resolves.toBe(0);

    // two co-departments answer 同意, each in its own browser
    const agreed = [
      await agree(await staffPage('zrghreviewer'), caseNo, '经核实，建设工程符合规划条件，同意'),
      await agree(await staffPage('zjjreviewer'), caseNo, '消防验收（备案）抽查合格，同意'),
    ];
    const silentTask = opened[CO.indexOf(SILENT)].id;
    expect(agreed).toEqual(opened.filter((b) => b.id !== silentTask).map((b) => b.id));

    // the lead department's head waits: the third opinion is still open, no decision yet
    const leader = await staffPage('spjleader');
    await openCase(leader, server.url, caseUrl);
    await expect(tid(leader, 'action-decide').count()).resolves.toBe(0);
    expect((await branches(leader)).map((b) => b.answer)).toEqual(['agree', 'agree', null]);

    // 人防办 stays silent: a week passes, the timer falls due and the sweeper closes its opinion
    backdateCase(server, caseId, BACK_DAYS);
    const view = await apiGet<{ deadlines: { promised: string; statutory: string }; tasks: { id: string; deadline: string }[] }>(leader, `/api/v1/cases/${caseId}`);
    const today = shanghaiToday();
    expect(view.tasks.find((x) => x.id === silentTask)!.deadline < today).toBe(true);
    expect(view.deadlines.promised >= today).toBe(true);
    setStoredDeadlines(server, caseId, view.deadlines);
    expect(opinionTimerDueNow(server, caseId, silentTask)).toBe(1);
    await expect
      .poll(
        async () => {
          const failed = opinionTimers(server, caseId).filter((x) => x.last_error);
          if (failed.length) throw new Error(`opinion timer failed: ${failed.map((x) => x.last_error).join('; ')}`);
          await leader.reload();
          await tid(leader, 'case-no').waitFor();
          return (await branches(leader)).find((b) => b.id === silentTask)?.answer ?? null;
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe('deemedConsent');
    const silentRow = taskTr(leader, silentTask);
    await expect(silentRow.locator('[data-testid="task-answer"]').textContent()).resolves.toContain('超时默认');
    await expect(silentRow.locator('[data-testid="task-closed-on"]').textContent()).resolves.toBe(today);
    // closed by the system, in the history
    const history = await apiGet<{ actions: { kind: string; role: string; payload: { taskId?: string; answer?: string } }[] }>(leader, `/api/v1/cases/${caseId}`);
    const closing = history.actions.find((a) => a.kind === 'completeTask' && a.payload.taskId === silentTask);
    expect(closing?.role).toBe('system');
    const entry = leader.locator('.el-timeline-item', { has: leader.locator('[data-testid="history-item"][data-kind="completeTask"]') }).filter({ hasText: '人防工程竣工验收' });
    await expect(entry.textContent()).resolves.toContain('超时默认同意');
    await expect(entry.locator('[data-testid="history-actor"]').textContent()).resolves.toBe('系统');

    // the lead decides: approved, then concluded
    await tid(leader, 'action-decide').click();
    await tid(leader, 'decide-approve').click();
    await fill(leader, 'decide-note', '规划、消防、人防意见均已出具（人防超时默认同意），准予通过联合验收');
    await tid(leader, 'decide-save').click();
    await tid(leader, 'notice-row').and(leader.locator('[data-kind="approval"]')).waitFor();
    await tid(leader, 'action-conclude').click();
    await confirmBox(leader);
    await expect.poll(() => statusOf(leader)).toBe('concluded');

    // the three branches: three co-departments, two 同意 and one 超时默认, each with its light
    await expect.poll(async () => (await branches(leader)).map((b) => b.department)).toEqual(coIds);
    const done = await branches(leader);
    expect(done.map((b) => b.departmentName)).toEqual(names);
    expect(done.map((b) => b.status)).toEqual(['completed', 'completed', 'completed']);
    expect(done.map((b) => b.answer)).toEqual(['agree', 'agree', 'deemedConsent']);
    // answered within their limits: green; the silent one closed past its limit: yellow card
    expect(done.map((b) => b.light)).toEqual(['green', 'green', 'yellowCard']);
    // shown, not hidden behind the table's horizontal scroll
    for (const b of done) {
      await expect(inTable(leader, taskTr(leader, b.id).locator(`[data-testid="task-light"] .el-tag[data-light="${b.light}"]`))).resolves.toBe(true);
      await expect(inTable(leader, taskTr(leader, b.id).locator('[data-testid="task-answer"]'))).resolves.toBe(true);
      await expect(inTable(leader, taskTr(leader, b.id).locator('[data-testid="task-department"]'))).resolves.toBe(true);
    }

    await leader.evaluate(() => document.querySelectorAll('.el-message, .el-notification').forEach((e) => e.remove()));
    await leader.evaluate(() => window.scrollTo(0, 0));
    await leader.screenshot({ path: path.join(SCREENSHOT_DIR, 'joint-case.png'), fullPage: true });
  });
});
