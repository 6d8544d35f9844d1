/** Shared by the online bundle application tests and the authorization matrix: a published bundle, uploads, a submitted application. */
import { expect } from 'vitest';
import type { Session, TestApp } from '../helpers/app.js';
import { type BundleItems, bundleItems, createBundle, publishBundle } from './bundle-helpers.js';
import { USCC } from './case-helpers.js';
import { H, PDF_BYTES, upload } from './hall-helpers.js';

export const APPS = `${H}/bundle-applications`;
export const WINDOW = '/api/v1/bundle-applications';

/** The combined form of 设立与刻章 → 参保登记; B01–B04 required, B05 optional. */
export const FORM = { entName: '济南测试科技有限公司', registeredCapital: 100, uscc: USCC, employees: 5, phone: '13812345678' };
export const REQUIRED = ['B01', 'B02', 'B03', 'B04'];

/** 企业开办: 设立登记 and 刻章 (deptA) side by side, then 参保 (deptB); published. */
export async function onlineBundle(t: TestApp): Promise<{ items: BundleItems; bundleId: string }> {
  const admin = await t.login('admin');
  const items = await bundleItems(t);
  const b = await createBundle(t, admin, {
    code: 'YJS-ONLINE', name: '企业开办一件事', stages: [{ name: '设立与刻章', itemIds: [items.company, items.seal] }, { name: '参保登记', itemIds: [items.insurance] }],
  });
  return { items, bundleId: (await publishBundle(t, admin, b.id, b.version)).id };
}

/** Uploads one PDF per code; `[{ code, fileId }]`. */
export async function uploads(t: TestApp, s: Session, bundleId: string, codes = REQUIRED) {
  const out: { code: string; fileId: string }[] = [];
  for (const code of codes) {
    const r = await upload(t, s, `${H}/bundle-uploads?bundleId=${bundleId}&materialCode=${code}`, `${code}.pdf`, PDF_BYTES);
    expect(r.statusCode, r.body).toBe(200);
    out.push({ code, fileId: r.json().fileId });
  }
  return out;
}

/** A submitted application of the applicant's: its view. */
export async function submittedApplication(t: TestApp, s: Session, bundleId: string) {
  const r = await t.as(s, { method: 'POST', url: APPS, payload: { bundleId, form: FORM, materials: await uploads(t, s, bundleId) } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}
