/**
 * The online bundle application journey (一件事 网上申请) in Chromium against the real server with
 * the demo data: a visitor finds 企业开办一件事 on the public bundle list, reads its stages and
 * presses 在线申请; the login page sends the applicant back to the application page, where the
 * one combined form (企业名称, 联系电话, 统一社会信用代码 … asked once for the five items) and the
 * one checklist are filled — a required material left out is refused in the browser and nothing
 * is created — then submitted; 我的一件事 lists it as 待受理. The 市场监督管理局 window clerk
 * finds it (the applicant masked), accepts it and lands on the new run (YJS…, stage 1's child
 * cases listed); the applicant's page then shows it accepted with the run number and its stages.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../src/domain/identity/index.js';
import { launchBrowser, SCREENSHOT_DIR } from './helpers/browser.js';
import { confirmBox } from './helpers/cases.js';
import { fieldError, idNumber, makePdf, PASSWORD, requiredCodes, uploadFile, verifyPerson } from './helpers/hall.js';
import { fill, login, tid } from './helpers/pages.js';
import { type RunningServer, startServer } from './helpers/server.js';

const BUNDLE = '企业开办一件事';
const ENTERPRISE = '潍坊网办一件事测试有限公司';
const USCC = '91370700MA3C54321' + usccCheckChar('91370700MA3C54321');
const PERSON = { name: '张伟', id: idNumber('19850317', 457) };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The combined form: every required field once, plus the optional 参保职工人数. */
async function fillForm(page: Page): Promise<void> {
  await fill(page, 'form-entName', ENTERPRISE);
  await fill(page, 'form-registeredCapital', '100');
  await fill(page, 'form-businessScope', '软件开发；信息技术咨询服务');
  await fill(page, 'form-address', '潍坊市奎文区东风东街 1 号');
  await fill(page, 'form-legalRep', PERSON.name);
  await fill(page, 'form-phone', '13905361111');
  await fill(page, 'form-uscc', USCC);
  await tid(page, 'form-sealKinds-单位公章').click();
  await tid(page, 'form-invoiceType-数电发票').click();
  await fill(page, 'form-employees', '8');
}

/** A screenshot for the docs: toasts removed, no fade or transition half done. */
async function snap(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('.el-message').forEach((e) => e.remove()));
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true });
}

/** Applications the server holds for the signed-in applicant (the page's own session). */
async function myApplicationCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const r = await fetch('/api/v1/hall/bundle-applications', { credentials: 'same-origin' });
    if (!r.ok) throw new Error(`GET /api/v1/hall/bundle-applications: ${r.status}`);
    return ((await r.json()) as { total: number }).total;
  });
}

