import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkdays,
  buildCalendar,
  deadlineWithPauses,
  elapsedWorkdays,
  pausedWorkdays,
  remainingWorkdays,
  workdaysBetween,
  type DayEntry,
  type Pause,
  type WorkCalendar,
} from '../../../src/domain/calendar/index.js';
import { fromDayNumber, toDayNumber } from '../../../src/domain/calendar/dates.js';
import { officialCalendar } from './official-arrangements.js';

const FIRST = toDayNumber('2023-10-01');
const LAST = toDayNumber('2027-03-31');
const date = fc.integer({ min: FIRST, max: LAST }).map((n) => fromDayNumber(n));
const dayEntry = fc.record({ workday: fc.boolean(), name: fc.option(fc.constantFrom('春节', '国庆节', '中心停电', '调休'), { nil: null }) });
const days = (max: number) => fc.array(fc.tuple(date, dayEntry), { maxLength: max }).map((e) => Object.fromEntries(e) as Record<string, DayEntry>);

/** Random official data and overrides, a "mostly closed" center, and the real 2024–2026 calendar. */
const calendar: fc.Arbitrary<WorkCalendar> = fc.oneof(
  fc.record({ official: days(80), overrides: days(40), officialYears: fc.subarray([2023, 2024, 2025, 2026, 2027]) }).map(buildCalendar),
  // long runs of rest days (a closed season) make the walks long and expose off-by-one errors
  fc.tuple(date, fc.integer({ min: 1, max: 40 }), days(20)).map(([start, len, official]) => {
    const overrides: Record<string, DayEntry> = {};
    for (let i = 0; i < len; i++) overrides[fromDayNumber(toDayNumber(start) + i)] = { workday: false, name: '闭馆' };
    return buildCalendar({ official, officialYears: [], overrides });
  }),
  fc.constant(officialCalendar()),
);
const limit = fc.integer({ min: 0, max: 60 });
const pause: fc.Arbitrary<Pause> = fc
  .tuple(date, fc.integer({ min: 0, max: 25 }))
  .map(([from, len]) => ({ from, to: fromDayNumber(toDayNumber(from) + len) }));
const pauses = fc.array(pause, { maxLength: 4 });

/** fc.assert(fc.property(…)) with 200 runs. */
function prop<Ts extends [unknown, ...unknown[]]>(...args: [...arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> }, predicate: (...args: Ts) => boolean | void]): void {
  fc.assert(fc.property<Ts>(...args), { numRuns: 200 });
}

describe('addWorkdays', () => {
  it('is due on a working day after the start for n ≥ 1, on the start for n = 0', () => {
    prop(calendar, date, limit, (cal, from, n) => {
      const due = addWorkdays(cal, from, n);
      if (n === 0) expect(due).toBe(from);
      else {
        expect(cal.isWorkday(due)).toBe(true);
        expect(due > from).toBe(true);
      }
    });
  });

  it('is strictly increasing in n', () => {
    prop(calendar, date, limit, limit, (cal, from, a, b) => {
      fc.pre(a !== b);
      const [lo, hi] = a < b ? [a, b] : [b, a];
      expect(addWorkdays(cal, from, lo) < addWorkdays(cal, from, hi)).toBe(true);
    });
  });

  // Holds for every start, rest days included, because n = 0 keeps the start as it is. It would
  // fail if n = 0 moved a rest day to the next working day (as chinese-days' findWorkday(0) does):
  // Saturday +0 would be Monday, and Monday +1 Tuesday, while Saturday +1 is Monday.
  it('adds up: addWorkdays(from, a + b) = addWorkdays(addWorkdays(from, a), b) for every from', () => {
    prop(calendar, date, limit, limit, (cal, from, a, b) => {
      expect(addWorkdays(cal, addWorkdays(cal, from, a), b)).toBe(addWorkdays(cal, from, a + b));
    });
  });

  it('is undone by workdaysBetween: workdaysBetween(from, addWorkdays(from, n)) = n', () => {
    prop(calendar, date, limit, (cal, from, n) => {
      expect(workdaysBetween(cal, from, addWorkdays(cal, from, n))).toBe(n);
    });
  });

  it('is reached exactly when enough working days have passed: workdaysBetween(from, to) ≥ n ⇔ to ≥ due', () => {
    prop(calendar, date, date, fc.integer({ min: 1, max: 60 }), (cal, from, to, n) => {
      expect(workdaysBetween(cal, from, to) >= n).toBe(to >= addWorkdays(cal, from, n));
    });
  });

  it('lands on `to` from its working-day count only when `to` is a working day after `from`', () => {
    prop(calendar, date, date, (cal, from, to) => {
      const back = addWorkdays(cal, from, workdaysBetween(cal, from, to));
      if (to <= from) expect(back).toBe(from);
      else {
        expect(back <= to).toBe(true);
        expect(back === to).toBe(cal.isWorkday(to));
      }
    });
  });
});

describe('elapsed and remaining', () => {
  it('add up to the limit on any day from acceptance on', () => {
    prop(calendar, date, limit, fc.integer({ min: 0, max: 120 }), (cal, from, n, later) => {
      const today = fromDayNumber(toDayNumber(from) + later);
      const due = addWorkdays(cal, from, n);
      expect(elapsedWorkdays(cal, from, today) + remainingWorkdays(cal, due, today)).toBe(n);
    });
  });
});

