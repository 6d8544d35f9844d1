/**
 * Steps of the online hall journeys: read an SMS code from the server's log (the log provider
 * writes `sms (log provider)` lines with the text), make valid ID numbers and small real PDFs,
 * register, verify a person's real name, fill an item's form, upload a file to a checklist line,
 * and the staff's side of an online case (pre-review, acceptance, review, approval).
 */
import PDFDocument from 'pdfkit';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { idNumberCheckChar } from '../../../src/domain/identity/index.js';
import { confirmBox, openCase, statusOf } from './cases.js';
import { fill, tid } from './pages.js';
import type { RunningServer } from './server.js';

export const PASSWORD = 'Demo@2026';
export const APPLICANT_PASSWORD = 'Hall2026pass';

/** The last SMS code the log provider sent to `mobile` (waits for the log line). */
export async function smsCode(server: RunningServer, mobile: string): Promise<string> {
  let code = '';
  await expect
    .poll(
      () => {
        for (const line of server.output().split('\n')) {
          if (!line.includes('sms (log provider)') || !line.includes(mobile)) continue;
          try {
            const entry = JSON.parse(line) as { sms?: { to?: string; text?: string } };
            const m = entry.sms?.to === mobile ? /验证码\s*(\d{6})/.exec(entry.sms.text ?? '') : null;
            if (m) code = m[1];
          } catch {
            const m = /验证码\s*(\d{6})/.exec(line);
            if (m) code = m[1];
          }
        }
        return code;
      },
      { timeout: 10_000 },
    )
    .toMatch(/^\d{6}$/);
  return code;
}

/** A valid 18-character ID number (GB 11643 check digit) for a birth date and sequence. */
export function idNumber(birth: string, seq: number, area = '370702'): string {
  const body = `${area}${birth}${String(seq).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}

/** The same number with a wrong check character. */
export function wrongCheckDigit(id: string): string {
  const last = id[17];
  return id.slice(0, 17) + (last === '0' ? '1' : last === 'X' ? '0' : String((Number(last) + 1) % 10));
}

/** A small real PDF (one A4 page of text). */
export function makePdf(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const parts: Buffer[] = [];
    doc.on('data', (b: Buffer) => parts.push(b));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    doc.fontSize(16).text(text);
    doc.end();
  });
}

/** A Windows program renamed to look like a PDF: the bytes say MZ. */
export const FAKE_PDF = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);

/** Registers an applicant with mobile + SMS code; ends on the real-name page. */
export async function register(page: Page, server: RunningServer, mobile: string, displayName: string): Promise<void> {
  await page.goto(`${server.url}/register`);
  await fill(page, 'register-mobile', mobile);
  await tid(page, 'register-send-code').click();
  const code = await smsCode(server, mobile);
  await fill(page, 'register-code', code);
  await fill(page, 'register-password', APPLICANT_PASSWORD);
  await fill(page, 'register-confirm', APPLICANT_PASSWORD);
  await fill(page, 'register-display-name', displayName);
  await tid(page, 'register-submit').click();
  await page.waitForURL(/\/me\/profile/);
  await tid(page, 'identity-card').waitFor();
}

/** The message shown under a form item holding the element with `testid`. */
export function fieldError(page: Page, testid: string) {
  return page.locator('.el-form-item', { has: page.locator(`[data-testid="${testid}"]`) }).locator('.el-form-item__error');
}

/** Real name as a person on the profile page (the browser checks the number first). */
export async function verifyPerson(page: Page, name: string, id: string): Promise<void> {
  await tid(page, 'identity-kind-person').click();
  await fill(page, 'identity-name', name);
  await fill(page, 'identity-id-number', id);
  await tid(page, 'identity-save').click();
  await tid(page, 'identity-verified').waitFor();
}

/** Uploads one file to a checklist line and waits until it is listed. */
export async function uploadFile(page: Page, code: string, name: string, buffer: Buffer, scope = 'body'): Promise<void> {
  const line = page.locator(scope).locator(`[data-testid="upload-${code}"]`);
  const before = Number((await line.getAttribute('data-count')) ?? '0');
  await page.locator(scope).locator(`[data-testid="upload-input-${code}"]`).setInputFiles({ name, mimeType: 'application/pdf', buffer });
  await expect.poll(() => line.getAttribute('data-count')).toBe(String(before + 1));
}

/** The required material codes of the checklist on the apply page. */
export async function requiredCodes(page: Page): Promise<string[]> {
  const lines = page.locator('[data-testid="uploads"] > li');
  const out: string[] = [];
  for (let i = 0; i < (await lines.count()); i++) {
    const l = lines.nth(i);
    if ((await l.locator('.el-tag--danger').count()) > 0) out.push((await l.getAttribute('data-testid'))!.replace('upload-', ''));
  }
  return out;
}

export const saveState = (page: Page) => tid(page, 'apply-save-status').getAttribute('data-state');

/** The clerk's pre-review asks for `code` again: every other material received. */
export async function preReviewSupplement(clerk: Page, base: string, caseId: string, code: string, note: string): Promise<void> {
  await openCase(clerk, base, `/admin/cases/${caseId}`);
  await tid(clerk, 'online-application').waitFor();
  await tid(clerk, 'materials-all-received').click();
  await tid(clerk, `material-${code}-missing`).click();
  await fill(clerk, `material-${code}-note`, note);
  await tid(clerk, 'action-supplement').click();
  await tid(clerk, 'supplement-save').click();
  await expect.poll(() => statusOf(clerk)).toBe('supplementRequired');
}

/** The clerk accepts the resubmitted case and sends it to review. */
export async function acceptAndStartReview(clerk: Page, base: string, caseId: string): Promise<void> {
  await openCase(clerk, base, `/admin/cases/${caseId}`);
  await expect.poll(() => statusOf(clerk)).toBe('submitted');
  await tid(clerk, 'materials-all-received').click();
  await tid(clerk, 'action-accept').click();
  await confirmBox(clerk);
  await expect.poll(() => statusOf(clerk)).toBe('accepted');
  await tid(clerk, 'action-start-review').click();
  await confirmBox(clerk);
  await expect.poll(() => statusOf(clerk)).toBe('inReview');
}

/** The reviewer completes the review task; the head of the registration center approves and concludes. */
export async function reviewApproveConclude(reviewer: Page, leader: Page, base: string, caseId: string, caseNo: string): Promise<void> {
  await reviewer.goto(`${base}/admin/review/tasks`);
  await tid(reviewer, 'tasks-row').filter({ hasText: caseNo }).click();
  await tid(reviewer, 'task-complete').first().click();
  await fill(reviewer, 'task-complete-text', '网上申报材料齐全，权属清楚，同意登簿');
  await tid(reviewer, 'task-complete-save').click();
  await expect.poll(() => tid(reviewer, 'task-row').first().getAttribute('data-status')).toBe('completed');

  await openCase(leader, base, `/admin/cases/${caseId}`);
  await tid(leader, 'action-decide').click();
  await tid(leader, 'decide-approve').click();
  await fill(leader, 'decide-note', '准予登记');
  await tid(leader, 'decide-save').click();
  await tid(leader, 'notice-row').and(leader.locator('[data-kind="approval"]')).waitFor();
  await tid(leader, 'action-conclude').click();
  await confirmBox(leader);
  await expect.poll(() => statusOf(leader)).toBe('concluded');
}

/** The applicant's case page status. */
export const myStatus = (page: Page) => tid(page, 'my-case-status').getAttribute('data-status');
