/** Small helpers for journeys: data-testid locators and Element Plus selects. */
import type { Page } from 'playwright-core';

export const tid = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** Fills an el-input (the testid sits on the wrapper div). */
export async function fill(page: Page, id: string, value: string) {
  const input = page.locator(`[data-testid="${id}"] input, [data-testid="${id}"] textarea, input[data-testid="${id}"]`).first();
  await input.fill(value);
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
