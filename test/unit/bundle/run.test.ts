/** A bundle run's rules (domain/bundle/run.ts): where a child stands, what the run does next, its one deadline. */
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../../src/domain/calendar/index.js';
import { bundleLimits } from '../../../src/domain/bundle/limits.js';
import { childProgress, nextRunStep, runDeadlines, runNo, stopReason } from '../../../src/domain/bundle/run.js';

const child = (caseId: string, stage: number, status: string, outcome: string | null = null) => ({ caseId, stage, status, outcome });

describe('bundle run rules', () => {
  it('counts a child done only when concluded or delivered approved, failed when it ends any other way', () => {
    expect(childProgress('concluded', 'approved')).toBe('done');
    expect(childProgress('delivered', 'approved')).toBe('done');
    expect(childProgress('concluded', 'denied')).toBe('failed');
    for (const s of ['notAccepted', 'withdrawn', 'terminated']) expect(childProgress(s, null)).toBe('failed');
    // a forwarded case waits for the higher authority's answer
    expect(childProgress('concluded', 'forwarded')).toBe('open');
    for (const s of ['submitted', 'accepted', 'inReview', 'suspended', 'supplementRequired']) expect(childProgress(s, null)).toBe('open');
  });

  it('waits for every child of the stage, then opens the next stage, then concludes; a failure anywhere stops it', () => {
    expect(nextRunStep(0, 2, [child('a', 0, 'concluded', 'approved'), child('b', 0, 'inReview')])).toEqual({ kind: 'wait' });
    expect(nextRunStep(0, 2, [child('a', 0, 'concluded', 'approved'), child('b', 0, 'delivered', 'approved')])).toEqual({ kind: 'openStage', stage: 1 });
    expect(nextRunStep(1, 2, [child('a', 0, 'concluded', 'approved'), child('c', 1, 'concluded', 'approved')])).toEqual({ kind: 'conclude' });
    expect(nextRunStep(0, 2, [child('a', 0, 'inReview'), child('b', 0, 'withdrawn')])).toEqual({ kind: 'stop', caseId: 'b' });
    // a stage not opened yet has nothing to wait for but does not move on either
    expect(nextRunStep(1, 2, [child('a', 0, 'concluded', 'approved')])).toEqual({ kind: 'wait' });
  });

  it('fixes one deadline: Σ over stages of the longest item, in working days from acceptance', () => {
    const cal = buildCalendar({ officialYears: [2026], overrides: {}, official: { '2026-04-06': { workday: false, name: '清明节' } } });
    const items = new Map([
      ['a', { promisedLimit: 3, statutoryLimit: 15 }],
      ['b', { promisedLimit: 1, statutoryLimit: 5 }],
      ['c', { promisedLimit: 2, statutoryLimit: 15 }],
    ]);
    const limits = bundleLimits([{ name: '一', itemIds: ['a', 'b'] }, { name: '二', itemIds: ['c'] }], items);
    expect(limits).toMatchObject({ promisedLimit: 5, statutoryLimit: 30 });
    // accepted Monday 2 March 2026: 5 working days → Monday 9 March
    expect(runDeadlines(cal, '2026-03-02', limits).promised).toBe('2026-03-09');
    // across 清明 (Monday 6 April): Friday 3 April + 1 working day → Tuesday 7 April
    expect(runDeadlines(cal, '2026-04-03', { promisedLimit: 1, statutoryLimit: 1 })).toEqual({ promised: '2026-04-07', statutory: '2026-04-07' });
  });

  it('numbers a run after the center scheme, and says why it stopped in both languages', () => {
    expect(runNo('370100260302000001')).toBe('YJS370100260302000001');
    const [zh, en] = stopReason({ caseNo: '370100260302000002', itemName: '公章刻制备案', status: 'concluded', outcome: 'denied' });
    expect(zh).toBe('子办件 370100260302000002（公章刻制备案）不予许可，一件事办件终止');
    expect(en).toMatch(/was denied/);
  });
});
