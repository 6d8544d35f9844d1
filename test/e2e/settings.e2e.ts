/**
 * A center's settings pages in Chromium (demo data): the admin sets the 容缺 return period at the
 * city, sees it in force from this center and kept after a reload; on the supervision page the
 * default rating level is set here, then inherited again. The audit log page shows those changes
 * newest first, numbered in the order appended and within their hash chain, and verifies the chains.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './helpers/browser.js';
import { fill, login, tid } from './helpers/pages.js';
import { type RunningServer, startServer } from './helpers/server.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('settings', () => {
  it('sets a case setting and a supervision setting here, then inherits the latter again', async () => {
    const page = await browser.newPage();
    await login(page, server.url, 'admin', 'Demo@2026');
    await page.goto(`${server.url}/admin/settings/case`);
    const source = tid(page, 'settings-deferred-return-workdays-source');
    await source.waitFor();
    expect(await source.getAttribute('data-source')).toBe('default');
    expect(await source.getAttribute('data-value')).toBe('15');
    await tid(page, 'settings-deferred-return-workdays-own').click();
    await fill(page, 'settings-deferred-return-workdays', '12');
    await tid(page, 'settings-save').click();
    await expect.poll(() => source.getAttribute('data-source')).toBe('center');
    expect(await source.getAttribute('data-value')).toBe('12');
    await page.reload();
    await tid(page, 'settings-deferred-return-workdays-source').waitFor();
    expect(await tid(page, 'settings-deferred-return-workdays-source').getAttribute('data-value')).toBe('12');

    await page.goto(`${server.url}/admin/settings/supervision`);
    const level = tid(page, 'settings-default-level-source');
    await level.waitFor();
    const before = await level.getAttribute('data-value');
    await tid(page, 'settings-default-level-own').click();
    await tid(page, 'settings-default-level').click();
    const other = before === 'none' ? 'satisfied' : 'none';
    await page.getByRole('option', { name: other === 'none' ? '不记评价（未评）' : '满意', exact: true }).click();
    await tid(page, 'settings-save').click();
    await expect.poll(() => level.getAttribute('data-source')).toBe('center');
    expect(await level.getAttribute('data-value')).toBe(other);
    await tid(page, 'settings-default-level-inherit').click();
    await tid(page, 'settings-save').click();
    await expect.poll(() => level.getAttribute('data-source')).not.toBe('center');
    await page.close();
  });

  it('lists the log newest first, numbered in order and within its chain, and verifies the chains', async () => {
    const page = await browser.newPage();
    await login(page, server.url, 'admin', 'Demo@2026');
    await page.goto(`${server.url}/admin/audit`);
    const rows = tid(page, 'audit-table').locator('tbody tr.el-table__row');
    await rows.first().waitFor();
    // columns after the expand toggle: 序号 (pos), 链-链内序号 (chain-seq)
    const cells = async (i: number) => (await rows.nth(i).locator('td').allInnerTexts()).map((x) => x.trim());
    const [first, second] = [await cells(0), await cells(1)];
    expect(Number(first[1])).toBeGreaterThan(Number(second[1]));
    expect(first[2]).toMatch(/^\d{1,2}-\d+$/);
    expect(Number(first[2].split('-')[0])).toBeLessThan(32);
    await tid(page, 'audit-verify').click();
    const result = tid(page, 'audit-verify-result');
    await result.waitFor();
    expect(await result.innerText()).toMatch(/哈希链校验通过：32 条链共 \d+ 条记录，未发现篡改/);
    await page.close();
  });
});
