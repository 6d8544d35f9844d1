import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ItemData } from '../../../src/contracts/catalogue.js';
import {
  type ItemLifecycleAction,
  type ItemStatusName,
  nextItemStatus,
  procedureDays,
  procedureStages,
  validateItemForPublish,
} from '../../../src/domain/catalogue/index.js';
import { buildFlow } from '../../../src/server/services/catalogue/guide.js';

const depts = ['d1', 'd2', 'd3'];
const step = fc.record({
  name: fc.constantFrom('受理', '审查', '决定') as fc.Arbitrary<string>,
  kind: fc.constantFrom('accept', 'review', 'decide', 'certify') as fc.Arbitrary<'accept' | 'review' | 'decide' | 'certify'>,
  role: fc.constantFrom('clerk', 'reviewer', 'deptLeader') as fc.Arbitrary<'clerk' | 'reviewer' | 'deptLeader'>,
  departmentId: fc.option(fc.constantFrom(...depts), { nil: null }),
  limitDays: fc.integer({ min: 0, max: 4 }),
});

/**
 * Items from a small space. Each of the rules is broken at random and then, most of the time,
 * repaired — so both items that pass and items that fail are plentiful.
 */
const often = fc.integer({ min: 0, max: 9 }).map((n) => n < 8);
const itemArb = fc
  .record({
    handlingClass: fc.constantFrom('immediate', 'promised', 'joint', 'reportUp') as fc.Arbitrary<'immediate' | 'promised' | 'joint' | 'reportUp'>,
    coDepartmentIds: fc.subarray(depts.slice(1)),
    statutoryLimit: fc.integer({ min: 0, max: 12 }),
    promisedLimit: fc.integer({ min: 0, max: 12 }),
    procedure: fc.array(step, { minLength: 0, maxLength: 5 }),
    materialCodes: fc.array(fc.constantFrom('M1', 'M2', 'M3', 'M4'), { maxLength: 3 }),
    feeLines: fc.array(fc.record({ name: fc.constant('工本费'), licenceNo: fc.constantFrom('', ' ', 'L-1') }), { maxLength: 2 }),
    maxVisits: fc.integer({ min: 0, max: 2 }),
    onlineDepth: fc.constantFrom('fullOnline', 'onlinePreReview', 'window') as fc.Arbitrary<'fullOnline' | 'onlinePreReview' | 'window'>,
    repair: fc.array(often, { minLength: 8, maxLength: 8 }),
  })
  .map((r) => {
    const fix = r.repair;
    let { promisedLimit, statutoryLimit, coDepartmentIds, procedure, materialCodes, feeLines, onlineDepth } = r;
    if (fix[0] && r.handlingClass === 'joint' && coDepartmentIds.length === 0) coDepartmentIds = ['d2'];
    if (fix[1] && r.handlingClass !== 'joint') coDepartmentIds = [];
    if (fix[2]) procedure = procedure.map((s) => (s.departmentId && !['d1', ...coDepartmentIds].includes(s.departmentId) ? { ...s, departmentId: null } : s));
    if (fix[3] && procedure.length === 0) procedure = [{ name: '办理', kind: 'decide', role: 'clerk', departmentId: null, limitDays: 1 }];
    if (fix[4]) {
      if (r.handlingClass === 'immediate') {
        promisedLimit = 0;
        procedure = procedure.map((s) => ({ ...s, limitDays: 0 }));
      } else {
        promisedLimit = Math.max(1, promisedLimit, procedure.reduce((a, s) => a + s.limitDays, 0));
      }
      statutoryLimit = Math.max(statutoryLimit, promisedLimit);
    }
    if (fix[5]) materialCodes = [...new Set(materialCodes)];
    if (fix[6]) feeLines = feeLines.map((l) => ({ ...l, licenceNo: 'L-1' }));
    if (fix[7] && r.maxVisits === 0) onlineDepth = 'fullOnline';
    return ItemData.parse({
      code: 'X-1', name: '事项', departmentId: 'd1', level: 'city', itemType: 'publicService',
      handlingClass: r.handlingClass, coDepartmentIds, statutoryLimit, promisedLimit,
      procedure, materials: materialCodes.map((code) => ({ code, name: '材料' })),
      fees: { free: feeLines.length === 0, lines: feeLines }, onlineDepth, maxVisits: r.maxVisits,
    });
  });

