/** The demo's bundles, computed from the demo catalogue the way the seeded database will show them. */
import { describe, expect, it } from 'vitest';
import { ItemData } from '../../../src/contracts/catalogue.js';
import {
  type BundleItem,
  type BundleStageDef,
  bundleLimits,
  combinedFees,
  combinedForm,
  combinedMaterials,
  orderedItems,
  validateBundleForPublish,
} from '../../../src/domain/bundle/index.js';
import { checkDemoBundles, demoBundles } from '../../../src/server/seed/demo/bundles.js';
import { demoItems } from '../../../src/server/seed/demo/items/index.js';

/** Demo items as the seeder publishes them, keyed by name (department ids faked). */
const byName = new Map<string, BundleItem>(
  demoItems.map((raw) => {
    const { departmentCode, coDepartmentCodes, procedure, sampleForms: _f, ...rest } = raw;
    const d = ItemData.parse({
      ...rest, departmentId: `dept-${departmentCode}`, coDepartmentIds: (coDepartmentCodes ?? []).map((c) => `dept-${c}`),
      procedure: procedure.map(({ departmentCode: dc, ...s }) => ({ ...s, departmentId: dc ? `dept-${dc}` : null })),
    });
    return [d.name, { id: d.name, name: d.name, promisedLimit: d.promisedLimit, statutoryLimit: d.statutoryLimit, materials: d.materials, fees: d.fees, formSchema: d.formSchema }];
  }),
);

function bundle(code: string) {
  const b = demoBundles.find((x) => x.code === code)!;
  const stages: BundleStageDef[] = b.stages.map((s) => ({ name: s.name, itemIds: s.itemNames }));
  return { b, stages, items: orderedItems(stages, byName) };
}

describe('demo bundles', () => {
  it('name real demo items, once each, and pass the publish rules', () => {
    expect(checkDemoBundles()).toEqual([]);
    expect(checkDemoBundles([{ ...demoBundles[0], stages: [{ name: 'x', itemNames: ['没有这个事项'] }] }])).toHaveLength(1);
    const refs = new Map([...byName.keys()].map((n) => [n, { name: n, published: true, inScope: true }]));
    for (const b of demoBundles) {
      expect(validateBundleForPublish({ ...b, stages: b.stages.map((s) => ({ name: s.name, itemIds: s.itemNames })) }, refs), b.code).toEqual([]);
    }
  });

  it('企业开办一件事: one parallel stage, decided on the spot, with one licence and one company name asked once', () => {
    const { stages, items } = bundle('370700-YJS-0001');
    expect(items.map((i) => i.name)).toEqual(['有限责任公司设立登记', '公章刻制备案', '新办纳税人涉税信息确认', '发票领用', '单位参保登记']);
    expect(bundleLimits(stages, byName)).toMatchObject({ promisedLimit: 0, statutoryLimit: 15 });
    const materials = combinedMaterials(items);
    const licence = materials.filter((m) => m.name === '营业执照');
    expect(licence).toHaveLength(1);
    expect(licence[0].items.map((s) => s.itemName)).toEqual(['公章刻制备案', '新办纳税人涉税信息确认', '单位参保登记']);
    const asked = items.reduce((n, i) => n + i.materials.length, 0);
    expect(materials.length).toBeLessThan(asked);
    const form = combinedForm(items);
    // company name, credit code and phone are one field each across the five items
    for (const shared of ['entName', 'uscc', 'phone']) expect(form.fields.filter((f) => f.name === shared)).toHaveLength(1);
    expect(form.fields.find((f) => f.key === 'uscc')!.itemIds).toEqual(['公章刻制备案', '新办纳税人涉税信息确认', '发票领用', '单位参保登记']);
    expect(combinedFees(items)).toEqual({ free: true, lines: [], totalFen: 0, variable: false });
  });

  it('工程建设项目审批一件事: 工程立项 → 工程许可 → 图纸审核, the deadline the sum of each stage\'s longest item', () => {
    const { b, stages, items } = bundle('370700-YJS-0002');
    expect(b.stages.map((s) => s.name)).toEqual(['工程立项', '工程许可', '图纸审核']);
    const limits = bundleLimits(stages, byName);
    expect(limits.stages.map((s) => s.promisedLimit)).toEqual([7, 10, 10]);
    expect(limits).toMatchObject({ promisedLimit: 27, statutoryLimit: 55 });
    // far less than the items one after another
    expect(limits.promisedLimit).toBeLessThan(items.reduce((n, i) => n + i.promisedLimit, 0));
    const form = combinedForm(items);
    expect(form.fields.filter((f) => f.name === 'projectName')).toHaveLength(1);
    expect(form.fields.find((f) => f.key === 'buildingArea')!.itemIds).toHaveLength(3);
    // hectares and square metres are not one field
    expect(form.mapping['建设项目用地预审与选址意见书核发'].landArea).toBe('landArea');
    expect(form.mapping['建设用地规划许可证核发'].landArea).toBe('landArea__2');
  });
});