describe('deadlineWithPauses', () => {
  it('is addWorkdays without pauses, and never earlier with them', () => {
    prop(calendar, date, limit, pauses, (cal, from, n, ps) => {
      expect(deadlineWithPauses(cal, from, n, [])).toBe(addWorkdays(cal, from, n));
      expect(deadlineWithPauses(cal, from, n, ps) >= addWorkdays(cal, from, n)).toBe(true);
    });
  });

  it('is a working day at or after acceptance (invariant 6)', () => {
    prop(calendar, date, fc.integer({ min: 1, max: 60 }), pauses, (cal, from, n, ps) => {
      const due = deadlineWithPauses(cal, from, n, ps);
      expect(due > from).toBe(true);
      expect(cal.isWorkday(due)).toBe(true);
    });
  });

  it('moves by exactly the paused working days before it', () => {
    prop(calendar, date, limit, pauses, (cal, from, n, ps) => {
      const due = deadlineWithPauses(cal, from, n, ps);
      expect(addWorkdays(cal, from, n + pausedWorkdays(cal, from, due, ps))).toBe(due);
      expect(elapsedWorkdays(cal, from, due, ps)).toBe(n);
    });
  });

  it('is not moved by a pause lying on rest days only', () => {
    prop(calendar, date, date, limit, pauses, fc.nat(10), (cal, start, from, n, ps, extra) => {
      // the first run of rest days at or after `start` (weekends guarantee one within a week)
      let first = toDayNumber(start);
      while (cal.isWorkday(fromDayNumber(first))) first++;
      let last = first;
      while (last - first < extra && !cal.isWorkday(fromDayNumber(last + 1))) last++;
      const rest = { from: fromDayNumber(first), to: fromDayNumber(last) };
      expect(deadlineWithPauses(cal, from, n, [...ps, rest])).toBe(deadlineWithPauses(cal, from, n, ps));
    });
  });

  it('counts a day once however the pauses overlap: order, repeats and splits change nothing', () => {
    prop(calendar, date, limit, pauses, pause, fc.nat(25), (cal, from, n, ps, p, cut) => {
      const due = deadlineWithPauses(cal, from, n, [...ps, p]);
      expect(deadlineWithPauses(cal, from, n, [p, ...ps].reverse())).toBe(due);
      expect(deadlineWithPauses(cal, from, n, [...ps, p, p])).toBe(due);
      const span = toDayNumber(p.to as string) - toDayNumber(p.from);
      const mid = fromDayNumber(toDayNumber(p.from) + Math.min(cut, span));
      expect(deadlineWithPauses(cal, from, n, [...ps, { from: p.from, to: mid }, { from: mid, to: p.to }])).toBe(due);
    });
  });

  it('treats an open pause as one closed on today', () => {
    prop(calendar, date, limit, date, date, (cal, from, n, pauseFrom, today) => {
      const open = deadlineWithPauses(cal, from, n, [{ from: pauseFrom, to: null }], today);
      const closed = today >= pauseFrom ? deadlineWithPauses(cal, from, n, [{ from: pauseFrom, to: today }]) : addWorkdays(cal, from, n);
      expect(open).toBe(closed);
      expect(elapsedWorkdays(cal, from, today, [{ from: pauseFrom, to: null }])).toBe(
        today >= pauseFrom ? elapsedWorkdays(cal, from, today, [{ from: pauseFrom, to: today }]) : elapsedWorkdays(cal, from, today),
      );
    });
  });

  it('splits the working days up to today into elapsed and paused', () => {
    prop(calendar, date, date, pauses, (cal, from, today, ps) => {
      const elapsed = elapsedWorkdays(cal, from, today, ps);
      expect(elapsed + pausedWorkdays(cal, from, today, ps)).toBe(workdaysBetween(cal, from, today));
      expect(elapsed).toBeGreaterThanOrEqual(0);
    });
  });

  it('keeps elapsed + remaining = n while every paused day lies before today and the deadline', () => {
    prop(calendar, date, limit, pauses, fc.integer({ min: 0, max: 120 }), (cal, from, n, ps, later) => {
      const today = fromDayNumber(toDayNumber(from) + later);
      const due = deadlineWithPauses(cal, from, n, ps);
      fc.pre(ps.every((p) => (p.to as string) <= today && (p.to as string) <= due));
      expect(elapsedWorkdays(cal, from, today, ps) + remainingWorkdays(cal, due, today)).toBe(n);
    });
  });
});

describe('calendars with overrides', () => {
  it('answer every overridden day from the override, then the official day, then the week', () => {
    prop(days(40), days(40), date, (official, overrides, d) => {
      const cal = buildCalendar({ official, officialYears: [], overrides });
      const info = cal.dayInfo(d);
      const expected = overrides[d] ?? official[d];
      if (expected) expect({ workday: info.workday, name: info.name }).toEqual(expected);
      else expect(info.workday).toBe(![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()));
      expect(info.source).toBe(overrides[d] ? 'override' : official[d] ? 'official' : info.workday ? 'weekday' : 'weekend');
    });
  });
});
