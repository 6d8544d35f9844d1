/** Shared by the bundle integration tests: demo-like published items and short calls to the bundle API. */
import { expect } from 'vitest';
import type { ItemDataInput } from '../../src/contracts/catalogue.js';
import { createItem, createPublishedItem } from '../../src/server/services/catalogue/index.js';
import { systemCtx } from '../../src/server/services/context.js';
import type { Session, TestApp } from '../helpers/app.js';
import { sampleItem } from './catalogue-helpers.js';

const F = {
  entName: { type: 'string', title: '单位名称', maxLength: 100 },
  uscc: { type: 'string', title: '统一社会信用代码', pattern: '^[0-9A-Z]{18}$' },
  phone: { type: 'string', title: '联系电话', pattern: '^1\\d{10}$' },
};

/** A promised item whose two steps fit its promised limit. */
function item(t: TestApp, over: Partial<ItemDataInput> & { promisedLimit: number }): ItemDataInput {
  return sampleItem(t, {
    procedure: [
      { name: '受理', kind: 'accept', role: 'clerk', limitDays: 0 },
      { name: '审查决定', kind: 'decide', role: 'deptLeader', limitDays: over.promisedLimit },
    ],
    ...over,
  });
}

export interface BundleItems {
  /** deptA, 3/15 days, free: the company form */
  company: string;
  /** deptA, 1/5 days, a fixed fee of 120 yuan; asks for 营业执照 */
  seal: string;
  /** deptB, 2/15 days, a fee by formula; asks for 《营业执照》 */
  insurance: string;
  /** deptB, a draft never published */
  draft: string;
  /** the county's, published */
  county: string;
}

/** Demo-like items of 企业开办, published as the system. */
export async function bundleItems(t: TestApp): Promise<BundleItems> {
  const sys = systemCtx(t.app.deps);
  const pub = async (d: ItemDataInput) => (await createPublishedItem(sys, d)).item.id;
  const company = await pub(item(t, {
    code: 'SCJG-DJ-0001', name: '有限责任公司设立登记', promisedLimit: 3, statutoryLimit: 15,
    materials: [{ code: 'M01', name: '公司登记（备案）申请书' }, { code: 'M02', name: '股东身份证件', form: 'copy' }],
    formSchema: {
      type: 'object',
      properties: { entName: { ...F.entName, title: '企业名称' }, registeredCapital: { type: 'number', title: '注册资本（万元）', exclusiveMinimum: 0 }, phone: F.phone },
      required: ['entName', 'registeredCapital'],
    },
  }));
  const seal = await pub(item(t, {
    code: 'SCJG-DJ-0002', name: '公章刻制备案', promisedLimit: 1, statutoryLimit: 5,
    materials: [{ code: 'M01', name: '营业执照', form: 'copy', deferrable: true }, { code: 'M02', name: '法定代表人身份证件' }],
    fees: { free: false, lines: [{ name: '公章刻制工本费', basis: '鲁价费发〔2020〕1号', standard: '每套120元', amountFen: 12000, licenceNo: '鲁费证0001' }] },
    formSchema: { type: 'object', properties: { entName: { ...F.entName, maxLength: 50 }, uscc: F.uscc, phone: F.phone }, required: ['entName', 'uscc'] },
  }));
  const insurance = await pub(item(t, {
    code: 'ZJJ-DJ-0003', name: '单位参保登记', departmentId: t.org.deptB, promisedLimit: 2, statutoryLimit: 15,
    materials: [{ code: 'M01', name: '《营业执照》', form: 'copy', copies: 2 }, { code: 'M02', name: '社会保险登记表', required: false }],
    fees: { free: false, lines: [{ name: '档案工本费', basis: '', standard: '按页计收', amountFen: null, licenceNo: '鲁费证0002' }] },
    formSchema: { type: 'object', properties: { entName: F.entName, uscc: F.uscc, employees: { type: 'integer', title: '参保人数', minimum: 0 } }, required: ['uscc', 'employees'] },
  }));
  const draft = (await createItem(sys, item(t, { code: 'ZJJ-DJ-0004', name: '未发布的事项', departmentId: t.org.deptB, promisedLimit: 2 }))).item.id;
  const county = await pub(item(t, { code: 'XSCJ-DJ-0001', name: '县级事项', departmentId: t.org.deptCounty, promisedLimit: 2 }));
  return { company, seal, insurance, draft, county };
}

export const BUNDLES = '/api/v1/admin/bundles';

export async function createBundle(t: TestApp, s: Session, payload: object) {
  const r = await t.as(s, { method: 'POST', url: BUNDLES, payload });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

export async function publishBundle(t: TestApp, s: Session, id: string, version: number) {
  const r = await t.as(s, { method: 'POST', url: `${BUNDLES}/${id}/publish`, payload: { version } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

/** The body of 企业开办一件事: 设立登记, then 刻章 and 参保 side by side. */
export const startUp = (i: BundleItems, over: object = {}) => ({
  code: 'YJS-QYKB', name: '企业开办一件事', summary: '一表申请、一套材料、一次办结', themes: ['企业开办'],
  stages: [{ name: '设立登记', itemIds: [i.company] }, { name: '刻章与参保', itemIds: [i.seal, i.insurance] }],
  ...over,
});
