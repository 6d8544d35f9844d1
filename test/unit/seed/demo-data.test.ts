import { describe, expect, it } from 'vitest';
import { ItemData } from '../../../src/contracts/catalogue.js';
import { validateItemForPublish } from '../../../src/domain/catalogue/index.js';
import { checkDemoData, DEMO_MINIMUMS } from '../../../src/server/seed/demo/check.js';
import { demoCenters } from '../../../src/server/seed/demo/centers.js';
import { demoDepartments } from '../../../src/server/seed/demo/departments.js';
import { demoItems } from '../../../src/server/seed/demo/items/index.js';
import type { DemoItem } from '../../../src/server/seed/demo/types.js';
import { demoWindows } from '../../../src/server/seed/demo/windows.js';

/** What the seeder does: department codes become ids (fake ones here). */
const fakeId = (code: string) => `dept-${code.toLowerCase()}`;

function toItemInput(item: DemoItem) {
  const { departmentCode, coDepartmentCodes, procedure, sampleForms: _forms, ...rest } = item;
  return {
    ...rest,
    departmentId: fakeId(departmentCode),
    coDepartmentIds: (coDepartmentCodes ?? []).map(fakeId),
    procedure: procedure.map(({ departmentCode: dc, ...step }) => ({ ...step, departmentId: dc ? fakeId(dc) : null })),
  };
}

describe('demo data', () => {
  it('has no problems', () => {
    expect(checkDemoData()).toEqual([]);
  });

  it('meets the minimum sizes', () => {
    const byClass = (c: DemoItem['handlingClass']) => demoItems.filter((i) => i.handlingClass === c).length;
    expect(demoCenters.filter((c) => c.kind === 'city')).toHaveLength(1);
    expect(demoCenters.filter((c) => c.kind === 'subCenter').length).toBeGreaterThanOrEqual(2);
    expect(demoCenters.filter((c) => c.kind === 'station').length).toBeGreaterThanOrEqual(3);
    expect(demoDepartments.length).toBeGreaterThanOrEqual(DEMO_MINIMUMS.departments);
    expect(demoWindows.filter((w) => w.kind === 'dedicated').length).toBeGreaterThanOrEqual(DEMO_MINIMUMS.dedicatedWindows);
    expect(demoItems.length).toBeGreaterThanOrEqual(DEMO_MINIMUMS.items);
    expect(byClass('immediate')).toBeGreaterThanOrEqual(DEMO_MINIMUMS.immediate);
    expect(byClass('promised')).toBeGreaterThan(0);
    expect(byClass('joint')).toBeGreaterThanOrEqual(DEMO_MINIMUMS.joint);
    expect(byClass('reportUp')).toBeGreaterThanOrEqual(DEMO_MINIMUMS.reportUp);
    expect(demoItems.filter((i) => (i.fees?.lines ?? []).length > 0).length).toBeGreaterThanOrEqual(DEMO_MINIMUMS.charged);
  });

  it('parses every item through the ItemData contract and passes the publish rules', () => {
    for (const item of demoItems) {
      const parsed = ItemData.safeParse(toItemInput(item));
      expect(parsed.success, `${item.code}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues)}`).toBe(true);
      if (parsed.success) expect(validateItemForPublish(parsed.data), item.code).toEqual([]);
    }
  });

  it('reports broken data', () => {
    const [first] = demoItems;
    const broken: DemoItem = {
      ...first,
      handlingClass: 'immediate',
      promisedLimit: 5,
      statutoryLimit: 3,
      fees: { free: true, lines: [{ name: '工本费', amountFen: 1000, licenceNo: '' }] },
      materials: [
        { code: 'M01', name: '申请书' },
        { code: 'M01', name: '身份证' },
      ],
    };
    const problems = checkDemoData({ centers: demoCenters, departments: demoDepartments, windows: demoWindows, items: [broken, broken] });
    const text = problems.join('\n');
    expect(text).toContain('is duplicated');
    expect(text).toContain('promised limit 5 > statutory 3');
    expect(text).toContain('immediate item with promised limit 5');
    expect(text).toContain('no licence number');
    expect(text).toContain('fee lines on a free item');
    expect(text).toContain('material code M01 is duplicated');
    expect(text).toContain(`only 2 items`);
  });
});