describe('an online bundle application, from the public list to the run', () => {
  it('applies online with one form and one set of materials, refuses a missing material, and the window accepts it into a run', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const pdf = await makePdf('OneStop e2e - bundle application material');

    // ——— anonymous: the public list → the bundle's page with its stages → 在线申请 ———
    await page.goto(`${server.url}/bundles`);
    const row = tid(page, 'bundles-row').filter({ hasText: BUNDLE });
    await expect.poll(() => row.count()).toBe(1);
    const bundleId = (await row.getAttribute('data-id'))!;
    await row.click();
    await page.waitForURL(`${server.url}/bundles/${bundleId}`);
    await expect.poll(() => tid(page, 'bundle-public-stage').count()).toBe(1);
    const stage = (await tid(page, 'bundle-public-stage').textContent())!;
    for (const name of ['有限责任公司设立登记', '潍坊市市场监督管理局', '公章刻制备案', '新办纳税人涉税信息确认', '单位参保登记']) expect(stage).toContain(name);
    // the one form's fields by their titles, not the schema's keys
    const fields = (await tid(page, 'bundle-public-fields').textContent())!;
    expect(fields).toContain('统一社会信用代码');
    expect(fields).not.toContain('uscc');
    await tid(page, 'bundle-apply-online').click();

    // ——— the applicant signs in and lands on the application page ———
    await page.waitForURL(/\/login\?redirect=/);
    await fill(page, 'login-username', 'applicant');
    await fill(page, 'login-password', PASSWORD);
    await tid(page, 'login-submit').click();
    await page.waitForURL(`${server.url}/me/bundle-apply/${bundleId}`);
    await tid(page, 'bundle-apply-page').waitFor();

    // the demo applicant has no real name yet: verify it on the profile page, then back
    await page.goto(`${server.url}/me/profile`);
    await tid(page, 'identity-card').waitFor();
    await verifyPerson(page, PERSON.name, PERSON.id);
    await page.goto(`${server.url}/me/bundle-apply/${bundleId}`);
    await tid(page, 'bundle-apply-submit').waitFor();

    // one form: 企业名称 (four items), 联系电话 (three), 统一社会信用代码 (four) asked once each
    expect(await page.locator('[data-testid="form-entName"]').count()).toBe(1);
    expect(await page.locator('[data-testid="form-uscc"]').count()).toBe(1);
    expect(await page.locator('[data-testid="form-phone"]').count()).toBe(1);
    await fillForm(page);

    // one checklist: 营业执照 (B07) once for the three items needing it; a PDF per required line but the last
    const codes = await requiredCodes(page);
    expect(codes).toContain('B07');
    expect(codes.length).toBeGreaterThan(5);
    const missing = codes[codes.length - 1];
    for (const code of codes.slice(0, -1)) await uploadFile(page, code, `${code}-扫描件.pdf`, pdf);

    // refused in the browser: the missing material named under its line and in the list; nothing created
    await tid(page, 'bundle-apply-submit').click();
    await expect.poll(() => tid(page, `upload-error-${missing}`).textContent()).toContain('请上传');
    await expect.poll(() => tid(page, 'bundle-apply-problems').locator('li').count()).toBe(1);
    const missingName = (await page.locator(`#upload-name-${missing}`).textContent())!.trim();
    expect(await tid(page, 'bundle-apply-problems').textContent()).toContain(missingName);
    expect(await fieldError(page, 'form-uscc').count()).toBe(0);
    expect(page.url()).toBe(`${server.url}/me/bundle-apply/${bundleId}`);
    expect(await myApplicationCount(page)).toBe(0);

    // the last PDF: the problem goes, submit opens the application
    await uploadFile(page, missing, `${missing}-扫描件.pdf`, pdf);
    await expect.poll(() => tid(page, 'bundle-apply-problems').count()).toBe(0);
    await snap(page, 'bundle-online-apply.png');
    await tid(page, 'bundle-apply-submit').click();
    await page.waitForURL(/\/me\/bundle-applications\/[0-9a-f-]{36}$/);
    const appUrl = page.url();
    const appId = appUrl.split('/').pop()!;
    await expect.poll(() => tid(page, 'bundle-application-status').getAttribute('data-status')).toBe('submitted');
    expect(await myApplicationCount(page)).toBe(1);

    // 我的一件事: listed once, 待受理
    await page.goto(`${server.url}/me/bundle-applications`);
    await expect.poll(() => tid(page, 'my-bundle-applications-row').count()).toBe(1);
    expect((await tid(page, 'my-bundle-applications-row').textContent())!.trim()).toBe(BUNDLE);
    const tag = tid(page, 'bundle-application-status');
    expect(await tag.getAttribute('data-status')).toBe('submitted');
    expect((await tag.textContent())!.trim()).toBe('待受理');

    // ——— the window clerk of 市场监督管理局: the list (masked), the application, accept ———
    const clerk = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await login(clerk, server.url, 'clerk', PASSWORD);
    await clerk.goto(`${server.url}/admin/bundle-applications`);
    const link = tid(clerk, 'bundle-applications-row').and(clerk.locator(`[data-id="${appId}"]`));
    await link.waitFor();
    const listRow = clerk.locator('.el-table__row', { has: link });
    const listText = (await listRow.textContent())!;
    expect(listText).toContain(BUNDLE);
    expect(listText).toContain('张'); // the surname shows …
    expect(listText).not.toContain(PERSON.name); // … the full name does not
    await link.click();
    await clerk.waitForURL(`${server.url}/admin/bundle-applications/${appId}`);
    await tid(clerk, 'bundle-application-page').waitFor();
    await tid(clerk, 'bundle-application-accept').waitFor();
    const detail = (await tid(clerk, 'bundle-application-page').textContent())!;
    expect(detail).toContain(ENTERPRISE); // the form's values, under their titles
    expect(detail).toContain('统一社会信用代码');
    expect(detail).not.toContain(PERSON.id); // the ID number masked
    expect(detail).toContain(PERSON.id.slice(0, 4));
    expect(await tid(clerk, 'bundle-application-file').count()).toBe(codes.length);
    await tid(clerk, 'bundle-application-accept').click();
    await confirmBox(clerk);
    await clerk.waitForURL(/\/admin\/bundle-runs\/[0-9a-f-]{36}$/);
    const runNo = (await tid(clerk, 'run-no').textContent())!.trim();
    expect(runNo).toMatch(/^YJS\d{18}$/);
    await expect.poll(() => tid(clerk, 'run-stage-cases-0').locator('[data-testid="run-child"]').count()).toBe(5);
    await clerk.close();

    // ——— the applicant: accepted, with the run's number and stages ———
    await page.goto(appUrl);
    await tid(page, 'bundle-application-run').waitFor();
    expect(await tid(page, 'bundle-application-status').getAttribute('data-status')).toBe('accepted');
    expect(await tid(page, 'bundle-application-run').textContent()).toContain(runNo);
    await expect.poll(() => tid(page, 'bundle-progress-stage').count()).toBe(1);
    expect(await tid(page, 'bundle-progress-stage').textContent()).toContain('企业开办（并联办理）');
    await snap(page, 'bundle-online-accepted.png');
    await page.close();
  });
});
