/** Small helpers for journeys: data-testid locators and Element Plus selects. */
import type { Page } from 'playwright-core';

export const tid = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/**
 * Fills an input: Element Plus puts the testid on the <input>/<textarea> of el-input, and on the
 * wrapper of el-input-number and el-select. Tab commits el-input-number's value.
 */
export async function fill(page: Page, id: string, value: string) {
  const sel = `input[data-testid="${id}"], textarea[data-testid="${id}"], [data-testid="${id}"] input, [data-testid="${id}"] textarea`;
  const input = page.locator(sel).first();
  await input.fill(value);
  await input.press('Tab');
}

/** Opens an el-select by its testid and clicks the option with the given testid. */
export async function choose(page: Page, selectId: string, optionId: string) {
  await tid(page, selectId).click();
  await tid(page, optionId).last().click();
}

export async function login(page: Page, base: string, username: string, password: string) {
  await page.goto(`${base}/login`);
  await fill(page, 'login-username', username);
  await fill(page, 'login-password', password);
  await tid(page, 'login-submit').click();
  await page.waitForURL(/\/admin/);
}
