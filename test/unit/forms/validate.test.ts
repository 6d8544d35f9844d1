/** The online hall's form check (src/domain/forms): the JSON Schema subset the catalogue uses, field by field. */
import { describe, expect, it } from 'vitest';
import { checkForm, formFields } from '../../../src/domain/forms/index.js';

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string', title: '单位名称', minLength: 2, maxLength: 5 },
    code: { type: 'string', title: '统一社会信用代码', pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$' },
    kind: { type: 'string', title: '类别', enum: ['甲', '乙'] },
    area: { type: 'number', title: '面积', exclusiveMinimum: 0, maximum: 100 },
    staff: { type: 'integer', title: '人数', minimum: 1 },
    on: { type: 'string', title: '日期', format: 'date' },
    yes: { type: 'boolean', title: '是否' },
    items: { type: 'array', title: '项目', items: { type: 'string', enum: ['a', 'b'] }, minItems: 1, maxItems: 2 },
    bad: { type: 'string', title: '坏正则', pattern: '(' },
  },
  required: ['name', 'items'],
};
const codes = (v: unknown) => checkForm(schema, v).errors.map((e) => e.field);

describe('checkForm', () => {
  it('accepts good values, trims text, drops unknown and blank optional fields', () => {
    const r = checkForm(schema, { name: ' 测试公司 ', code: '91370100MA3C123459', kind: '甲', area: 0.5, staff: 3, on: '2024-02-29', yes: false, items: ['a'], extra: 1, bad: '' });
    expect(r.errors).toEqual([]);
    expect(r.values).toEqual({ name: '测试公司', code: '91370100MA3C123459', kind: '甲', area: 0.5, staff: 3, on: '2024-02-29', yes: false, items: ['a'] });
  });

  it('names every problem form.<field> in zh-CN and English, in field order', () => {
    const r = checkForm(schema, { name: '', code: 'x', kind: '丙', area: 0, staff: 1.5, on: '2023-02-29', yes: 'true', items: ['c'] });
    expect(r.errors.map((e) => e.field)).toEqual(['form.name', 'form.code', 'form.kind', 'form.area', 'form.staff', 'form.on', 'form.yes', 'form.items.0']);
    expect(r.errors[0]).toEqual({ field: 'form.name', message: 'form.name：「单位名称」为必填项', messageEn: 'form.name: "单位名称" is required' });
    expect(r.errors[3].message).toContain('应大于 0');
  });

  it('checks lengths in characters, bounds, array sizes and required arrays', () => {
    expect(codes({ name: '一', items: ['a'] })).toEqual(['form.name']);
    expect(codes({ name: '一二三四五', items: ['a'] })).toEqual([]);
    expect(codes({ name: '一二三四五六', items: ['a'] })).toEqual(['form.name']);
    expect(codes({ name: '测试', items: [] })).toEqual(['form.items']);
    expect(codes({ name: '测试', items: ['a', 'b', 'a'] })).toEqual(['form.items']);
    expect(codes({ name: '测试', items: 'a' })).toEqual(['form.items']);
    expect(codes({ name: '测试', items: ['a'], area: 100.1 })).toEqual(['form.area']);
    expect(codes({ name: '测试', items: ['a'], staff: 0 })).toEqual(['form.staff']);
    expect(codes({ name: '测试', items: ['a'], bad: 'anything' })).toEqual([]); // a broken pattern checks nothing
    expect(codes(null)).toEqual(['form.name', 'form.items']);
  });

  it('lists the fields with titles and whether each is required; a schema without properties has none', () => {
    expect(formFields(schema).slice(0, 2).map((f) => [f.name, f.title, f.required])).toEqual([['name', '单位名称', true], ['code', '统一社会信用代码', false]]);
    expect(formFields({ type: 'object' })).toEqual([]);
    expect(checkForm({}, { a: 1 })).toEqual({ values: {}, errors: [] });
  });
});
