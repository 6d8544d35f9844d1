/**
 * The supervision sweep of one center at the start of each day (timer `supervisionDaily`), in
 * the sweeper's transaction:
 * - each open case and its open tasks: cards as their lights call for (a task's light moves on
 *   days no case timer marks), and the day's light counts per department (the monitor's chart);
 * - lapsed rating occasions take the center's default rating, or are marked unrated;
 * - open rectifications: overdue flagged, and carded on the same ladder;
 * - open supervision orders past their deadline: a yellow card;
 * - last month's follow-up sample, once;
 * then the next day's sweep is set. Every step is idempotent: a second run changes nothing.
 */
import type { Transaction } from 'kysely';
import { addDays } from '../../../domain/calendar/index.js';
import { caseClock, type Light, trafficLight } from '../../../domain/case/index.js';
import { foldRectification, isOverdue, type RectificationEvent } from '../../../domain/evaluation/index.js';
import type { Database, LightSnapshotsTable, TimersTable } from '../../db/schema.js';
import { findCenterById } from '../../repositories/centers.js';
import { lapsedOccasions, listOpenRectifications, setOccasionStatus, updateRectification } from '../../repositories/evaluation.js';
import { openCaseIdsOfCenter, upsertSnapshots } from '../../repositories/supervision.js';
import { overdueOrders } from '../../repositories/supervision-work.js';
import { recordAction } from '../audit/record.js';
import { loadCalendar } from '../calendar/load.js';
import { today } from '../case/access.js';
import { lockedCase, timerCtx } from '../case/system-moves.js';
import type { Deps } from '../context.js';
import { recordRating } from '../evaluation/rate.js';
import { evaluationSettingsFor } from '../evaluation/settings.js';
import { lightThresholdsFor } from '../settings/index.js';
import { applyLight, superviseCase } from './cards-sweep.js';
import { ensureDailySweep } from './daily-timer.js';
import { sampleFollowUps } from './follow-ups.js';

const KEY: Record<Light, 'green' | 'warning' | 'yellow_card' | 'red_card'> = { green: 'green', warning: 'warning', yellowCard: 'yellow_card', redCard: 'red_card' };

export async function supervisionDaily(trx: Transaction<Database>, deps: Deps, t: TimersTable): Promise<void> {
  const { centerId } = JSON.parse(t.payload) as { centerId: string };
  const center = await findCenterById(trx, centerId);
  if (!center) return;
  const ctx = timerCtx(deps);
  const now = today(ctx, center.time_zone);

  const counts = new Map<string, LightSnapshotsTable>();
  for (const r of await openCaseIdsOfCenter(trx, centerId)) {
    const c = await lockedCase(trx, deps, r.id);
    await superviseCase(trx, ctx, c);
    const light = caseClock(c.state, c.cal, now.date, c.thresholds).light;
    if (!light) continue;
    const s = counts.get(r.department_id) ?? { center_id: centerId, department_id: r.department_id, day: now.date, green: 0, warning: 0, yellow_card: 0, red_card: 0, created_at: now.at };
    s[KEY[light]]++;
    counts.set(r.department_id, s);
  }
  await upsertSnapshots(trx, [...counts.values()]);

  const st = await evaluationSettingsFor(trx, center.path);
  for (const o of await lapsedOccasions(trx, centerId, now.date)) {
    if (st.defaultLevel) await recordRating(trx, ctx, o, { channel: 'default', level: st.defaultLevel, comment: '', windowId: null, raterUserId: null }, now.at);
    else await setOccasionStatus(trx, o.id, 'lapsed', now.at);
  }

  const cal = await loadCalendar(trx, center.path);
  const thresholds = await lightThresholdsFor(trx, center.path);
  for (const x of await listOpenRectifications(trx, { centerId })) {
    const s = foldRectification(JSON.parse(x.events) as RectificationEvent[], cal);
    const overdue = isOverdue(s, now.date);
    if (overdue && x.overdue === 0) {
      if (!(await updateRectification(trx, x.id, x.version, { status: x.status, due: x.due, overdue: 1, events: x.events, updated_at: now.at }))) continue;
      await recordAction(trx, ctx, { entity: 'rectification', entityId: x.id, action: 'overdue', payload: { caseNo: x.case_no, status: x.status, due: x.due } });
    }
    if (s.due === null) continue;
    await applyLight(trx, ctx, {
      type: 'rectification', id: x.id, caseId: x.case_id, centerId, centerPath: center.path, departmentId: x.department_id, label: `${x.case_no} 差评整改`,
      handlers: [{ role: 'deptLeader', departmentId: x.department_id, userId: null }],
    }, trafficLight(cal, now.date, s.due, null, thresholds), now);
  }

  for (const o of await overdueOrders(trx, centerId, now.date)) {
    await applyLight(trx, ctx, {
      type: 'order', id: o.id, caseId: o.case_id, centerId, centerPath: center.path, departmentId: o.department_id, label: `督办单（${o.case_no ?? o.content.slice(0, 20)}）`,
      handlers: [{ role: 'deptLeader', departmentId: o.department_id, userId: null }],
    }, 'yellowCard', now);
  }

  await sampleFollowUps(trx, ctx, center, now, st.followUpPercent);
  await ensureDailySweep(trx, centerId, center.time_zone, addDays(now.date, 1), now.at);
}
