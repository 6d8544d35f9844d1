/**
 * The case journeys of issue 3 in Chromium against the real server with the demo data:
 * a promised, charged case taken in with a material missing → 补正材料通知书 → completed →
 * 受理通知书 → reviewed → approved → fees paid → delivered, with the public progress page showing
 * each step; an immediate case concluded in one sitting; a refusal with its 不予受理通知书.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdf.js';
import { launchBrowser, SCREENSHOT_DIR } from './helpers/browser.js';
import { confirmBox, newCase, noticePdf, openCase, statusOf } from './helpers/cases.js';
import { fill, login, tid } from './helpers/pages.js';
import { type RunningServer, startServer } from './helpers/server.js';

const PASSWORD = 'Demo@2026';
// 国有建设用地使用权及房屋所有权首次登记: promised, 审核 → 登簿, 不动产登记费
const CHARGED = '370791-BDC-QR-0001';
// 仅销售预包装食品备案: immediate
const IMMEDIATE = '370700-SCJG-DJ-0008';
const PERSON = { name: '王小明', idNumber: '370702199001011234', phone: '13905361234' };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function staffPage(username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await login(page, server.url, username, PASSWORD);
  return page;
}

describe('a promised case from the window to delivery', () => {
  it('takes it in with a material missing, completes it, accepts, reviews, approves, collects the fee and delivers; the public page follows', async () => {
    const clerk = await staffPage('bdcclerk');
    const caseUrl = await newCase(clerk, server.url, CHARGED, PERSON);
    const caseNo = (await tid(clerk, 'case-no').textContent())!.trim();
    const code = (await tid(clerk, 'case-verification-code').textContent())!.trim();
    expect(caseNo).toMatch(/^370791\d{12}$/); // the 不动产登记中心 sub-center's area code

    // every material received but the first: one supplement notice lists it
    await tid(clerk, 'materials-all-received').click();
    const first = tid(clerk, 'materials').locator('[data-testid^="material-M"][data-check]').first();
    const firstCode = (await first.getAttribute('data-testid'))!.replace('material-', '');
    await tid(clerk, `material-${firstCode}-missing`).click();
    await fill(clerk, `material-${firstCode}-note`, '请补充提交原件');
    await tid(clerk, 'action-supplement').click();
    await tid(clerk, 'supplement-save').click();
    await expect.poll(() => statusOf(clerk)).toBe('supplementRequired');
    const supplement = pdfText(await noticePdf(clerk, 'supplement')).compact;
    expect(supplement).toContain('补正材料通知书');
    expect(supplement).toContain(caseNo);
    expect(supplement).toContain('请补充提交原件');
    await clerk.screenshot({ path: path.join(SCREENSHOT_DIR, 'case-supplement.png') });

    // the applicant brings it: supplied, then accepted
    await tid(clerk, 'action-supply').click();
    // the dialog comes with every awaited material ticked
    await expect.poll(() => tid(clerk, `supply-${firstCode}`).locator('input').isChecked()).toBe(true);
    await tid(clerk, 'supply-save').click();
    await expect.poll(() => statusOf(clerk)).toBe('submitted');
    await tid(clerk, 'materials-all-received').click();
    await tid(clerk, 'action-accept').click();
    await confirmBox(clerk);
    await expect.poll(() => statusOf(clerk)).toBe('accepted');
    const acceptance = pdfText(await noticePdf(clerk, 'acceptance')).compact;
    expect(acceptance).toContain('受理通知书');
    expect(acceptance).toContain(caseNo);
    expect(acceptance).toContain(PERSON.name);

    // the fee assessed from the item's lines and paid at the window
    // a residential registration: the 住宅类 line only (the dialog offers every line of the item)
    await tid(clerk, 'action-assess-fee').click();
    for (const [i, want] of [[0, true], [1, false], [2, false]] as const) {
      const box = tid(clerk, `fee-line-${i}`);
      if ((await box.locator('input').isChecked()) !== want) await box.click();
    }
    await tid(clerk, 'fee-assess-save').click();
    await expect.poll(() => tid(clerk, 'fee-row').count()).toBe(1);
    await tid(clerk, 'fee-pay').first().click();
    await tid(clerk, 'pay-method-cash').click();
    await tid(clerk, 'pay-save').click();
    await expect.poll(() => tid(clerk, 'fee-row').first().getAttribute('data-status')).toBe('paid');

    await tid(clerk, 'action-start-review').click();
    await confirmBox(clerk);
    await expect.poll(() => statusOf(clerk)).toBe('inReview');

    // the reviewer finds the task in the inbox and completes it
    const reviewer = await staffPage('bdcreviewer');
    await reviewer.goto(`${server.url}/admin/review/tasks`);
    await tid(reviewer, 'tasks-row').filter({ hasText: caseNo }).click();
    await tid(reviewer, 'task-complete').first().click();
    await fill(reviewer, 'task-complete-text', '材料齐全，权属清楚，同意登簿');
    await tid(reviewer, 'task-complete-save').click();
    await expect.poll(() => tid(reviewer, 'task-row').first().getAttribute('data-status')).toBe('completed');

    // the head of the registration center approves and concludes
    const leader = await staffPage('bdcleader');
    await openCase(leader, server.url, caseUrl);
    await tid(leader, 'action-decide').click();
    await tid(leader, 'decide-approve').click();
    await fill(leader, 'decide-note', '准予登记');
    await tid(leader, 'decide-save').click();
    await tid(leader, 'notice-row').and(leader.locator('[data-kind="approval"]')).waitFor();
    await tid(leader, 'action-conclude').click();
    await confirmBox(leader);
    await expect.poll(() => statusOf(leader)).toBe('concluded');
    const approval = pdfText(await noticePdf(leader, 'approval')).compact;
    expect(approval).toContain('准予许可决定书');
    expect(approval).toContain(caseNo);

    // delivered at the window to the applicant in person
    await openCase(clerk, server.url, caseUrl);
    await tid(clerk, 'action-deliver').click();
    await tid(clerk, 'deliver-method-window').click();
    await fill(clerk, 'deliver-receiver-name', PERSON.name);
    await fill(clerk, 'deliver-receiver-id', PERSON.idNumber);
    await tid(clerk, 'deliver-save').click();
    await expect.poll(() => statusOf(clerk)).toBe('delivered');
    const kinds = await tid(clerk, 'notice-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['supplement', 'acceptance', 'approval', 'deliveryReceipt']);
    await clerk.screenshot({ path: path.join(SCREENSHOT_DIR, 'case-delivered.png'), fullPage: true });

    // the public progress page, on a phone, anonymous: every step, no personal data
    const history = await tid(clerk, 'history-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(`${server.url}/progress?${new URLSearchParams({ caseNo, code })}`);
    await expect.poll(() => tid(phone, 'progress-status').getAttribute('data-status')).toBe('delivered');
    const steps = await tid(phone, 'progress-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect([...steps].sort()).toEqual([...history].sort());
    expect(steps).toEqual(expect.arrayContaining(['submit', 'requestSupplement', 'supply', 'accept', 'payFee', 'startReview', 'completeTask', 'decide', 'conclude', 'deliver']));
    const body = (await phone.locator('body').textContent())!;
    expect(body).not.toContain(PERSON.name);
    expect(body).not.toContain(PERSON.idNumber);
    await phone.screenshot({ path: path.join(SCREENSHOT_DIR, 'progress-phone.png'), fullPage: true });

    // a wrong code is told apart from nothing
    await phone.goto(`${server.url}/progress`);
    await fill(phone, 'progress-case-no', caseNo);
    await fill(phone, 'progress-code', code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA');
    await tid(phone, 'progress-submit').click();
    await expect.poll(() => tid(phone, 'progress-error').textContent()).toContain('查询码');
  });
});

describe('the window alone', () => {
  it('concludes an immediate case in one sitting', async () => {
    const clerk = await staffPage('clerk');
    await newCase(clerk, server.url, IMMEDIATE, PERSON);
    await tid(clerk, 'materials-all-received').click();
    await tid(clerk, 'action-conclude-immediately').click();
    await tid(clerk, 'decide-approve').click();
    await tid(clerk, 'decide-save').click();
    await expect.poll(() => statusOf(clerk)).toBe('concluded');
    const approval = pdfText(await noticePdf(clerk, 'approval')).compact;
    expect(approval).toContain('准予许可决定书');
    await clerk.screenshot({ path: path.join(SCREENSHOT_DIR, 'case-immediate.png') });
  });

  it('refuses a case with its reason and prints the 不予受理通知书', async () => {
    const clerk = await staffPage('clerk');
    await newCase(clerk, server.url, IMMEDIATE, { ...PERSON, name: '赵六' });
    await tid(clerk, 'action-refuse').click();
    await fill(clerk, 'refuse-reason', '申请人申请的事项依法不需要取得行政许可');
    await fill(clerk, 'refuse-legal-basis', '《中华人民共和国行政许可法》第三十二条第一款第一项');
    await tid(clerk, 'refuse-save').click();
    await expect.poll(() => statusOf(clerk)).toBe('notAccepted');
    const refusal = pdfText(await noticePdf(clerk, 'refusal')).compact;
    expect(refusal).toContain('不予受理通知书');
    expect(refusal).toContain('依法不需要取得行政许可');
    expect(refusal).toContain('赵六');
  });
});
