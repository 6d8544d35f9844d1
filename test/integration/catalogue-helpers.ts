/** Shared by the catalogue integration tests: a valid item and short calls to the admin API. */
import { expect } from 'vitest';
import type { ItemDataInput } from '../../src/contracts/catalogue.js';
import type { Session, TestApp } from '../helpers/app.js';

/** A promised (承诺件) licensing item of deptA that passes every publish rule. */
export function sampleItem(t: TestApp, over: Partial<ItemDataInput> = {}): ItemDataInput {
  return {
    code: 'SCJG-XK-0001',
    name: '食品经营许可',
    departmentId: t.org.deptA,
    level: 'city',
    itemType: 'licensing',
    themes: ['企业开办', '餐饮'],
    summary: '从事食品销售和餐饮服务活动，应当依法取得食品经营许可。',
    legalBasis: [{ law: '《中华人民共和国食品安全法》', article: '第三十五条', text: '国家对食品生产经营实行许可制度。' }],
    conditions: ['有与经营的食品品种、数量相适应的经营场所'],
    materials: [
      { code: 'M01', name: '食品经营许可申请书' },
      { code: 'M02', name: '营业执照', form: 'copy' },
    ],
    procedure: [
      { name: '受理', kind: 'accept', role: 'clerk', limitDays: 0 },
      { name: '审查', kind: 'review', role: 'reviewer', limitDays: 5 },
      { name: '决定', kind: 'decide', role: 'deptLeader', limitDays: 3 },
    ],
    handlingClass: 'promised',
    statutoryLimit: 20,
    promisedLimit: 10,
    fees: { free: true, lines: [] },
    result: { name: '食品经营许可证', validity: '5年', delivery: ['window', 'mail'] },
    onlineDepth: 'onlinePreReview',
    maxVisits: 1,
    ...over,
  };
}

export interface Api {
  t: TestApp;
  s: Session;
}

export async function create(t: TestApp, s: Session, data: ItemDataInput) {
  const r = await t.as(s, { method: 'POST', url: '/api/v1/admin/items', payload: data });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

export async function publish(t: TestApp, s: Session, id: string, version: number) {
  const r = await t.as(s, { method: 'POST', url: `/api/v1/admin/items/${id}/publish`, payload: { version } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

/** Creates and publishes; returns the detail after publishing. */
export async function createPublished(t: TestApp, s: Session, data: ItemDataInput) {
  const d = await create(t, s, data);
  return publish(t, s, d.item.id, d.draft.version);
}

/** A tiny valid PNG (1×1). */
export const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082',
  'hex',
);
/** A minimal PDF. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

/** A multipart/form-data body with one part named `file`. */
export function multipartBody(filename: string, data: Buffer, contentType = 'application/octet-stream') {
  const boundary = '----onestopTestBoundary' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return { payload: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
