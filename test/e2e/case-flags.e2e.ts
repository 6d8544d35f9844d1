/**
 * Credit records, the green channel and denial reports in Chromium against the real server with
 * the demo data. The supervisor enters a bad-credit record (a wrong check digit is refused under
 * the number first); the window takes in a case for that person with a 容缺 material and is
 * refused with the 失信 message in the accept dialog. The window flags another case for the green
 * channel as its own escort: the case page shows it, and the case list puts it first. A denial of
 * an investment-project item (企业投资项目核准 of 市发展改革委, marked as such by the demo admin,
 * whose department's window clerk and head are created through the staff API — the demo org
 * has none) appears on the denial reports page, where the supervisor acknowledges it.
 * A forward to the higher authority carries the answer due date the head picks (上报跟踪).
 * Screenshots: docs/screenshots/credit-records.png, green-channel-list.png, denial-reports.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR } from './helpers/browser.js';
import { acceptedCase, markInvestmentProject } from './helpers/case-flags.js';
import { confirmBox, newCase, openCase, statusOf } from './helpers/cases.js';
import { idNumber, wrongCheckDigit } from './helpers/hall.js';
import { apiLogin, createStaff, type JointStaff } from './helpers/joint.js';
import { fill, login, tid } from './helpers/pages.js';
import { type RunningServer, startServer } from './helpers/server.js';
import { shanghaiToday } from './helpers/supervision.js';

const PASSWORD = 'Demo@2026';
// 食品经营许可（食品销售）: promised, M04 食品安全管理制度文本 may be owed (容缺)
const DEFERRABLE = '370700-SCJG-XK-0007';
// 仅销售预包装食品备案: immediate
const IMMEDIATE = '370700-SCJG-DJ-0008';
// 企业投资项目核准（省级核准权限，初审转报）of 市发展改革委
const INVESTMENT = '370700-FGW-XK-0002';
const BAD = { name: '钱多多', idNumber: idNumber('19850612', 321), phone: '13905360001' };
const STAFF: JointStaff[] = [
  { username: 'fgwclerk', displayName: '严晓红（发改委窗口）', role: 'clerk', dept: 'FGW', window: 'B02' },
  { username: 'fgwleader', displayName: '郑国强（发改委主任）', role: 'deptLeader', dept: 'FGW' },
];

let server: RunningServer;
let browser: Browser;
let investmentItemId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const admin = await apiLogin(server.url, 'admin', PASSWORD);
  await createStaff(server.url, admin, STAFF, PASSWORD);
  investmentItemId = await markInvestmentProject(server.url, admin, INVESTMENT);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function staffPage(username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await login(page, server.url, username, PASSWORD);
  return page;
}

describe('credit records and the 容缺 bar', () => {
  it('the supervisor enters a record; the window cannot accept that applicant with a material owed', async () => {
    const sup = await staffPage('supervisor');
    await sup.goto(`${server.url}/admin/supervision/credit-records`);
    await tid(sup, 'credit-page').waitFor();
    await tid(sup, 'credit-create').click();
    await tid(sup, 'credit-form-kind-person').click();
    await fill(sup, 'credit-form-no', wrongCheckDigit(BAD.idNumber));
    await fill(sup, 'credit-form-name', BAD.name);
    await fill(sup, 'credit-form-reason', '提供虚假材料骗取行政许可，经核查属实');
    await tid(sup, 'credit-form-save').click();
    const noError = tid(sup, 'credit-create-dialog').locator('.el-form-item.is-error .el-form-item__error');
    await expect.poll(() => noError.count()).toBe(1);
    await fill(sup, 'credit-form-no', BAD.idNumber);
    await tid(sup, 'credit-form-save').click();
    // the page shows the new record, searched by its full number
    const row = tid(sup, 'credit-row').first();
    await expect.poll(() => row.getAttribute('data-source')).toBe('manual');
    expect(await row.getAttribute('data-active')).toBe('true');
    expect(await tid(sup, 'credit-row-no').first().textContent()).toBe(BAD.idNumber);
    await sup.screenshot({ path: path.join(SCREENSHOT_DIR, 'credit-records.png') });

    const clerk = await staffPage('clerk');
    await newCase(clerk, server.url, DEFERRABLE, BAD);
    await tid(clerk, 'materials-all-received').click();
    await tid(clerk, 'material-M04-deferred').click();
    await tid(clerk, 'action-accept').click();
    await tid(clerk, 'accept-bad-credit').waitFor(); // asked before sending
    const due = clerk.locator('[data-testid="accept-due-date"] input');
    await due.fill(shanghaiToday());
    await due.press('Enter');
    await tid(clerk, 'accept-save').click();
    await expect.poll(() => tid(clerk, 'accept-deferred-error').textContent()).toContain('失信');
    expect(await statusOf(clerk)).toBe('submitted');
  });
});

describe('the green channel', () => {
  it('the window flags a case as its own escort; the case comes first in the list with its tag', async () => {
    const clerk = await staffPage('clerk');
    const url = await newCase(clerk, server.url, IMMEDIATE, { name: '孙急办', idNumber: idNumber('19700301', 45), phone: '13905360002' });
    const caseId = url.split('/').pop()!;
    await tid(clerk, 'action-green-channel').click();
    const escort = (await tid(clerk, 'green-channel-escort').textContent())!;
    await fill(clerk, 'green-channel-text', '群众急难事项，当日领办');
    await tid(clerk, 'green-channel-save').click();
    await tid(clerk, 'case-green-channel').waitFor();
    const name = escort.replace(/^.*[（(]/, '').replace(/[）)]$/, '');
    expect(await tid(clerk, 'case-green-escort').textContent()).toContain(name);

    await clerk.goto(`${server.url}/admin/cases`);
    const first = tid(clerk, 'cases-row').first();
    await expect.poll(() => first.getAttribute('data-id')).toBe(caseId);
    expect(await first.getAttribute('data-green')).toBe('true');
    expect(await tid(clerk, 'cases-row-green').count()).toBe(1);
    await clerk.screenshot({ path: path.join(SCREENSHOT_DIR, 'green-channel-list.png') });
  });
});

describe('denial reports', () => {
  it("a head's denial of an investment-project item is reported; the supervisor acknowledges it", async () => {
    const fgwClerk = await apiLogin(server.url, 'fgwclerk', PASSWORD);
    const c = await acceptedCase(server.url, fgwClerk, investmentItemId, { name: '李建设', idNumber: idNumber('19760918', 88), phone: '13905360003' });
    const leader = await staffPage('fgwleader');
    await openCase(leader, server.url, `/admin/cases/${c.id}`);
    await tid(leader, 'action-decide').click();
    await tid(leader, 'decide-deny').click();
    await fill(leader, 'decide-reasons', '项目不符合国家产业政策');
    await fill(leader, 'decide-legal-basis', '《企业投资项目核准和备案管理条例》第九条');
    await tid(leader, 'decide-save').click();
    await tid(leader, 'decide-dialog').waitFor({ state: 'hidden' });

    const sup = await staffPage('supervisor');
    await sup.goto(`${server.url}/admin/supervision/denial-reports`);
    const row = tid(sup, 'denials-row').filter({ hasText: c.caseNo });
    await expect.poll(() => row.getAttribute('data-acknowledged')).toBe('false');
    const tr = sup.locator('tr', { has: row });
    expect(await tr.textContent()).toContain('项目不符合国家产业政策');
    await tr.locator('[data-testid="denials-acknowledge"]').click();
    await confirmBox(sup);
    await expect.poll(() => row.getAttribute('data-acknowledged')).toBe('true');
    expect(await tr.locator('[data-testid="denials-acknowledged-by"]').textContent()).toMatch(/\S/);
    await expect.poll(() => sup.locator('.el-message-box').isVisible()).toBe(false);
    await sup.screenshot({ path: path.join(SCREENSHOT_DIR, 'denial-reports.png') });
  });

  it('a forward to the higher authority carries the answer due date the head picked', async () => {
    const fgwClerk = await apiLogin(server.url, 'fgwclerk', PASSWORD);
    const c = await acceptedCase(server.url, fgwClerk, investmentItemId, { name: '周转报', idNumber: idNumber('19800101', 12), phone: '13905360004' });
    const leader = await staffPage('fgwleader');
    await openCase(leader, server.url, `/admin/cases/${c.id}`);
    await tid(leader, 'action-decide').click();
    await tid(leader, 'decide-forward').click();
    await fill(leader, 'decide-authority', '省发展改革委');
    const due = new Date(Date.parse(`${shanghaiToday()}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    const picker = leader.locator('[data-testid="decide-answer-due"] input');
    await picker.fill(due);
    await picker.press('Enter');
    await tid(leader, 'decide-save').click();
    await expect.poll(() => tid(leader, 'case-forward-due').textContent()).toContain(due);
  });
});
