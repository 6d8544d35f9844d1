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
import { fill, login, tid } from './helpers/pages.js';
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
