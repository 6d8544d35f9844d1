/**
 * The electronic supervision and evaluation journeys of issue 6 in Chromium against the real
 * server with the demo data:
 * - a promised case of 不动产登记中心 passes its promised deadline (its history moved back in the
 *   database, a light check due now — see helpers/supervision.ts) and its yellow card appears on
 *   the supervisor's monitor, opened beforehand, without a reload; the department's head appeals
 *   and the supervisor revokes the card;
 * - an applicant rates the case the clerk just accepted 不满意 on the window rating screen; the
 *   rectification is verified, fed back and closed by the return visit; the public figures
 *   (差评率, 差评整改率) change accordingly.
 * Screenshots: docs/screenshots/monitor.png, rating-screen.png, figures.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR } from './helpers/browser.js';
import { confirmBox, newCase, statusOf } from './helpers/cases.js';
import { idNumber } from './helpers/hall.js';
import { fill, login, tid } from './helpers/pages.js';
import { type RunningServer, startServer } from './helpers/server.js';
import { apiGet, backdateCase, dueLightCheck, lightCheckState, setStoredDeadlines, shanghaiToday, windowsOf } from './helpers/supervision.js';

const PASSWORD = 'Demo@2026';
// 国有建设用地使用权及房屋所有权首次登记: promised (5 working days), statutory 30, 不动产登记中心
const ITEM = '370791-BDC-QR-0001';
const ITEM_NAME = '国有建设用地使用权及房屋所有权首次登记';
/** 21 calendar days back: past the promised deadline (5 working days), well before the statutory one (30) */
const BACK_DAYS = 21;

let server: RunningServer;
let browser: Browser;
const staff: Record<string, Page> = {};

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ TIMER_INTERVAL_MS: '500', PUBLIC_RATE_PER_MINUTE: '2000' }), launchBrowser()]);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function staffPage(username: string): Promise<Page> {
  if (!staff[username]) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    await login(page, server.url, username, PASSWORD);
    staff[username] = page;
  }
  return staff[username];
}

/** A screenshot without toasts or dialogs fading out. */
async function snap(page: Page, name: string, fullPage = false): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('.el-message, .el-notification').forEach((e) => e.remove()));
  await expect.poll(() => page.locator('.el-overlay:visible').count()).toBe(0);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage });
}

/** The clerk takes a case in with every material and accepts it; its id and number. */
async function acceptedCase(clerk: Page, person: { name: string; idNumber: string; phone: string }): Promise<{ id: string; no: string }> {
  const url = await newCase(clerk, server.url, ITEM, person);
  const no = (await tid(clerk, 'case-no').textContent())!.trim();
  await tid(clerk, 'materials-all-received').click();
  await tid(clerk, 'action-accept').click();
  await confirmBox(clerk);
  await expect.poll(() => statusOf(clerk)).toBe('accepted');
  return { id: url.split('/').pop()!, no };
}

const cardOf = (page: Page, caseNo: string) => page.locator(`[data-testid="monitor-card"][data-case-no="${caseNo}"][data-level="yellow"]`);
const statusTag = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).first().getAttribute('data-status');

