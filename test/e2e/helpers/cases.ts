/** Steps of the case journeys: take a case in, read its status, confirm a move, fetch a notice. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { fill, tid } from './pages.js';

/** Takes a case in at the window for a person; the case page's URL. */
export async function newCase(page: Page, base: string, itemCode: string, person: { name: string; idNumber: string; phone: string }): Promise<string> {
  await page.goto(`${base}/admin/cases/new`);
  await tid(page, 'intake-item').click();
  await page.locator('[data-testid="intake-item"] input').fill(itemCode);
  await tid(page, `intake-item-option-${itemCode}`).last().click();
  await tid(page, 'intake-item-info').waitFor();
  await tid(page, 'intake-kind-person').click();
  await fill(page, 'intake-name', person.name);
  await fill(page, 'intake-id-number', person.idNumber);
  await fill(page, 'intake-phone', person.phone);
  await tid(page, 'intake-submit').click();
  await page.waitForURL(/\/admin\/cases\/[0-9a-f-]{36}/);
  await tid(page, 'case-no').waitFor();
  return page.url();
}

export async function openCase(page: Page, base: string, url: string): Promise<void> {
  await page.goto(url.startsWith('http') ? url : base + url);
  await tid(page, 'case-no').waitFor();
}

export const statusOf = (page: Page) => tid(page, 'case-status').getAttribute('data-status');

/** Confirms the Element Plus message box a simple move asks. */
export async function confirmBox(page: Page): Promise<void> {
  await page.locator('.el-message-box .el-button--primary').click();
}

/** The case page's notice of `kind`, fetched through its print link with the page's session. */
export async function noticePdf(page: Page, kind: string): Promise<Buffer> {
  const row = tid(page, 'notice-row').and(page.locator(`[data-kind="${kind}"]`)).last();
  await row.waitFor();
  const href = await row.locator('[data-testid="notice-print"]').getAttribute('href');
  expect(href).toBeTruthy();
  const r = await page.request.get(new URL(href!, page.url()).toString());
  expect(r.status()).toBe(200);
  expect(r.headers()['content-type']).toBe('application/pdf');
  return Buffer.from(await r.body());
}
