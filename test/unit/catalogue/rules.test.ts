import { describe, expect, it } from 'vitest';
import { validateItemForPublish, validateItemForSave } from '../../../src/domain/catalogue/index.js';
import { CO, DEPT, item } from './fixtures.js';

const fields = (d: Parameters<typeof validateItemForPublish>[0]) => validateItemForPublish(d).map((e) => e.field);

describe('validateItemForPublish', () => {
  it('accepts a complete item', () => {
    expect(validateItemForPublish(item())).toEqual([]);
  });

  it('promised limit ≤ statutory limit, naming promisedLimit in zh-CN and English', () => {
    const errs = validateItemForPublish(item({ promisedLimit: 21 }));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ field: 'promisedLimit' });
    expect(errs[0].message).toContain('法定时限');
    expect(errs[0].messageEn).toContain('statutory limit (20)');
    expect(fields(item({ promisedLimit: 20, statutoryLimit: 20, procedure: [] }))).not.toContain('promisedLimit');
  });

  it('an immediate item has promised limit 0; any other item at least 1', () => {
    const immediate = { handlingClass: 'immediate' as const, procedure: [{ name: '办理', kind: 'decide' as const, role: 'clerk' as const, limitDays: 0 }] };
    expect(fields(item({ ...immediate, promisedLimit: 1 }))).toEqual(['promisedLimit']);
    expect(fields(item({ ...immediate, promisedLimit: 0 }))).toEqual([]);
    expect(fields(item({ ...immediate, promisedLimit: 0, handlingClass: 'promised' }))).toEqual(['promisedLimit']);
  });

  it('a joint item names at least two departments; co-departments are distinct, not the lead, and only on joint items', () => {
    expect(fields(item({ handlingClass: 'joint' }))).toEqual(['coDepartmentIds']);
    expect(fields(item({ handlingClass: 'joint', coDepartmentIds: [DEPT] }))).toEqual(['coDepartmentIds.0', 'coDepartmentIds']);
    expect(fields(item({ handlingClass: 'joint', coDepartmentIds: [CO, CO] }))).toEqual(['coDepartmentIds.1']);
    expect(fields(item({ handlingClass: 'joint', coDepartmentIds: [CO] }))).toEqual([]);
    expect(fields(item({ coDepartmentIds: [CO] }))).toEqual(['coDepartmentIds']);
  });

  it('a fee line cannot be published without its licence number', () => {
    const line = { name: '工本费', licenceNo: '' };
    const errs = validateItemForPublish(item({ fees: { free: false, lines: [{ ...line, licenceNo: '鲁收许字001' }, line] } }));
    expect(errs.map((e) => e.field)).toEqual(['fees.lines.1.licenceNo']);
    expect(errs[0].message).toContain('收费许可证');
    expect(fields(item({ fees: { free: false, lines: [{ name: 'x', licenceNo: '   ' }] } }))).toEqual(['fees.lines.0.licenceNo']);
    expect(fields(item({ fees: { free: false, lines: [] } }))).toEqual(['fees.lines']);
    expect(fields(item({ fees: { free: true, lines: [{ name: 'x', licenceNo: 'L1' }] } }))).toEqual(['fees.lines']);
  });

  it('materials have unique codes within an item, naming the later duplicate', () => {
    const m = (code: string) => ({ code, name: '材料' + code });
    const errs = validateItemForPublish(item({ materials: [m('M1'), m('M2'), m('M3'), m('M1'), m('M2')] }));
    expect(errs.map((e) => e.field)).toEqual(['materials.3.code', 'materials.4.code']);
    expect(errs[0].messageEn).toContain('duplicates material 1');
  });

  it('the steps fit in the promised limit, counting parallel co-department steps once (longest)', () => {
    expect(fields(item({ promisedLimit: 7 }))).toEqual(['procedure']);
    const joint = item({
      handlingClass: 'joint', coDepartmentIds: [CO, 'dept-3'], promisedLimit: 9,
      procedure: [
        { name: '受理', kind: 'accept', role: 'clerk', limitDays: 0 },
        { name: '意见一', kind: 'review', role: 'reviewer', limitDays: 5, departmentId: CO },
        { name: '意见二', kind: 'review', role: 'reviewer', limitDays: 6, departmentId: 'dept-3' },
        { name: '决定', kind: 'decide', role: 'deptLeader', limitDays: 3 },
      ],
    });
    expect(validateItemForPublish(joint)).toEqual([]); // 0 + max(5, 6) + 3 = 9
    expect(fields({ ...joint, promisedLimit: 8 })).toEqual(['procedure']);
    // the same steps in a non-joint item would run one after another
    expect(procedureMessage(item({ promisedLimit: 20, procedure: joint.procedure.map((s) => ({ ...s, departmentId: null, limitDays: 7 })) }))).toContain('28');
  });

  it('needs at least one step, worked by the lead or a co-department', () => {
    expect(fields(item({ procedure: [] }))).toEqual(['procedure']);
    expect(fields(item({ procedure: [{ name: '审查', kind: 'review', role: 'reviewer', limitDays: 1, departmentId: 'elsewhere' }] }))).toEqual(['procedure.0.departmentId']);
  });

  it('zero visits only for fully online items; a delivery mode; a legal basis for licensing', () => {
    expect(fields(item({ maxVisits: 0 }))).toEqual(['maxVisits']);
    expect(fields(item({ maxVisits: 0, onlineDepth: 'fullOnline' }))).toEqual([]);
    expect(fields(item({ result: { name: '证', validity: '', delivery: [] } }))).toEqual(['result.delivery']);
    expect(fields(item({ legalBasis: [] }))).toEqual(['legalBasis']);
    expect(fields(item({ legalBasis: [], itemType: 'publicService' }))).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(fields(item({ promisedLimit: 30, fees: { free: false, lines: [{ name: 'a', licenceNo: '' }] }, materials: [{ code: 'A', name: 'x' }, { code: 'A', name: 'y' }] }))).toEqual([
      'promisedLimit', 'materials.1.code', 'fees.lines.0.licenceNo',
    ]);
  });
});