describe('电子监察: a yellow card, live on the monitor, appealed and revoked', () => {
  it('shows the card of a case past its promised deadline without a reload; the department appeals; the supervisor revokes', async () => {
    const clerk = await staffPage('bdcclerk');
    const c = await acceptedCase(clerk, { name: '孙监察', idNumber: idNumber('19880506', 123), phone: '13905368888' });

    // the supervisor's monitor, open before the deadline passes, following the live feed
    const sup = await staffPage('supervisor');
    await sup.goto(`${server.url}/admin/supervision/monitor`);
    await expect.poll(() => tid(sup, 'monitor-live').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');
    await expect.poll(() => sup.locator(`[data-testid="monitor-row"][data-kind="case"][data-case-no="${c.no}"]`).getAttribute('data-light')).toBe('green');
    await expect(cardOf(sup, c.no).count()).resolves.toBe(0);
    const yellowBefore = Number(await tid(sup, 'monitor-count-yellowCard').getAttribute('data-count'));
    await sup.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    // the case's history moves three weeks back; the sweeper's light check issues the yellow card
    backdateCase(server, c.id, BACK_DAYS);
    const view = await apiGet<{ deadlines: { promised: string; statutory: string } | null; light: string | null }>(clerk, `/api/v1/cases/${c.id}`);
    const today = shanghaiToday();
    expect(view.deadlines!.promised < today).toBe(true);
    expect(view.deadlines!.statutory >= today).toBe(true);
    setStoredDeadlines(server, c.id, view.deadlines!);
    dueLightCheck(server, c.id, today);

    // the card arrives on the open page: no navigation, no reload
    await expect
      .poll(async () => {
        const timers = lightCheckState(server, c.id);
        if (timers.some((x) => x.last_error)) throw new Error(`light check failed: ${timers.map((x) => x.last_error).join('; ')}`);
        return cardOf(sup, c.no).count();
      }, { timeout: 30_000, interval: 500 })
      .toBe(1);
    expect(await sup.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await expect.poll(() => sup.locator(`[data-testid="monitor-row"][data-kind="case"][data-case-no="${c.no}"]`).getAttribute('data-light')).toBe('yellowCard');
    await expect.poll(async () => Number(await tid(sup, 'monitor-count-yellowCard').getAttribute('data-count'))).toBeGreaterThan(yellowBefore);
    await expect.poll(() => tid(sup, 'light-chart-bar').last().getAttribute('data-value')).not.toBe('0');
    await snap(sup, 'monitor.png', true);
    const cardId = (await cardOf(sup, c.no).getAttribute('data-id'))!;

    // the head of 不动产登记中心 appeals, with reasons
    const leader = await staffPage('bdcleader');
    await leader.goto(`${server.url}/admin/supervision/cards`);
    await tid(leader, 'cards-row').and(leader.locator(`[data-id="${cardId}"]`)).click();
    await leader.waitForURL(new RegExp(`/admin/supervision/cards/${cardId}$`));
    await expect.poll(() => statusTag(leader, 'card-status')).toBe('issued');
    await tid(leader, 'card-appeal').click();
    await tid(leader, 'card-appeal-save').click(); // no reason: refused in the browser
    await expect(leader.locator('[data-testid="card-appeal-dialog"] .el-form-item__error').textContent()).resolves.toContain('请填写理由');
    await fill(leader, 'card-appeal-text', '申请人要求暂缓办理并书面申请中止，窗口未及时录入中止，实际不存在超期');
    await tid(leader, 'card-appeal-save').click();
    await expect.poll(() => statusTag(leader, 'card-status')).toBe('appealed');
    await expect(tid(leader, 'card-uphold').count()).resolves.toBe(0); // a leader does not rule

    // the monitor follows the appeal live too
    await expect.poll(() => cardOf(sup, c.no).getAttribute('data-status'), { timeout: 20_000 }).toBe('appealed');

    // the supervisor revokes it
    await sup.goto(`${server.url}/admin/supervision/cards/${cardId}`);
    await expect.poll(() => statusTag(sup, 'card-status')).toBe('appealed');
    await tid(sup, 'card-revoke').click();
    await fill(sup, 'card-rule-text', '经核实，申请人确有书面中止申请，申诉成立，撤销黄牌');
    await tid(sup, 'card-rule-save').click();
    await expect.poll(() => statusTag(sup, 'card-status')).toBe('revoked');
    await expect(tid(sup, 'card-counts').getAttribute('data-counts')).resolves.toBe('false');
    await expect(tid(sup, 'card-ruling-entry').getAttribute('data-upheld')).resolves.toBe('false');

    // the department sees the ruling; nothing more to appeal
    await leader.reload();
    await expect.poll(() => statusTag(leader, 'card-status')).toBe('revoked');
    await expect(tid(leader, 'card-appeal').count()).resolves.toBe(0);
  });
});

describe('好差评: a 不满意 at the window, rectified to the return visit, in the public figures', () => {
  it('rates on the window screen, runs the rectification and changes 差评率 and 差评整改率', async () => {
    // the public figures before
    const pub = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await pub.goto(`${server.url}/figures`);
    await tid(pub, 'figures-center-name').waitFor();
    const badBefore = await tid(pub, 'figures-rate-badRate').getAttribute('data-value');
    const rectBefore = await tid(pub, 'figures-rate-rectificationRate').getAttribute('data-value');
    expect(rectBefore).toBe(''); // no valid bad review yet: nothing to divide by

    // the rating screen of the clerk's window, found through the API
    const sup = await staffPage('supervisor');
    const [windowId] = await windowsOf(sup, 'bdcclerk');
    expect(windowId).toBeTruthy();
    const kiosk = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await kiosk.goto(`${server.url}/hall/rate/${windowId}`);
    await tid(kiosk, 'rate-screen').waitFor();
    await expect(kiosk.locator('header.pub-header').count()).resolves.toBe(0); // no site header

    // the clerk accepts a new case: the screen shows it (it polls)
    const clerk = await staffPage('bdcclerk');
    const c = await acceptedCase(clerk, { name: '周评价', idNumber: idNumber('19920315', 124), phone: '13905369999' });
    await expect.poll(() => tid(kiosk, 'rate-screen-prompt').getAttribute('data-case-id'), { timeout: 20_000 }).toBe(c.id);
    await expect(tid(kiosk, 'rate-screen-item').textContent()).resolves.toBe(ITEM_NAME);
    const shown = (await tid(kiosk, 'rate-screen-case-no').textContent())!.trim();
    expect(shown.slice(0, 4)).toBe(c.no.slice(0, 4));
    expect(shown.slice(-4)).toBe(c.no.slice(-4));
    expect(shown).toContain('****'); // masked: the screen faces the hall
    await expect(tid(kiosk, 'rate-screen-occasion').textContent()).resolves.toBe('受理');
    await snap(kiosk, 'rating-screen.png');

    // 不满意, with a reason
    await tid(kiosk, 'rate-screen-level-dissatisfied').click();
    await tid(kiosk, 'rate-screen-reason-wait').click();
    await fill(kiosk, 'rate-screen-comment', '排队等了一个多小时');
    await tid(kiosk, 'rate-screen-submit').click();
    await tid(kiosk, 'rate-screen-thanks').waitFor();
    // then back to waiting: this occasion was rated here
    await tid(kiosk, 'rate-screen-waiting').waitFor({ timeout: 20_000 });

    // the department's head verifies (valid) and feeds back the measures
    const leader = await staffPage('bdcleader');
    await leader.goto(`${server.url}/admin/supervision/rectifications`);
    const row = leader.locator(`[data-testid="rects-row"][data-case-no="${c.no}"]`);
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('verifying');
    await row.click();
    await tid(leader, 'rect-page').waitFor();
    await expect(tid(leader, 'rect-rating').getAttribute('data-level')).resolves.toBe('dissatisfied');
    await tid(leader, 'rect-verify').click();
    await tid(leader, 'rect-step-valid-true').click();
    await fill(leader, 'rect-step-text', '经调取监控核实，当日窗口排队时间过长，差评属实');
    await tid(leader, 'rect-step-save').click();
    await expect.poll(() => tid(leader, 'rect-status').getAttribute('data-status')).toBe('rectifying');
    expect(await tid(leader, 'rect-due').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // 差评率 counts it now; 差评整改率 has a valid bad review not yet rectified
    await pub.reload();
    await tid(pub, 'figures-center-name').waitFor();
    const badNow = Number(await tid(pub, 'figures-rate-badRate').getAttribute('data-value'));
    expect(badNow).toBeGreaterThan(badBefore ? Number(badBefore) : 0);
    await expect.poll(() => tid(pub, 'figures-rate-rectificationRate').getAttribute('data-value')).toBe('0');

    await tid(leader, 'rect-feedback').click();
    await fill(leader, 'rect-step-text', '增开不动产登记窗口1个，高峰时段实行弹性排班，启用预约分时办理');
    await tid(leader, 'rect-step-save').click();
    await expect.poll(() => tid(leader, 'rect-status').getAttribute('data-status')).toBe('returnVisit');
    await expect(tid(leader, 'rect-visit').count()).resolves.toBe(0); // the return visit is the office's

    // the supervisor's return visit: the applicant is satisfied with the fix
    await sup.goto(`${server.url}/admin/supervision/rectifications`);
    await sup.locator(`[data-testid="rects-row"][data-case-no="${c.no}"]`).click();
    await tid(sup, 'rect-visit').click();
    await tid(sup, 'rect-step-level-satisfied').click();
    await fill(sup, 'rect-step-text', '电话回访申请人，对整改措施表示满意');
    await tid(sup, 'rect-step-save').click();
    await expect.poll(() => tid(sup, 'rect-status').getAttribute('data-status')).toBe('closed');
    await expect(tid(sup, 'rect-fix-rating').textContent()).resolves.toBe('满意');
    const kinds = await tid(sup, 'rect-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['open', 'verify', 'feedback', 'returnVisit']);

    // the public figures: the bad review rectified (差评整改率 100 %), for the center and the department
    await pub.reload();
    await tid(pub, 'figures-center-name').waitFor();
    await expect.poll(() => tid(pub, 'figures-rate-rectificationRate').getAttribute('data-value')).toBe('1');
    expect(Number(await tid(pub, 'figures-rate-badRate').getAttribute('data-value'))).toBe(badNow);
    const rect = await apiGet<{ items: { caseNo: string; departmentId: string }[] }>(sup, '/api/v1/rectifications?status=closed');
    const deptId = rect.items.find((x) => x.caseNo === c.no)!.departmentId;
    const deptRow = pub.locator('.el-table__row', { has: pub.locator(`[data-testid="figures-row"][data-id="${deptId}"]`) });
    await expect(deptRow.locator('[data-testid="figures-cell-rectificationRate"]').getAttribute('data-value')).resolves.toBe('1');
    expect(Number(await deptRow.locator('[data-testid="figures-cell-badRate"]').getAttribute('data-value'))).toBeGreaterThan(0);
    await expect(deptRow.locator('[data-testid="figures-cell-rectificationRate"]').textContent()).resolves.toBe('100.0%');
    await snap(pub, 'figures.png', true);

    // the year view counts the same
    await tid(pub, 'figures-period-year').click();
    await expect.poll(() => pub.url()).toContain('period=year');
    await expect.poll(() => tid(pub, 'figures-rate-rectificationRate').getAttribute('data-value')).toBe('1');
  });
});
