import { describe, expect, it } from 'vitest';
import {
  type BundleItem,
  type BundleMaterial,
  bundleLimits,
  combinedFees,
  combinedForm,
  combinedMaterials,
  joinForm,
  normaliseMaterialName,
  splitForm,
} from '../../../src/domain/bundle/index.js';

const mat = (code: string, name: string, over: Partial<BundleMaterial> = {}): BundleMaterial => ({
  code, name, required: true, form: 'original', copies: 1, notes: '', deferrable: false, pledgeable: false, ...over,
});
const item = (id: string, over: Partial<BundleItem> = {}): BundleItem => ({
  id, name: `事项${id}`, promisedLimit: 0, statutoryLimit: 0, materials: [], fees: { free: true, lines: [] },
  formSchema: { type: 'object', properties: {} }, ...over,
});

describe('bundleLimits: the sum over stages of the longest item in each', () => {
  it('takes the longest of each stage, promised and statutory separately', () => {
    const items = new Map([
      ['a', item('a', { promisedLimit: 0, statutoryLimit: 0 })],
      ['b', item('b', { promisedLimit: 7, statutoryLimit: 20 })],
      ['c', item('c', { promisedLimit: 5, statutoryLimit: 20 })],
      ['d', item('d', { promisedLimit: 10, statutoryLimit: 20 })],
      ['e', item('e', { promisedLimit: 10, statutoryLimit: 15 })],
      ['f', item('f', { promisedLimit: 3, statutoryLimit: 7 })],
    ]);
    const l = bundleLimits([{ name: '立项', itemIds: ['a', 'b'] }, { name: '许可', itemIds: ['c', 'd'] }, { name: '图审', itemIds: ['e', 'f'] }], items);
    expect(l).toEqual({
      promisedLimit: 27, statutoryLimit: 55,
      stages: [{ promisedLimit: 7, statutoryLimit: 20 }, { promisedLimit: 10, statutoryLimit: 20 }, { promisedLimit: 10, statutoryLimit: 15 }],
    });
  });

  it('gives 0 for an empty stage and for an all-immediate bundle', () => {
    expect(bundleLimits([{ name: '空', itemIds: [] }], new Map()).promisedLimit).toBe(0);
    expect(bundleLimits([{ name: '即办', itemIds: ['a', 'b'] }], new Map([['a', item('a')], ['b', item('b')]])).promisedLimit).toBe(0);
  });
});

describe('combinedMaterials: one deduplicated checklist', () => {
  it('normalises names: width, case, spaces, brackets and punctuation', () => {
    expect(normaliseMaterialName('营业执照（副本）')).toBe(normaliseMaterialName('营业执照 (副本)'));
    expect(normaliseMaterialName('《公司章程》、股东决议')).toBe(normaliseMaterialName('公司章程股东决议'));
    expect(normaliseMaterialName('ＡＢＣ 申请表')).toBe(normaliseMaterialName('abc申请表'));
    expect(normaliseMaterialName('申请人身份证件')).not.toBe(normaliseMaterialName('经办人身份证件'));
  });

  it('asks a shared material once, required if any item requires it, with the items it serves', () => {
    const list = combinedMaterials([
      item('a', { materials: [mat('M01', '营业执照', { form: 'copy', required: false, deferrable: true, pledgeable: true }), mat('M02', '公司章程')] }),
      item('b', { materials: [mat('M01', '《营业执照》', { form: 'copy', copies: 2, pledgeable: true, notes: '电子证照可免提交' }), mat('M02', '经办人身份证件')] }),
      item('c', { materials: [mat('M03', '营业执照', { form: 'original', required: false, deferrable: true, pledgeable: true })] }),
    ]);
    expect(list.map((m) => [m.code, m.name])).toEqual([['B01', '营业执照'], ['B02', '公司章程'], ['B03', '经办人身份证件']]);
    const licence = list[0];
    expect(licence).toMatchObject({
      required: true, copies: 2, notes: '电子证照可免提交', form: 'originalAndCopy',
      // 容缺 only where every item allows it
      deferrable: false, pledgeable: true,
    });
    expect(licence.items).toEqual([
      { itemId: 'a', itemName: '事项a', materialCode: 'M01', required: false },
      { itemId: 'b', itemName: '事项b', materialCode: 'M01', required: true },
      { itemId: 'c', itemName: '事项c', materialCode: 'M03', required: false },
    ]);
  });

  it('keeps electronic when every item takes it electronically, and an optional material optional', () => {
    const list = combinedMaterials([item('a', { materials: [mat('M1', '备案信息表', { form: 'electronic', required: false })] }), item('b', { materials: [mat('M9', '备案信息表', { form: 'electronic', required: false })] })]);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ form: 'electronic', required: false });
  });
});

describe('combinedFees: one fee sheet', () => {
  it('lists every line with its item and totals the fixed amounts', () => {
    const fees = combinedFees([
      item('a', { fees: { free: false, lines: [{ name: '不动产登记费', basis: '', standard: '80元/件', amountFen: 8000, licenceNo: 'L1' }] } }),
      item('b'),
      item('c', { fees: { free: false, lines: [
        { name: '工本费', basis: '', standard: '10元', amountFen: 1000, licenceNo: 'L2' },
        { name: '易地建设费', basis: '', standard: '按面积', amountFen: null, licenceNo: 'L3' },
      ] } }),
    ]);
    expect(fees.lines.map((l) => [l.itemId, l.name])).toEqual([['a', '不动产登记费'], ['c', '工本费'], ['c', '易地建设费']]);
    expect(fees).toMatchObject({ free: false, totalFen: 9000, variable: true });
    expect(combinedFees([item('a'), item('b')])).toEqual({ free: true, lines: [], totalFen: 0, variable: false });
  });
});