describe('catalogue properties', () => {
  it('whatever passes validateItemForPublish keeps every publish rule', () => {
    let passed = 0;
    fc.assert(
      fc.property(itemArb, (d) => {
        if (validateItemForPublish(d).length > 0) return;
        passed++;
        expect(d.promisedLimit).toBeLessThanOrEqual(d.statutoryLimit);
        if (d.handlingClass === 'immediate') expect(d.promisedLimit).toBe(0);
        else expect(d.promisedLimit).toBeGreaterThanOrEqual(1);
        if (d.handlingClass === 'joint') expect(new Set([d.departmentId, ...d.coDepartmentIds]).size).toBeGreaterThanOrEqual(2);
        for (const l of d.fees.lines) expect(l.licenceNo.trim()).not.toBe('');
        expect(new Set(d.materials.map((m) => m.code)).size).toBe(d.materials.length);
        expect(d.procedure.length).toBeGreaterThan(0);
        expect(procedureDays(d)).toBeLessThanOrEqual(d.promisedLimit);
        for (const s of d.procedure) if (s.departmentId) expect([d.departmentId, ...d.coDepartmentIds]).toContain(s.departmentId);
        if (d.maxVisits === 0) expect(d.onlineDepth).toBe('fullOnline');
      }),
      { numRuns: 2000 },
    );
    expect(passed).toBeGreaterThan(100); // the property was not vacuous
  });

  it('stages partition the steps in order; the procedure takes between its longest step and the plain sum', () => {
    fc.assert(
      fc.property(itemArb, (d) => {
        const stages = procedureStages(d);
        expect(stages.flat()).toEqual(d.procedure.map((_, i) => i));
        const limits = d.procedure.map((s) => s.limitDays);
        const days = procedureDays(d);
        expect(days).toBeLessThanOrEqual(limits.reduce((a, b) => a + b, 0));
        expect(days).toBeGreaterThanOrEqual(Math.max(0, ...limits));
        if (d.handlingClass !== 'joint') expect(stages.every((s) => s.length === 1)).toBe(true);
      }),
    );
  });

  it('the flowchart reaches every step from start and end from every step, stage by stage', () => {
    fc.assert(
      fc.property(itemArb, (d) => {
        const steps = d.procedure.map((s) => ({ ...s, departmentName: s.departmentId ?? '' }));
        const flow = buildFlow(steps, procedureStages(d));
        const byId = new Map(flow.map((n) => [n.id, n]));
        const seen = new Set<string>();
        const walk = (id: string) => {
          if (seen.has(id)) return;
          seen.add(id);
          for (const n of byId.get(id)!.next) {
            expect(byId.get(n)!.stage).toBe(byId.get(id)!.stage + 1);
            walk(n);
          }
        };
        walk('start');
        expect(seen.size).toBe(flow.length);
        expect(flow.filter((n) => n.kind === 'step')).toHaveLength(d.procedure.length);
      }),
    );
  });

  it('no sequence of moves brings a retired version back', () => {
    const action = fc.constantFrom('publish', 'suspend', 'resume', 'retire', 'supersede') as fc.Arbitrary<ItemLifecycleAction>;
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), (moves) => {
        let s: ItemStatusName = 'draft';
        let retired = false;
        for (const m of moves) {
          try {
            s = nextItemStatus(s, m);
          } catch {
            continue;
          }
          if (retired) expect.fail('moved after retirement');
          if (s === 'retired') retired = true;
        }
        if (retired) expect(s).toBe('retired');
      }),
    );
  });
});
