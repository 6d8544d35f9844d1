/**
 * The online hall journeys of issue 5 in Chromium against the real server with the demo data:
 * a new applicant registers (SMS code from the log provider), verifies a person's real name,
 * applies online for a promised item of 不动产登记中心 — its form rendered from the schema and a
 * PDF per checklist line — the clerk's pre-review asks for one material again, the applicant
 * uploads it and resubmits, the clerk accepts, the reviewer completes the review, the head of
 * the center approves and concludes; the applicant downloads the approval and rates the service.
 * Bad input as a new user tries it (wrong check digit, a renamed .exe, an empty required field,
 * a double click on submit, a second tab's stale save) gets a clear Chinese message. The same
 * applicant journey on a 390 × 844 phone. Screenshots of the main hall pages go to docs/screenshots.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdf.js';
import { launchBrowser, SCREENSHOT_DIR } from './helpers/browser.js';
import {
  acceptAndStartReview,
  FAKE_PDF,
  fieldError,
  idNumber,
  makePdf,
  myStatus,
  PASSWORD,
  preReviewSupplement,
  register,
  requiredCodes,
  reviewApproveConclude,
  saveState,
  uploadFile,
  verifyPerson,
  wrongCheckDigit,
} from './helpers/hall.js';
import { fill, login, tid } from './helpers/pages.js';
import { type RunningServer, startServer } from './helpers/server.js';

// 国有建设用地使用权及房屋所有权首次登记: promised, 网上预审, 审核 → 登簿 (不动产登记中心, demo staff bdc*)
const ITEM = '370791-BDC-QR-0001';
/** A screenshot for the README: toasts removed, no dialog fading out. */
async function snap(page: Page, name: string, fullPage = false): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('.el-message').forEach((e) => e.remove()));
  await expect.poll(() => page.locator('.el-overlay:visible').count()).toBe(0);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage });
}

let server: RunningServer;
let browser: Browser;
const staff: Record<string, Page> = {};

