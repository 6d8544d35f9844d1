/**
 * The bundle journey (一件事办件) in Chromium against the real server with the demo data: the
 * center admin publishes a two-stage bundle of three 市场监督管理局 items (made over the API: two
 * charge one fixed fee each); the clerk takes the whole bundle in once at the window — one
 * applicant, one form, one set of materials — and stage 1's two child cases open side by side;
 * the department leader approves them (over the API, to keep the journey short) and stage 2
 * opens by itself; the clerk assesses the fees on the run's one fee sheet, pays it once, and the
 * run shows concluded when the last child case is. The public progress answer follows the run.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../src/domain/identity/index.js';
import { launchBrowser, SCREENSHOT_DIR } from './helpers/browser.js';
import { fill, login, tid } from './helpers/pages.js';
import { type RunningServer, startServer } from './helpers/server.js';

const PASSWORD = 'Demo@2026';
const USCC = '91370700MA3C12345' + usccCheckChar('91370700MA3C12345');
const ENTERPRISE = '潍坊一件事测试有限公司';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A signed-in API client (cookie and CSRF token), for the steps the journey does not click through. */
async function apiAs(username: string) {
  const r = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  expect(r.status).toBe(200);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
  const csrf = ((await r.json()) as { csrfToken: string }).csrfToken;
  return async (method: 'GET' | 'POST', url: string, body?: object) => {
    const res = await fetch(`${server.url}${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    expect(res.status, `${method} ${url} → ${res.status} ${text.slice(0, 300)}`).toBe(200);
    return JSON.parse(text);
  };
}

const FORM = {
  type: 'object',
  properties: { entName: { type: 'string', title: '企业名称', maxLength: 100 }, employees: { type: 'integer', title: '从业人数', minimum: 1 } },
  required: ['entName', 'employees'],
};

/** A promised 市场监督管理局 item the leader decides at once (no review task), with one fixed fee line or none. */
const item = (departmentId: string, code: string, name: string, feeFen: number | null) => ({
  code, name, departmentId, level: 'city', itemType: 'registration', themes: ['企业开办'],
  summary: '一件事端到端测试事项。',
  legalBasis: [{ law: '《中华人民共和国市场主体登记管理条例》', article: '第三条', text: '市场主体应当依照本条例办理登记。' }],
  conditions: ['依法设立的企业'],
  materials: [{ code: 'M01', name: '登记申请书' }, { code: 'M02', name: '营业执照', form: 'copy' }],
  procedure: [
    { name: '受理', kind: 'accept', role: 'clerk', limitDays: 0 },
    { name: '审查决定', kind: 'decide', role: 'deptLeader', limitDays: 2 },
  ],
  handlingClass: 'promised', statutoryLimit: 10, promisedLimit: 2,
  fees: feeFen === null ? { free: true, lines: [] } : { free: false, lines: [{ name: `${name}工本费`, basis: '鲁价费发〔2020〕1号', standard: `每件${feeFen / 100}元`, amountFen: feeFen, licenceNo: `鲁费证E2E${code.slice(-1)}` }] },
  result: { name: `${name}结果`, validity: '长期', delivery: ['window'] },
  onlineDepth: 'window', maxVisits: 1,
  formSchema: FORM,
});

async function staffPage(username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await login(page, server.url, username, PASSWORD);
  return page;
}

describe('a bundle of two stages from one window to the end', () => {
  it('starts the run in the UI, opens stage 2 when stage 1 concludes, pays one fee sheet once, and shows the run concluded', async () => {
    // ——— the bundle, published by the center admin ———
    const admin = await apiAs('admin');
    const depts = await admin('GET', `/api/v1/admin/departments?q=${encodeURIComponent('市场监督管理局')}&pageSize=50`);
    const scjg = depts.items.find((d: { code: string }) => d.code === 'SCJG'); // 潍坊市市场监督管理局, the demo users' department
    expect(scjg).toBeTruthy();
    const ids: string[] = [];
    for (const [code, name, fee] of [['E2E-YJS-0001', '名称自主申报', 5000], ['E2E-YJS-0002', '经营范围登记', null], ['E2E-YJS-0003', '公章备案', 3000]] as const) {
      const d = await admin('POST', '/api/v1/admin/items', item(scjg.id, code, name, fee));
      await admin('POST', `/api/v1/admin/items/${d.item.id}/publish`, { version: d.draft.version });
      ids.push(d.item.id);
    }
    const bundle = await admin('POST', '/api/v1/admin/bundles', {
      code: 'E2E-YJS', name: '端到端两阶段一件事', summary: '一次告知、一表申请、一窗受理', themes: ['企业开办'],
      stages: [{ name: '名称与经营范围', itemIds: [ids[0], ids[1]] }, { name: '公章备案', itemIds: [ids[2]] }],
    });
    await admin('POST', `/api/v1/admin/bundles/${bundle.id}/publish`, { version: bundle.version });

    // ——— the clerk takes the whole bundle in once ———
    const clerk = await staffPage('clerk');
    await clerk.goto(`${server.url}/admin/bundle-runs/new`);
    await tid(clerk, 'run-bundle').click();
    await clerk.locator('[data-testid="run-bundle"] input').fill('端到端');
    await tid(clerk, 'run-bundle-option-E2E-YJS').last().click();
    await expect.poll(() => tid(clerk, 'run-bundle-limits').textContent()).toContain('4 个工作日'); // 2 + 2
    await tid(clerk, 'run-kind-enterprise').click();
    await fill(clerk, 'run-name', ENTERPRISE);
    await fill(clerk, 'run-uscc', USCC);
    await fill(clerk, 'run-phone', '13905361234');
    // one form: 企业名称 and 从业人数 asked once for the three items
    await expect.poll(() => tid(clerk, 'run-form').locator('.el-form-item').count()).toBe(2);
    await fill(clerk, 'form-entName', ENTERPRISE);
    await fill(clerk, 'form-employees', '12');
    // one set of materials: 登记申请书 and 营业执照 once each; submitting without them names them
    await tid(clerk, 'run-submit').click();
    await tid(clerk, 'run-material-error-B01').waitFor();
    await tid(clerk, 'run-material-B01').click();
    await tid(clerk, 'run-material-B02').click();
    await tid(clerk, 'run-submit').click();
    await clerk.waitForURL(/\/admin\/bundle-runs\/[0-9a-f-]{36}/);
    const runId = clerk.url().split('/').pop()!;
    const runNo = (await tid(clerk, 'run-no').textContent())!.trim();
    const code = (await tid(clerk, 'run-code').textContent())!.trim();
    expect(runNo).toMatch(/^YJS\d{18}$/);
    await expect.poll(() => tid(clerk, 'run-status').getAttribute('data-status')).toBe('inProgress');
    expect(await tid(clerk, 'run-deadline').textContent()).toContain('承诺 4 个工作日');
    // stage 1's two child cases side by side; stage 2 waits
    await expect.poll(() => tid(clerk, 'run-stage-cases-0').locator('[data-testid="run-child"]').count()).toBe(2);
    expect(await tid(clerk, 'run-stage-1').getAttribute('data-status')).toBe('waiting');
    // the stage-1 fee assessed on the one sheet
    await tid(clerk, 'run-assess').click();
    await expect.poll(() => tid(clerk, 'run-fee-total').textContent()).toContain('合计 50.00 元');
    await clerk.screenshot({ path: path.join(SCREENSHOT_DIR, 'bundle-run-stage1.png'), fullPage: true });

    // ——— the department approves stage 1 (over the API): stage 2 opens by itself ———
    const leader = await apiAs('leader');
    const approve = async (caseId: string) => {
      const c = await leader('GET', `/api/v1/cases/${caseId}`);
      const d = await leader('POST', `/api/v1/cases/${caseId}/decide`, { version: c.version, decision: { outcome: 'approved', note: '' } });
      await leader('POST', `/api/v1/cases/${caseId}/conclude`, { version: d.version });
    };
    const run1 = await leader('GET', `/api/v1/bundle-runs/${runId}`);
    for (const c of run1.stages[0].cases) await approve(c.caseId);
    await clerk.reload();
    await expect.poll(() => tid(clerk, 'run-stage-1').getAttribute('data-status')).toBe('inProgress');
    expect(await tid(clerk, 'run-stage-0').getAttribute('data-status')).toBe('done');
    await expect.poll(() => tid(clerk, 'run-stage-cases-1').locator('[data-testid="run-child"]').count()).toBe(1);

    // ——— one fee sheet for both stages, paid once ———
    await tid(clerk, 'run-assess').click();
    await expect.poll(() => tid(clerk, 'run-fee-total').textContent()).toContain('合计 80.00 元，待缴 80.00 元');
    await tid(clerk, 'run-pay').click();
    await tid(clerk, 'run-pay-method-online').click();
    await fill(clerk, 'run-pay-reference', 'WX-E2E-0001');
    await tid(clerk, 'run-pay-save').click();
    await expect.poll(() => tid(clerk, 'run-fee-total').textContent()).toContain('待缴 0.00 元');
    const statuses = await tid(clerk, 'run-fee-status').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses).toEqual(['paid', 'paid']);
    await expect.poll(() => tid(clerk, 'run-pay').count()).toBe(0);
    // each child case recorded its own payment under the run's one receipt number
    const paid = await leader('GET', `/api/v1/bundle-runs/${runId}`);
    expect(new Set(paid.fees.lines.map((l: { receiptNo: string }) => l.receiptNo))).toEqual(new Set([`${runNo}-F01`]));

    // ——— the last child case concluded: the run is concluded ———
    await approve(paid.stages[1].cases[0].caseId);
    await clerk.reload();
    await expect.poll(() => tid(clerk, 'run-status').getAttribute('data-status')).toBe('concluded');
    expect(await tid(clerk, 'run-stage-1').getAttribute('data-status')).toBe('done');
    await clerk.screenshot({ path: path.join(SCREENSHOT_DIR, 'bundle-run-concluded.png'), fullPage: true });

    // a child case opens on the existing case page
    await tid(clerk, 'run-child').first().click();
    await clerk.waitForURL(/\/admin\/cases\/[0-9a-f-]{36}/);
    await tid(clerk, 'case-no').waitFor();

    // the list shows it concluded; the public answer needs the number and code only
    await clerk.goto(`${server.url}/admin/bundle-runs`);
    await expect.poll(() => tid(clerk, 'bundle-runs-row').first().textContent()).toBe(runNo);
    const pub = await fetch(`${server.url}/api/v1/public/bundle-progress?runNo=${runNo}&code=${code}`);
    expect(pub.status).toBe(200);
    const body = await pub.text();
    expect(JSON.parse(body)).toMatchObject({ runNo, status: 'concluded' });
    expect(body).not.toContain(USCC);
    // the public progress page looks a YJS number up as the whole run: its stages and their cases
    await clerk.goto(`${server.url}/progress?caseNo=${runNo}&code=${code}`);
    await tid(clerk, 'bundle-progress-result').waitFor();
    expect(await tid(clerk, 'bundle-progress-stage').count()).toBe(2);
    expect(await tid(clerk, 'bundle-progress-status').textContent()).toContain('已办结');
    expect(await clerk.content()).not.toContain(USCC);
    await clerk.close();
  });
});