describe('validateItemForSave', () => {
  it('checks code, name, themes, form schema, consistent limits and unique material codes', () => {
    expect(validateItemForSave(item({ procedure: [], legalBasis: [] }))).toEqual([]);
    expect(validateItemForSave(item({ promisedLimit: 30 })).map((e) => e.field)).toEqual(['promisedLimit']);
    expect(validateItemForSave(item({ handlingClass: 'immediate', promisedLimit: 3 })).map((e) => e.field)).toEqual(['promisedLimit']);
    expect(validateItemForSave(item({ materials: [{ code: 'A', name: 'x' }, { code: 'A', name: 'y' }] })).map((e) => e.field)).toEqual(['materials.1.code']);
    expect(validateItemForSave(item({ code: 'has space' })).map((e) => e.field)).toEqual(['code']);
    expect(validateItemForSave(item({ code: '事项' })).map((e) => e.field)).toEqual(['code']);
    expect(validateItemForSave(item({ name: '   ' })).map((e) => e.field)).toEqual(['name']);
    expect(validateItemForSave(item({ themes: ['a|b', '企业开办', '企业开办'] })).map((e) => e.field)).toEqual(['themes.0', 'themes.2']);
    expect(validateItemForSave(item({ formSchema: { type: 'array' } })).map((e) => e.field)).toEqual(['formSchema.type']);
    expect(validateItemForSave(item({ materials: [{ code: 'M', name: ' ' }] })).map((e) => e.field)).toEqual(['materials.0.name']);
  });
});

function procedureMessage(d: Parameters<typeof validateItemForPublish>[0]): string {
  return validateItemForPublish(d).find((e) => e.field === 'procedure')?.message ?? '';
}
