/** The clock and traffic lights by example (DESIGN §5). Accepted Tue 3 June 2025: promised 10 June, statutory 1 July. */
import { describe, expect, it } from 'vitest';
import { caseClock, pauseClock, taskClock, trafficLight } from '../../../src/domain/case/index.js';
import { cal, immediate, make, promised, reportUp, run } from './fixtures.js';

const accepted = run(promised, ['submit', 'accept']).state;

describe('caseClock', () => {
  it.each([
    ['2025-06-03', 0, 5, 'green'],
    ['2025-06-05', 2, 3, 'green'],
    ['2025-06-06', 3, 2, 'warning'], // 2 working days before the promised deadline
    ['2025-06-07', 3, 2, 'warning'], // Saturday: nothing moves
    ['2025-06-10', 5, 0, 'warning'],
    ['2025-06-11', 6, -1, 'yellowCard'],
    ['2025-07-01', 20, -15, 'yellowCard'],
    ['2025-07-02', 21, -16, 'redCard'],
  ])('on %s: elapsed %i, remaining %i, %s', (today, elapsed, remaining, light) => {
    expect(caseClock(accepted, cal, today)).toMatchObject({ started: true, paused: false, stopped: false, elapsed, remaining, light, deadlines: { promised: '2025-06-10', statutory: '2025-07-01' } });
  });

  it('takes the warning threshold as a setting', () => {
    expect(caseClock(accepted, cal, '2025-06-05', { warningDays: 3 }).light).toBe('warning');
    expect(caseClock(accepted, cal, '2025-06-09', { warningDays: 0 }).light).toBe('green');
    expect(caseClock(accepted, cal, '2025-06-10', { warningDays: 0 }).light).toBe('warning');
    expect(() => caseClock(accepted, cal, '2025-06-10', { warningDays: -1 })).toThrow(RangeError);
  });

  it('has no clock before acceptance, even while waiting for materials', () => {
    expect(caseClock(run(promised, ['submit']).state, cal, '2025-06-20')).toMatchObject({ started: false, paused: false, light: null, deadlines: null, elapsed: 0 });
    expect(caseClock(run(promised, ['submit', 'requestSupplement']).state, cal, '2025-06-20')).toMatchObject({ started: false, paused: true, light: null });
  });

  it('a paused case keeps the light it had when the pause began, while its deadline moves', () => {
    const { state } = run(promised, ['submit', 'accept', 'startReview', ['suspend', '2025-06-09']]);
    const clock = caseClock(state, cal, '2025-06-20');
    expect(clock).toMatchObject({ paused: true, elapsed: 3, light: 'warning', deadlines: { promised: '2025-06-24' }, remaining: 2 });
    // waiting for the applicant after the promised deadline: the yellow card stays, never turns red
    const { state: late } = run(promised, ['submit', 'accept', 'startReview', ['requestSupplement', '2025-06-12']]);
    expect(caseClock(late, cal, '2025-12-01')).toMatchObject({ paused: true, light: 'yellowCard', elapsed: 6 });
  });

  it('a resumed case counts again from the day after the pause', () => {
    const { state } = run(promised, ['submit', 'accept', 'startReview', ['suspend', '2025-06-09'], ['resume', '2025-06-20']]);
    expect(caseClock(state, cal, '2025-06-23')).toMatchObject({ paused: false, elapsed: 4, remaining: 1, light: 'warning', deadlines: { promised: '2025-06-24' } });
  });

  it('a stopped case shows its final card as of the day it stopped', () => {
    const onTime = run(promised, ['submit', 'accept', 'startReview', ['decide', '2025-06-09'], ['conclude', '2025-06-10']]).state;
    expect(caseClock(onTime, cal, '2025-09-01')).toMatchObject({ stopped: true, asOf: '2025-06-10', elapsed: 5, remaining: 0, light: 'green' });
    const late = run(promised, ['submit', 'accept', 'startReview', ['decide', '2025-06-12'], ['conclude', '2025-06-12']]).state;
    expect(caseClock(late, cal, '2025-09-01')).toMatchObject({ stopped: true, light: 'yellowCard', remaining: -2 });
    const spot = run(immediate, ['submit', 'concludeImmediately']).state;
    expect(caseClock(spot, cal, '2025-06-03')).toMatchObject({ stopped: true, elapsed: 0, light: 'green' });
  });

  it('a forwarded case’s clock stops the day it is forwarded', () => {
    const { state } = run(reportUp, ['submit', 'accept', 'startReview', ['decide', '2025-06-06']]);
    expect(caseClock(state, cal, '2025-08-01')).toMatchObject({ stopped: true, asOf: '2025-06-06', elapsed: 3, light: 'green' });
  });
});

describe('taskClock', () => {
  const open = make('openTask', '2025-06-04', { taskId: 't1', name: '审查', assignee: { departmentId: 'deptA', role: 'reviewer', userId: null }, limitDays: 2 });
  const { state } = run(promised, ['submit', 'accept', open]);
  const t = state.tasks[0];

  it.each([
    ['2025-06-04', 2, 'warning'],
    ['2025-06-05', 1, 'warning'],
    ['2025-06-09', -1, 'yellowCard'],
    ['2025-07-02', -18, 'redCard'], // the case itself is past its statutory deadline
  ])('on %s: remaining %i, %s', (today, remaining, light) => {
    expect(taskClock(state, t, cal, today)).toMatchObject({ deadline: '2025-06-06', remaining, light });
  });

  it('a completed task keeps its final card; a pause moves its deadline', () => {
    const done = run(promised, ['submit', 'accept', open, make('completeTask', '2025-06-05', { taskId: 't1', opinion: '同意' })]).state;
    expect(taskClock(done, done.tasks[0], cal, '2025-08-01')).toMatchObject({ elapsed: 1, light: 'green' });
    const paused = run(promised, ['submit', 'accept', open, ['suspend', '2025-06-05'], ['resume', '2025-06-06']]).state;
    expect(taskClock(paused, paused.tasks[0], cal, '2025-06-09').deadline).toBe('2025-06-10');
  });
});

describe('pauseClock and trafficLight', () => {
  it('a special procedure has its own limit on the same ladder', () => {
    const { state } = run(promised, ['submit', 'accept', make('suspend', '2025-06-09', { procedure: 'inspection', reason: '检验', limitDays: 5 })]);
    const p = state.pauses[0];
    expect(pauseClock(p, cal, '2025-06-10')).toEqual({ deadline: '2025-06-16', light: 'green' });
    expect(pauseClock(p, cal, '2025-06-13')).toEqual({ deadline: '2025-06-16', light: 'warning' });
    expect(pauseClock(p, cal, '2025-06-17')).toEqual({ deadline: '2025-06-16', light: 'yellowCard' });
    expect(pauseClock({ ...p, to: '2025-06-12' }, cal, '2025-06-30')).toEqual({ deadline: '2025-06-16', light: 'green' });
    expect(pauseClock({ ...p, kind: 'supplement', limitDays: null }, cal, '2025-06-30')).toBeNull();
  });

  it('red beats yellow beats warning', () => {
    expect(trafficLight(cal, '2025-06-12', '2025-06-10', '2025-06-11')).toBe('redCard');
    expect(trafficLight(cal, '2025-06-11', '2025-06-10', '2025-06-11')).toBe('yellowCard');
    expect(trafficLight(cal, '2025-06-10', '2025-06-10', '2025-06-10')).toBe('warning');
    expect(trafficLight(cal, '2025-06-10', '2025-06-10', '2025-06-10', undefined, true)).toBe('green');
  });
});