beforeAll(async () => {
  // info level: the log SMS provider's lines carry the verification codes
  [server, browser] = await Promise.all([startServer({ LOG_LEVEL: 'info' }), launchBrowser()]);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** One signed-in page per demo staff member, reused by both journeys. */
async function staffPage(username: string): Promise<Page> {
  if (!staff[username]) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await login(page, server.url, username, PASSWORD);
    staff[username] = page;
  }
  return staff[username];
}

/** Fills the item's form (every required field but the ones in `skip`). */
async function fillForm(page: Page, person: { name: string; id: string }, skip: string[] = []): Promise<void> {
  const values: Record<string, string> = { applicant: person.name, idNo: person.id, location: '烟台市芝罘区幸福路 8 号 3 号楼', buildingArea: '126.5' };
  for (const [k, v] of Object.entries(values)) if (!skip.includes(k)) await fill(page, `form-${k}`, v);
  if (!skip.includes('use')) await tid(page, 'form-use-住宅').click();
}

async function downloadApproval(page: Page, caseNo: string): Promise<void> {
  const row = tid(page, 'my-notice').and(page.locator('[data-kind="approval"]'));
  await row.waitFor();
  const href = await row.locator('[data-testid="my-notice-download"]').getAttribute('href');
  const r = await page.request.get(new URL(href!, page.url()).toString());
  expect(r.status()).toBe(200);
  expect(r.headers()['content-type']).toBe('application/pdf');
  const text = pdfText(Buffer.from(await r.body())).compact;
  expect(text).toContain('准予许可决定书');
  expect(text).toContain(caseNo);
}

async function rate(page: Page): Promise<void> {
  await tid(page, 'my-case-rate-conclusion').click();
  await tid(page, 'rate-level-verySatisfied').click();
  await fill(page, 'rate-comment', '全程网办，没有跑腿，非常方便');
  await tid(page, 'rate-save').click();
  await expect.poll(() => tid(page, 'my-case-rated').and(page.locator('[data-occasion="conclusion"]')).getAttribute('data-level')).toBe('verySatisfied');
}

describe('online hall, desktop', () => {
  it('registers, verifies the real name, applies online, supplements, is approved, downloads the approval and rates the service', async () => {
    const person = { name: '李华', id: idNumber('19880512', 123), mobile: '13905360001' };
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const pdf = await makePdf('OneStop e2e - scanned application material');

    // ── register with the SMS code, then real name: a wrong check digit is caught in the browser ──
    await register(page, server, person.mobile, '李华');
    await snap(page, 'hall-profile-welcome.png');
    await fill(page, 'identity-name', person.name);
    await fill(page, 'identity-id-number', wrongCheckDigit(person.id));
    await expect.poll(() => fieldError(page, 'identity-id-number').textContent()).toContain('身份证号校验位不正确');
    await snap(page, 'hall-identity-error.png');
    await verifyPerson(page, person.name, person.id);
    await expect.poll(() => tid(page, 'identity-view').textContent()).toContain('3707');

    // ── from the guide: 在线办理 ──
    await page.goto(`${server.url}/guide/${ITEM}`);
    await tid(page, 'guide-apply').waitFor();
    await snap(page, 'hall-guide.png');
    await tid(page, 'guide-apply').click();
    await page.waitForURL(/\/me\/drafts\/[0-9a-f-]{36}/);
    await tid(page, 'apply-title').waitFor();
    const draftUrl = page.url();

    // the form, one required field left empty; saved as typed
    await fillForm(page, person, ['location']);
    await expect.poll(() => saveState(page), { timeout: 10_000 }).toBe('saved');
    await expect.poll(() => tid(page, 'apply-save-status').textContent()).toContain('已保存');

    // a renamed program is refused by its bytes, with a clear message under the line
    const codes = await requiredCodes(page);
    expect(codes.length).toBeGreaterThan(1);
    await page.locator(`[data-testid="upload-input-${codes[0]}"]`).setInputFiles({ name: '申请书.pdf', mimeType: 'application/pdf', buffer: FAKE_PDF });
    await expect.poll(() => tid(page, `upload-error-${codes[0]}`).textContent()).toContain('只接受 PDF、JPG、PNG 格式的文件');
    for (const code of codes) await uploadFile(page, code, `${code}-扫描件.pdf`, pdf);
    await expect.poll(() => tid(page, 'upload-file').count()).toBe(codes.length);

    // the empty required field: the shared validator's message under the field, nothing submitted
    await tid(page, 'apply-submit').click();
    await expect.poll(() => fieldError(page, 'form-location').textContent()).toContain('「不动产坐落」为必填项');
    await expect.poll(() => tid(page, 'apply-problems').textContent()).toContain('不动产坐落');
    expect(page.url()).toBe(draftUrl);
    await snap(page, 'hall-apply-errors.png', true);

    // a second tab on the same draft: the first saves, the second's stale save is told and reloaded
    const tab2 = await context.newPage();
    await tab2.goto(draftUrl);
    await tid(tab2, 'apply-title').waitFor();
    await fill(page, 'form-location', '烟台市芝罘区幸福路 8 号 3 号楼');
    await expect.poll(() => saveState(page), { timeout: 10_000 }).toBe('saved');
    await fill(tab2, 'form-buildingArea', '99');
    await expect.poll(() => tid(tab2, 'apply-conflict').textContent(), { timeout: 10_000 }).toContain('已在其他窗口或设备上修改');
    await expect.poll(() => tab2.locator('input[data-testid="form-location"]').inputValue()).toContain('幸福路');
    await expect.poll(() => tab2.locator('input[data-testid="form-buildingArea"]').inputValue()).toBe('126.5');
    await tab2.close();

    // the draft is in 我的草稿 and resumes
    await page.goto(`${server.url}/me/drafts`);
    await expect.poll(() => tid(page, 'drafts-row').count()).toBe(1);
    await tid(page, 'drafts-resume').click();
    await page.waitForURL(draftUrl);
    await expect.poll(() => page.locator('input[data-testid="form-location"]').inputValue()).toContain('幸福路');
    await snap(page, 'hall-apply.png', true);

    // a double click submits once and opens the case
    await tid(page, 'apply-submit').dblclick();
    await page.waitForURL(/\/me\/cases\/[0-9a-f-]{36}/);
    const caseId = page.url().split('/').pop()!;
    await expect.poll(() => myStatus(page)).toBe('submitted');
    const caseNo = (await tid(page, 'my-case-no').textContent())!.trim();
    await tid(page, 'my-case-prereview-due').waitFor();
    await page.goto(`${server.url}/me/cases`);
    await expect.poll(() => tid(page, 'my-cases-row').count()).toBe(1);
    await page.goto(`${server.url}/me/drafts`);
    await tid(page, 'drafts-empty').waitFor();

    // ── the clerk's pre-review: the online application on the case page, one material asked again ──
    const clerk = await staffPage('bdcclerk');
    await clerk.goto(`${server.url}/admin/cases/${caseId}`);
    await tid(clerk, 'online-application').waitFor();
    await expect.poll(() => tid(clerk, 'online-form-row').and(clerk.locator('[data-field="location"]')).textContent()).toContain('幸福路');
    await expect.poll(() => tid(clerk, 'online-form-row').first().textContent()).toContain('权利人（申请人）');
    const fileHref = await tid(clerk, 'online-file-link').first().getAttribute('href');
    const file = await clerk.request.get(new URL(fileHref!, clerk.url()).toString());
    expect(file.status()).toBe(200);
    expect(Buffer.from(await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await snap(clerk, 'hall-staff-prereview.png', true);
    const missing = codes[codes.length - 1];
    await preReviewSupplement(clerk, server.url, caseId, missing, '扫描件不清晰，请重新上传');

    // ── the applicant: only the missing material is asked; upload it and resubmit ──
    await page.goto(`${server.url}/me/cases/${caseId}`);
    await tid(page, 'my-case-supplement').waitFor();
    await expect.poll(() => tid(page, 'my-case-supplement').locator('[data-testid="uploads"] > li').count()).toBe(1);
    await expect.poll(() => tid(page, 'my-case-supplement').textContent()).toContain('扫描件不清晰');
    // handing in before uploading is refused with the material named
    await tid(page, 'my-case-supply').click();
    await expect.poll(() => tid(page, 'my-case-supply-error').textContent()).toContain('请先上传');
    await uploadFile(page, missing, `${missing}-重新扫描.pdf`, await makePdf('OneStop e2e - rescanned'), '[data-testid="my-case-supplement"]');
    await snap(page, 'hall-case-supplement.png', true);
    await tid(page, 'my-case-supply').click();
    await expect.poll(() => myStatus(page)).toBe('submitted');

    // ── accepted, reviewed, approved, concluded ──
    await acceptAndStartReview(clerk, server.url, caseId);
    await expect.poll(() => tid(clerk, `online-material-${missing}`).locator('[data-status="replaced"]').count()).toBe(1);
    const reviewer = await staffPage('bdcreviewer');
    const leader = await staffPage('bdcleader');
    await reviewApproveConclude(reviewer, leader, server.url, caseId, caseNo);

    // ── the applicant downloads the approval and rates the service ──
    await page.goto(`${server.url}/me/cases/${caseId}`);
    await expect.poll(() => myStatus(page)).toBe('concluded');
    await downloadApproval(page, caseNo);
    const steps = await tid(page, 'my-case-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(steps).toEqual(expect.arrayContaining(['submit', 'requestSupplement', 'supply', 'accept', 'startReview', 'completeTask', 'decide', 'conclude']));
    const timeline = (await tid(page, 'my-case').textContent())!;
    expect(timeline).not.toContain('bdc');
    await rate(page);
    await snap(page, 'hall-my-case.png', true);

    // ── 办件结果公示: the approval listed, the person's name and number masked ──
    await page.goto(`${server.url}/publications`);
    await tid(page, 'publications-row').filter({ hasText: caseNo }).waitFor();
    const pub = (await tid(page, 'publications-list').textContent())!;
    expect(pub).toContain('李*');
    expect(pub).not.toContain(person.id);
    await snap(page, 'hall-publications.png');

    // ── 网上咨询: asked from the guide, answered by the department, shown on the guide ──
    await page.goto(`${server.url}/guide/${ITEM}`);
    await tid(page, 'guide-consult').click();
    await page.waitForURL(/\/me\/consultations\?itemId=/);
    await tid(page, 'consult-submit').click();
    await expect.poll(() => fieldError(page, 'consult-question').textContent()).toContain('请填写您的问题');
    await fill(page, 'consult-question', '首次登记是否可以全程网上办理？');
    await tid(page, 'consult-submit').click();
    await expect.poll(() => tid(page, 'consult-row').first().getAttribute('data-status')).toBe('open');
    await clerk.goto(`${server.url}/admin/consultations`);
    await tid(clerk, 'staff-consult-row').first().waitFor();
    await snap(clerk, 'hall-staff-consultations.png');
    await tid(clerk, 'staff-consult-row').filter({ hasText: '全程网上办理' }).locator('[data-testid="staff-consult-answer"]').click();
    await fill(clerk, 'staff-consult-text', '可以。网上申报并经网上预审通过后，最多跑一次领取证书。');
    await tid(clerk, 'staff-consult-public').click();
    await tid(clerk, 'staff-consult-save').click();
    await expect.poll(() => tid(clerk, 'staff-consult-row').filter({ hasText: '全程网上办理' }).count()).toBe(0);
    await page.goto(`${server.url}/me/consultations`);
    await expect.poll(() => tid(page, 'consult-answer').first().textContent()).toContain('最多跑一次');
    await page.goto(`${server.url}/guide/${ITEM}`);
    await expect.poll(() => tid(page, 'guide-qa-answer').first().textContent()).toContain('最多跑一次');

    // ── a complaint about the case, then logout ──
    await page.goto(`${server.url}/me/complaints?caseId=${caseId}`);
    await fill(page, 'complain-content', '测试投诉：预审意见可以写得更具体一些');
    await tid(page, 'complain-submit').click();
    await expect.poll(() => tid(page, 'complain-row').count()).toBe(1);
    await tid(page, 'nav-logout').click();
    await tid(page, 'nav-login').waitFor();
    await context.close();
  }, 300_000);
});

describe('online hall, phone 390 × 844', () => {
  it('runs the same applicant journey on a phone', async () => {
    const person = { name: '陈晓', id: idNumber('19920303', 246), mobile: '13905360002' };
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const pdf = await makePdf('OneStop e2e - phone upload');

    await page.goto(`${server.url}/`);
    await tid(page, 'nav-toggle').click();
    await tid(page, 'nav-drawer').locator('[data-testid="nav-register"]').click();
    await page.waitForURL(/\/register/);
    await snap(page, 'hall-phone-register.png', true);
    await register(page, server, person.mobile, '陈晓');
    await verifyPerson(page, person.name, person.id);
    await snap(page, 'hall-phone-identity.png', true);

    await page.goto(`${server.url}/guide/${ITEM}`);
    await tid(page, 'guide-apply').click();
    await page.waitForURL(/\/me\/drafts\/[0-9a-f-]{36}/);
    await tid(page, 'apply-title').waitFor();
    await fillForm(page, person);
    const codes = await requiredCodes(page);
    for (const code of codes) await uploadFile(page, code, `${code}.pdf`, pdf);
    await expect.poll(() => saveState(page), { timeout: 10_000 }).toBe('saved');
    // nothing wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snap(page, 'hall-phone-apply.png', true);
    await tid(page, 'apply-submit').click();
    await page.waitForURL(/\/me\/cases\/[0-9a-f-]{36}/);
    const caseId = page.url().split('/').pop()!;
    const caseNo = (await tid(page, 'my-case-no').textContent())!.trim();

    const clerk = await staffPage('bdcclerk');
    const missing = codes[0];
    await preReviewSupplement(clerk, server.url, caseId, missing, '请上传盖章的申请书');

    await page.reload();
    await tid(page, 'my-case-supplement').waitFor();
    await expect.poll(() => tid(page, 'my-case-supplement').locator('[data-testid="uploads"] > li').count()).toBe(1);
    await uploadFile(page, missing, '申请书-盖章.pdf', pdf, '[data-testid="my-case-supplement"]');
    await snap(page, 'hall-phone-supplement.png', true);
    await tid(page, 'my-case-supply').click();
    await expect.poll(() => myStatus(page)).toBe('submitted');

    await acceptAndStartReview(clerk, server.url, caseId);
    await reviewApproveConclude(await staffPage('bdcreviewer'), await staffPage('bdcleader'), server.url, caseId, caseNo);

    // from the drawer to my cases, then the case
    await page.goto(`${server.url}/`);
    await tid(page, 'nav-toggle').click();
    await tid(page, 'nav-drawer').locator('[data-testid="nav-my-cases"]').click();
    await tid(page, 'my-cases-row').filter({ hasText: caseNo }).click();
    await expect.poll(() => myStatus(page)).toBe('concluded');
    await downloadApproval(page, caseNo);
    await rate(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snap(page, 'hall-phone-case.png', true);
    await context.close();
  }, 300_000);
});
