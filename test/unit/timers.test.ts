/**
 * The pure parts of the timers: when a business date begins in a time zone, and the day a
 * running case's light next changes — checked day by day against the domain's own ladder.
 */
import { describe, expect, it } from 'vitest';
import { addDays, addWorkdays, type DateString } from '../../src/domain/calendar/index.js';
import { trafficLight } from '../../src/domain/case/index.js';
import { businessDate } from '../../src/server/services/calendar/load.js';
import { nextLightChange, warningStart } from '../../src/server/services/timers/light.js';
import { startOfDay, startOfDayAfter } from '../../src/server/services/timers/time.js';
import { cal } from './case/fixtures.js';

describe('startOfDay', () => {
  it('is midnight in the center’s zone: 16:00 UTC the day before in Shanghai', () => {
    expect(startOfDay('2026-03-17', 'Asia/Shanghai')).toBe('2026-03-16T16:00:00.000Z');
    expect(startOfDayAfter('2026-03-16', 'Asia/Shanghai')).toBe('2026-03-16T16:00:00.000Z');
    expect(startOfDay('2026-01-01', 'UTC')).toBe('2026-01-01T00:00:00.000Z');
  });

  it('is the first instant of that business date, and the instant before is the day before, across DST changes', () => {
    const days = ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01', '2026-06-15', '2026-12-31'];
    for (const tz of ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Asia/Urumqi']) {
      for (const d of days) {
        const t = new Date(startOfDay(d, tz));
        expect(businessDate(t, tz), `${tz} ${d}`).toBe(d);
        expect(businessDate(new Date(t.getTime() - 1), tz), `${tz} ${d}`).toBe(addDays(d, -1));
      }
    }
  });
});

describe('next light change', () => {
  const thresholds = (n: number) => ({ warningDays: n });

  /** The first day after `today` whose light differs, by walking every day. */
  function walk(today: DateString, promised: DateString, statutory: DateString, n: number): DateString | null {
    const now = trafficLight(cal, today, promised, statutory, thresholds(n));
    for (let d = addDays(today, 1); d <= addDays(statutory, 2); d = addDays(d, 1)) {
      if (trafficLight(cal, d, promised, statutory, thresholds(n)) !== now) return d;
    }
    return null;
  }

  it('the warning starts N working days before the promised deadline, skipping back over rest days', () => {
    // promised Monday 2025-06-09 (2 June is 端午): two working days before → Thursday 5 June
    expect(warningStart(cal, '2025-06-09', 2)).toBe('2025-06-05');
    expect(warningStart(cal, '2025-06-09', 0)).toBe('2025-06-09'); // N = 0: the deadline day itself
    expect(warningStart(cal, '2025-06-03', 1)).toBe('2025-05-30'); // over the weekend and 端午
  });

  it('matches a day-by-day walk for every start, limit and threshold, over holidays and make-up days', () => {
    let checked = 0;
    for (let accepted: DateString = '2025-05-20'; accepted <= '2025-10-20'; accepted = addDays(accepted, 3)) {
      for (const [p, s] of [[1, 1], [3, 8], [5, 20], [10, 10]]) {
        const promised = addWorkdays(cal, accepted, p);
        const statutory = addWorkdays(cal, accepted, s);
        for (const n of [0, 1, 2, 5]) {
          for (let today = accepted; today <= addDays(statutory, 1); today = addDays(today, 2)) {
            expect(nextLightChange(cal, today, { promised, statutory }, thresholds(n)), `${accepted} ${p}/${s} N=${n} on ${today}`).toBe(walk(today, promised, statutory, n));
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('has no next change once the card is red', () => {
    expect(nextLightChange(cal, '2025-07-01', { promised: '2025-06-10', statutory: '2025-06-20' }, thresholds(2))).toBeNull();
  });
});