describe('combinedForm: one form', () => {
  const company = item('company', {
    name: '设立登记',
    formSchema: {
      type: 'object',
      properties: {
        entName: { type: 'string', title: '企业名称', maxLength: 100 },
        registeredCapital: { type: 'number', title: '注册资本（万元）', exclusiveMinimum: 0 },
        phone: { type: 'string', title: '联系电话', pattern: '^1\\d{10}$' },
      },
      required: ['entName', 'registeredCapital'],
    },
  });
  const seal = item('seal', {
    name: '公章刻制',
    formSchema: {
      type: 'object',
      properties: {
        entName: { type: 'string', title: '单位名称', maxLength: 80, minLength: 2 },
        phone: { type: 'string', title: '联系电话', pattern: '^\\d+$' },
        sealKinds: { type: 'array', title: '印章种类', items: { type: 'string', enum: ['公章', '财务章'] }, minItems: 1 },
      },
      required: ['entName', 'phone', 'sealKinds'],
    },
  });
  const land = (id: string, unit: string) => item(id, {
    name: `用地${id}`,
    formSchema: { type: 'object', properties: { landArea: { type: 'number', title: `用地面积（${unit}）`, exclusiveMinimum: 0 } }, required: ['landArea'] },
  });

  it('asks a shared field once with the strictest bounds, keeps a conflicting one per item, and requires the union', () => {
    const f = combinedForm([company, seal]);
    expect(Object.keys(f.schema.properties)).toEqual(['entName', 'registeredCapital', 'phone', 'phone__2', 'sealKinds']);
    expect(f.schema.properties.entName).toEqual({ type: 'string', title: '企业名称', maxLength: 80, minLength: 2 });
    // same name, different pattern: two fields, each titled with its item
    expect(f.schema.properties.phone.title).toBe('联系电话（设立登记）');
    expect(f.schema.properties.phone__2).toMatchObject({ title: '联系电话（公章刻制）', pattern: '^\\d+$' });
    expect(f.schema.required).toEqual(['entName', 'registeredCapital', 'phone__2', 'sealKinds']);
    expect(f.mapping).toEqual({
      company: { entName: 'entName', registeredCapital: 'registeredCapital', phone: 'phone' },
      seal: { entName: 'entName', phone: 'phone__2', sealKinds: 'sealKinds' },
    });
    expect(f.fields.find((x) => x.key === 'entName')).toEqual({ key: 'entName', name: 'entName', itemIds: ['company', 'seal'], required: true });
  });

  it('keeps numbers in different units apart, and joins those in the same unit', () => {
    const f = combinedForm([land('a', '公顷'), land('b', '平方米'), land('c', '平方米')]);
    expect(f.mapping).toEqual({ a: { landArea: 'landArea' }, b: { landArea: 'landArea__2' }, c: { landArea: 'landArea__2' } });
    expect(f.schema.properties.landArea__2.title).toBe('用地面积（平方米）（用地b、用地c）');
  });

  it('does not merge bounds that leave no value, and keeps namespaced keys clear of real names', () => {
    const lo = item('lo', { formSchema: { type: 'object', properties: { price: { type: 'number', minimum: 30 }, price__2: { type: 'string' } } } });
    const hi = item('hi', { formSchema: { type: 'object', properties: { price: { type: 'number', maximum: 20 } } } });
    const f = combinedForm([lo, hi]);
    expect(f.mapping.hi).toEqual({ price: 'price__3' });
    expect(f.schema.properties.price__3).toMatchObject({ type: 'number', maximum: 20 });
  });

  it('treats enums as sets and an array by its items', () => {
    const a = item('a', { formSchema: { type: 'object', properties: { k: { type: 'string', enum: ['x', 'y'] }, l: { type: 'array', items: { type: 'string' } } } } });
    const b = item('b', { formSchema: { type: 'object', properties: { k: { type: 'string', enum: ['y', 'x'], title: '类别' }, l: { type: 'array', items: { type: 'integer' } } } } });
    const f = combinedForm([a, b]);
    expect(f.mapping.b).toEqual({ k: 'k', l: 'l__2' });
  });

  it('splits a filled combined form back per item, and joins per-item forms into one', () => {
    const f = combinedForm([company, seal]);
    const values = { entName: '潍坊一件事有限公司', registeredCapital: 100, phone: '13800000000', phone__2: '05368096000', sealKinds: ['公章'] };
    expect(splitForm(f, values)).toEqual({
      company: { entName: '潍坊一件事有限公司', registeredCapital: 100, phone: '13800000000' },
      seal: { entName: '潍坊一件事有限公司', phone: '05368096000', sealKinds: ['公章'] },
    });
    expect(joinForm(f, splitForm(f, values))).toEqual(values);
  });

  it('copes with items without a form', () => {
    const f = combinedForm([item('a', { formSchema: {} }), item('b')]);
    expect(f.schema).toEqual({ type: 'object', properties: {}, required: [] });
    expect(f.mapping).toEqual({ a: {}, b: {} });
  });
});
