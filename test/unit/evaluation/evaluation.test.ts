/**
 * The evaluation rules (DESIGN §6): levels and bad reviews, occasions per handling class and their
 * period, the published figures (including their edge cases), and the rectification machine with
 * its one-extension, second-approver and overdue rules — on a calendar with a holiday.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../../src/domain/calendar/index.js';
import {
  LEVELS,
  applyRectification,
  evaluationFigures,
  foldRectification,
  isBad,
  isOverdue,
  isRectified,
  mayRate,
  occasionState,
  occasionsFor,
  openRectification,
  score,
  type Rectification,
  type RectificationEvent,
} from '../../../src/domain/evaluation/index.js';

// 2025-10-01..08 National Day (and 2025-09-28 a make-up Sunday workday)
const cal = buildCalendar({
  officialYears: [2025],
  overrides: {},
  official: {
    ...Object.fromEntries(['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => [`2025-10-${d}`, { workday: false, name: '国庆节' }])),
    '2025-09-28': { workday: true, name: '国庆节' },
  },
});

describe('levels', () => {
  it('counts only 不满意 and 非常不满意 as bad, scores 5 … 1', () => {
    expect(LEVELS.filter(isBad)).toEqual(['dissatisfied', 'veryDissatisfied']);
    expect(LEVELS.map(score)).toEqual([5, 4, 3, 2, 1]);
  });
});

describe('occasions', () => {
  it('rates an immediate case once, a promised case at acceptance and conclusion, a bundle per stage and overall', () => {
    expect(occasionsFor('immediate')).toEqual(['whole']);
    expect(occasionsFor('promised')).toEqual(['acceptance', 'conclusion']);
    expect(occasionsFor('joint')).toEqual(['acceptance', 'conclusion']);
    expect(occasionsFor('promised', { stages: 3 })).toEqual(['stage:1', 'stage:2', 'stage:3', 'overall']);
  });

  it('opens an occasion with its event and lets it lapse after the period', () => {
    const m = { acceptedOn: '2025-09-01', concludedOn: null, stagesConcludedOn: ['2025-09-03', null] };
    expect(occasionState('acceptance', m, false, '2025-08-31', 7)).toBe('notYet');
    expect(occasionState('acceptance', m, false, '2025-09-08', 7)).toBe('open');
    expect(occasionState('acceptance', m, false, '2025-09-09', 7)).toBe('lapsed');
    expect(occasionState('acceptance', m, true, '2025-09-09', 7)).toBe('rated');
    expect(occasionState('conclusion', m, false, '2025-09-09', 7)).toBe('notYet');
    expect(occasionState('stage:1', m, false, '2025-09-04', 7)).toBe('open');
    expect(occasionState('stage:2', m, false, '2025-09-04', 7)).toBe('notYet');
    expect(mayRate('acceptance', m, '2025-09-09', 7)).toBe(false);
  });
});

describe('published figures', () => {
  it('computes the six rates; 未评 is everything not rated by the applicant', () => {
    const f = evaluationFigures({ occasions: 200, active: 150, defaulted: 30, good: 176, bad: 4, validBad: 3, rectified: 2, toVisit: 20, visited: 18 });
    expect(f).toEqual({ goodRate: 0.9778, badRate: 0.0222, activeRate: 0.75, unratedRate: 0.25, rectificationRate: 0.6667, visitRate: 0.9 });
  });

  it('gives null, not 0 % or 100 %, when there is nothing to divide by', () => {
    expect(evaluationFigures({ occasions: 0, active: 0, defaulted: 0, good: 0, bad: 0, validBad: 0, rectified: 0, toVisit: 0, visited: 0 })).toEqual({
      goodRate: null, badRate: null, activeRate: null, unratedRate: null, rectificationRate: null, visitRate: null,
    });
  });

  it('refuses inconsistent counts', () => {
    const ok = { occasions: 10, active: 5, defaulted: 1, good: 5, bad: 1, validBad: 1, rectified: 1, toVisit: 1, visited: 1 };
    expect(() => evaluationFigures({ ...ok, good: 6 })).toThrow(/good \+ bad/);
    expect(() => evaluationFigures({ ...ok, rectified: 2 })).toThrow(/rectified/);
    expect(() => evaluationFigures({ ...ok, occasions: 5 })).toThrow(/occasions/);
    expect(() => evaluationFigures({ ...ok, visited: 2 })).toThrow(/visited/);
    expect(() => evaluationFigures({ ...ok, toVisit: -1 })).toThrow(/whole number/);
  });

  it('good and bad rates add up to 1 and active + unrated to 1 (property)', () => {
    const counts = fc
      .tuple(fc.nat(500), fc.nat(500), fc.nat(500), fc.nat(500))
      .map(([good, bad, extra, defaulted]) => {
        const d = Math.min(defaulted, good + bad);
        return { occasions: good + bad + extra, active: good + bad - d, defaulted: d, good, bad, validBad: 0, rectified: 0, toVisit: 0, visited: 0 };
      });
    fc.assert(
      fc.property(counts, (c) => {
        const f = evaluationFigures(c);
        if (c.good + c.bad > 0) expect(f.goodRate! + f.badRate!).toBeCloseTo(1, 3);
        if (c.occasions > 0) expect(f.activeRate! + f.unratedRate!).toBeCloseTo(1, 3);
      }),
    );
  });
});

describe('rectification', () => {
  const open = (on = '2025-09-29'): RectificationEvent => ({ kind: 'open', on, by: 'sys', limitDays: 15 });
  const step = (s: Rectification, e: RectificationEvent) => {
    const r = applyRectification(s, e, cal);
    if (!r.ok) throw new Error(r.error.en);
    return r.state;
  };

  it('runs verify → rectify → feed back → return visit → closed, with deadlines over the holiday', () => {
    let s = openRectification(open('2025-09-30') as never, cal);
    expect(s).toMatchObject({ status: 'verifying', due: '2025-10-09' }); // the next working day after the holiday
    s = step(s, { kind: 'verify', on: '2025-10-09', by: 'u1', valid: true, note: '情况属实：窗口答复不清' });
    expect(s).toMatchObject({ status: 'rectifying', due: '2025-10-30', lateStages: [] });
    s = step(s, { kind: 'feedback', on: '2025-10-20', by: 'u2', measures: '对窗口人员开展业务培训，已电话致歉' });
    s = step(s, { kind: 'returnVisit', on: '2025-10-21', by: 'u3', level: 'satisfied', note: '申请人认可整改' });
    expect(s).toMatchObject({ status: 'closed', fixRating: 'satisfied', closedOn: '2025-10-21', due: null });
    expect(isRectified(s)).toBe(true);
  });

  it('needs a second person to approve an invalid review; refused, it goes to rectification', () => {
    let s = openRectification(open() as never, cal);
    s = step(s, { kind: 'verify', on: '2025-09-30', by: 'u1', valid: false, note: '评价对象非本中心' });
    expect(s.status).toBe('invalidPending');
    const self = applyRectification(s, { kind: 'approveInvalid', on: '2025-09-30', by: 'u1', approve: true, note: '' }, cal);
    expect(self.ok).toBe(false);
    expect(!self.ok && self.error.zh).toContain('另一人');
    const approved = step(s, { kind: 'approveInvalid', on: '2025-09-30', by: 'u2', approve: true, note: '同意' });
    expect(approved).toMatchObject({ status: 'closedInvalid', due: null });
    expect(isRectified(approved)).toBe(false);
    const refused = step(s, { kind: 'approveInvalid', on: '2025-09-30', by: 'u2', approve: false, note: '应予整改' });
    expect(refused.status).toBe('rectifying');
  });

  it('extends once only, and flags overdue stages without blocking them', () => {
    let s = foldRectification([open('2025-09-01'), { kind: 'verify', on: '2025-09-03', by: 'u1', valid: true, note: '属实' }], cal);
    expect(s.lateStages).toEqual(['verify']); // due 09-02
    expect(s.due).toBe('2025-09-24');
    s = step(s, { kind: 'extend', on: '2025-09-20', by: 'u1', days: 5, reason: '需协调多个部门' });
    expect(s.due).toBe('2025-09-30'); // five working days after 09-24: 25, 26, 28 (make-up Sunday), 29, 30
    const again = applyRectification(s, { kind: 'extend', on: '2025-09-21', by: 'u1', days: 1, reason: 'x' }, cal);
    expect(!again.ok && again.error.en).toMatch(/once/);
    expect(isOverdue(s, '2025-09-30')).toBe(false);
    expect(isOverdue(s, '2025-10-09')).toBe(true);
    s = step(s, { kind: 'feedback', on: '2025-10-10', by: 'u1', measures: '已整改' });
    expect(s.lateStages).toEqual(['verify', 'rectify']);
  });

  it('refuses moves out of order, blank notes and dates going back', () => {
    const s = openRectification(open() as never, cal);
    const early = applyRectification(s, { kind: 'feedback', on: '2025-09-30', by: 'u', measures: 'x' }, cal);
    expect(!early.ok && early.error.code).toBe('rectification.illegal');
    expect(!early.ok && early.error.zh).toContain('核实中');
    const blank = applyRectification(s, { kind: 'verify', on: '2025-09-30', by: 'u', valid: true, note: '  ' }, cal);
    expect(!blank.ok && blank.error.code).toBe('rectification.invalid');
    const back = applyRectification(s, { kind: 'verify', on: '2025-09-01', by: 'u', valid: true, note: 'x' }, cal);
    expect(back.ok).toBe(false);
    expect(() => foldRectification([{ kind: 'verify', on: '2025-09-01', by: 'u', valid: true, note: 'x' }], cal)).toThrow(/starts with open/);
  });
});
