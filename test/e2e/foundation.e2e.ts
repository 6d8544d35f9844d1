/**
 * The foundation journeys in Chromium against the real server with the demo data:
 * a visitor searches the catalogue, opens a guide and downloads a sample form; an admin creates
 * an item, is refused when the promised limit exceeds the statutory one, fixes it, publishes it,
 * and the visitor sees it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR } from './helpers/browser.js';
import { choose, fill, login, tid } from './helpers/pages.js';
import { type RunningServer, startServer } from './helpers/server.js';

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

interface PublicItem { id: string; name: string }
interface Guide { name: string; materials: { sampleFile: { url: string; name: string } | null }[] }

async function api<T>(p: string): Promise<T> {
  const r = await fetch(server.url + p);
  expect(r.status).toBe(200);
  return (await r.json()) as T;
}

describe('visitor', () => {
  it('searches the catalogue, opens a guide with its flowchart and downloads a sample form', async () => {
    // Pick a published item that has a sample form, as a visitor would find one.
    const list = await api<{ items: PublicItem[]; total: number }>('/api/v1/public/items?pageSize=200');
    expect(list.total).toBeGreaterThanOrEqual(80);
    let target: { item: PublicItem; guide: Guide } | undefined;
    for (const item of list.items) {
      const guide = await api<Guide>(`/api/v1/public/items/${item.id}`);
      if (guide.materials.some((m) => m.sampleFile)) {
        target = { item, guide };
        break;
      }
    }
    expect(target).toBeDefined();
    const { item } = target!;

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await page.goto(server.url + '/');
    await tid(page, 'home-themes').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'home.png') });

    await fill(page, 'home-search', item.name);
    await tid(page, 'home-search-button').click();
    await page.waitForURL(/\/guide/);
    const link = tid(page, 'guide-item-link').filter({ hasText: item.name }).first();
    await link.click();
    await expect.poll(() => tid(page, 'guide-title').textContent()).toBe(item.name);
    await tid(page, 'flowchart').waitFor();
    expect(await page.locator('[data-testid="flowchart"] svg, svg[data-testid="flowchart"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'guide-detail.png'), fullPage: false });

    const [download] = await Promise.all([page.waitForEvent('download'), tid(page, 'material-sample-link').first().click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-dl-')), 'sample.pdf');
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain('示范文本');
    expect(text).toContain(item.name);

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(`${server.url}/guide/${item.id}`);
    await expect.poll(() => tid(phone, 'guide-title').textContent()).toBe(item.name);
    // nothing wider than the phone's screen
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: path.join(SCREENSHOT_DIR, 'phone-guide.png') });
    await page.close();
    await phone.close();
  });
});

describe('admin', () => {
  it('creates an item, is refused while the promised limit exceeds the statutory one, fixes it, publishes it, and the public sees it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, server.url, 'admin', 'Demo@2026');

    // The admin home warns exactly when the calendar lacks an official arrangement the system needs.
    const cookies = await page.context().cookies();
    const coverage = await (
      await fetch(`${server.url}/api/v1/admin/calendar/coverage`, { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') } })
    ).json();
    if (coverage.ok) expect(await tid(page, 'calendar-coverage-banner').count()).toBe(0);
    else await expect.poll(() => tid(page, 'calendar-coverage-banner').textContent()).toContain(String(coverage.missingYears[0]));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-home.png') });

    await page.goto(`${server.url}/admin/catalogue`);
    await tid(page, 'catalogue-create').click();
    await page.waitForURL(/\/admin\/catalogue\/new/);
    const name = `e2e测试事项：户外广告设置备案${Date.now() % 100000}`;
    await fill(page, 'item-form-code', `370700-SCJG-GG-9${Date.now() % 1000}`);
    await fill(page, 'item-form-name', name);
    await choose(page, 'item-form-department', 'item-form-department-option-SCJG');
    await choose(page, 'item-form-level', 'item-form-level-option-city');
    await choose(page, 'item-form-itemType', 'item-form-itemType-option-publicService');
    await choose(page, 'item-form-handlingClass', 'item-form-handlingClass-option-promised');
    await fill(page, 'item-form-statutoryLimit', '20');
    await fill(page, 'item-form-promisedLimit', '30');
    await choose(page, 'item-form-onlineDepth', 'item-form-onlineDepth-option-onlinePreReview');
    await choose(page, 'item-form-maxVisits', 'item-form-maxVisits-option-1');

    await tid(page, 'item-tab-materials').click();
    await tid(page, 'item-form-materials-add').click();
    await fill(page, 'item-form-materials-0-code', 'M01');
    await fill(page, 'item-form-materials-0-name', '户外广告设置备案表');
    await tid(page, 'item-tab-procedure').click();
    await tid(page, 'item-form-procedure-add').click();
    await fill(page, 'item-form-procedure-0-name', '受理');
    await choose(page, 'item-form-procedure-0-kind', 'item-form-procedure-0-kind-option-accept');
    await choose(page, 'item-form-procedure-0-role', 'item-form-procedure-0-role-option-clerk');
    await fill(page, 'item-form-procedure-0-limitDays', '1');

    await tid(page, 'item-save').click();
    await expect.poll(() => tid(page, 'item-errors').textContent()).toContain('承诺时限');
    await tid(page, 'item-tab-basic').click();
    await expect.poll(() => page.locator('.el-form-item__error').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('不得超过法定时限')]),
    );
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-item-editor.png') });

    await fill(page, 'item-form-promisedLimit', '10');
    await tid(page, 'item-save').click();
    await page.waitForURL(/\/admin\/catalogue\/[^/]+\/edit/);
    await tid(page, 'item-publish').click();
    await tid(page, 'item-publish-confirm').click();
    await expect.poll(() => tid(page, 'item-status').first().textContent(), { timeout: 15_000 }).toContain('已发布');

    const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await visitor.goto(`${server.url}/guide?q=${encodeURIComponent(name)}`);
    await tid(visitor, 'guide-item-link').filter({ hasText: name }).first().click();
    await expect.poll(() => tid(visitor, 'guide-title').textContent()).toBe(name);
    expect(await tid(visitor, 'guide-promised-limit').textContent()).toContain('10');
    await visitor.close();

    await page.goto(`${server.url}/admin/calendar`);
    await tid(page, 'calendar-year-grid').waitFor();
    await tid(page, 'calendar-day-2026-10-01').waitFor();
    expect(await tid(page, 'calendar-day-2026-10-01').getAttribute('data-kind')).toBe('holiday');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-calendar.png') });
    await page.close();
  });
});
