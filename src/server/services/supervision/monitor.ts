/**
 * The monitor (DESIGN §5) for supervisors (their center subtree) and department leaders (their
 * department): every open case, open task, special procedure, waiting online pre-review, open
 * rectification, unanswered consultation and complaint not yet fed back, with its light today, filtered
 * by center, department, window, item, kind and light; counts per light; and the lights over time
 * (the daily snapshots the supervision sweep writes, with the cards issued each day).
 */
import type { MonitorEntry, MonitorQuery, MonitorView, SeriesQuery, SeriesView } from '../../../contracts/supervision.js';
import { MonitorQuery as Query, SeriesQuery as SQuery } from '../../../contracts/supervision.js';
import { addDays } from '../../../domain/calendar/index.js';
import { type Light, caseClock, foldCase, pauseClock, taskClock, trafficLight } from '../../../domain/case/index.js';
import type { CaseActionsTable } from '../../db/schema.js';
import { listActionsOfCases, listItemVersions, listMonitorCases, listSnapshots, cardCountsByDay } from '../../repositories/supervision.js';
import { listOpenRectifications } from '../../repositories/evaluation.js';
import { listOpenComplaints, listOpenConsultations, listWaitingPrereviews } from '../../repositories/supervision-monitor.js';
import { loadCalendar } from '../calendar/load.js';
import { caseItemOf, today } from '../case/access.js';
import { toAction } from '../case/store.js';
import type { Ctx } from '../context.js';
import { thresholdsCache } from '../settings/index.js';
import { readScope } from './scope.js';

const ZERO = () => ({ green: 0, warning: 0, yellowCard: 0, redCard: 0 });

/** Errors: unauthenticated, forbidden (no supervision:read). */
export async function monitor(ctx: Ctx, input: MonitorQuery): Promise<MonitorView> {
  const grants = readScope(ctx);
  const q = Query.parse(input);
  const db = ctx.deps.db.kysely;
  const rows = await listMonitorCases(db, { grants, ...q });
  const actions = new Map<string, CaseActionsTable[]>();
  for (const a of await listActionsOfCases(db, rows.map((r) => r.id))) actions.set(a.case_id, [...(actions.get(a.case_id) ?? []), a]);
  const versions = new Map((await listItemVersions(db, [...new Set(rows.map((r) => r.item_version_id))])).map((v) => [v.id, v]));
  const cals = new Map<string, Awaited<ReturnType<typeof loadCalendar>>>();
  const calOf = async (path: string) => cals.get(path) ?? (cals.set(path, await loadCalendar(db, path)), cals.get(path)!);
  const thresholds = thresholdsCache(db);
  const items: MonitorEntry[] = [];
  let date = today(ctx, 'Asia/Shanghai').date;
  for (const r of rows) {
    const cal = await calOf(r.center_path);
    const th = await thresholds(r.center_path);
    date = today(ctx, r.center_time_zone).date;
    const s = foldCase(caseItemOf(versions.get(r.item_version_id)!), (actions.get(r.id) ?? []).map(toAction), cal);
    const clock = caseClock(s, cal, date, th);
    const base = {
      caseId: r.id, caseNo: r.case_no, centerId: r.center_id, centerName: r.center_name, departmentId: r.department_id, departmentName: r.department_name,
      itemId: r.item_id, itemName: r.item_name, greenChannel: s.greenChannel !== null,
    };
    if (clock.light) items.push({ ...base, kind: 'case', id: r.id, name: r.item_name, status: s.status, deadline: clock.deadlines?.promised ?? null, light: clock.light });
    for (const t of s.tasks.filter((x) => x.status === 'open')) {
      const tc = taskClock(s, t, cal, date, th);
      items.push({ ...base, kind: 'task', id: `${r.id}:${t.id}`, name: t.name, status: t.status, deadline: tc.deadline, light: tc.light });
    }
    // a special procedure (特别程序) runs on its own limit while the case's clock stands still
    for (const p of s.pauses.filter((x) => x.to === null && x.kind === 'specialProcedure')) {
      const pc = pauseClock(p, cal, date, th);
      if (pc) items.push({ ...base, kind: 'procedure', id: `${r.id}:pause:${p.from}`, name: p.procedure ?? p.reason, status: s.status, deadline: pc.deadline, light: pc.light });
    }
  }
  // online applications waiting for the window's pre-review (网上预审), on its own limit
  if (!q.windowId) {
    for (const p of await listWaitingPrereviews(db, { grants, centerId: q.centerId, departmentId: q.departmentId, itemId: q.itemId })) {
      const cal = await calOf(p.center_path);
      const d = today(ctx, p.center_time_zone).date;
      const light: Light = trafficLight(cal, d, p.prereview_due, null, await thresholds(p.center_path));
      items.push({
        kind: 'prereview', id: `${p.id}:prereview`, caseId: p.id, caseNo: p.case_no, centerId: p.center_id, centerName: p.center_name, departmentId: p.department_id,
        departmentName: p.department_name, itemId: p.item_id, itemName: p.item_name, name: p.item_name, status: p.status, deadline: p.prereview_due, light, greenChannel: false,
      });
    }
  }
  if (!q.windowId && !q.itemId) {
    for (const x of await listOpenRectifications(db, { grants, centerId: q.centerId, departmentId: q.departmentId })) {
      if (x.due === null) continue;
      const cal = await calOf(x.center_path);
      const d = today(ctx, x.center_time_zone).date;
      const light: Light = trafficLight(cal, d, x.due, null, await thresholds(x.center_path));
      items.push({
        kind: 'rectification', id: x.id, caseId: x.case_id, caseNo: x.case_no, centerId: x.center_id, centerName: x.center_name, departmentId: x.department_id,
        departmentName: x.department_name, itemId: x.item_id, itemName: x.item_name, name: x.status, status: x.status, deadline: x.due, light, greenChannel: false,
      });
    }
  }
  // consultations on the department's clock, and complaints until they are fed back (DESIGN §5)
  if (!q.windowId) {
    for (const x of await listOpenConsultations(db, { grants, centerId: q.centerId, departmentId: q.departmentId, itemId: q.itemId })) {
      const cal = await calOf(x.center_path);
      const light: Light = trafficLight(cal, today(ctx, x.center_time_zone).date, x.due_date, null, await thresholds(x.center_path));
      items.push({
        kind: 'consultation', id: x.id, caseId: null, caseNo: null, centerId: x.center_id, centerName: x.center_name, departmentId: x.department_id,
        departmentName: x.department_name, itemId: x.item_id, itemName: x.item_name ?? '', name: x.item_name ?? '', status: x.status, deadline: x.due_date, light, greenChannel: false,
      });
    }
  }
  if (!q.windowId && !q.itemId) {
    for (const x of await listOpenComplaints(db, { grants, centerId: q.centerId, departmentId: q.departmentId })) {
      const cal = await calOf(x.center_path);
      const light: Light = trafficLight(cal, today(ctx, x.center_time_zone).date, x.due_date, null, await thresholds(x.center_path));
      items.push({
        kind: 'complaint', id: x.id, caseId: x.case_id, caseNo: x.case_no, centerId: x.center_id, centerName: x.center_name, departmentId: x.department_id,
        departmentName: x.department_name ?? '', itemId: null, itemName: '', name: x.subject, status: x.status, deadline: x.due_date, light, greenChannel: false,
      });
    }
  }
  // 绿色通道 first (a stable sort: otherwise in the order found)
  const shown = items.filter((i) => (!q.kind || i.kind === q.kind) && (!q.light || i.light === q.light)).sort((a, b) => Number(b.greenChannel) - Number(a.greenChannel));
  const counts = ZERO();
  for (const i of shown) counts[i.light]++;
  return { date, items: shown, counts };
}

/** Per day from `from` to `to` (default the last 30 days): open cases by light, and cards issued. Errors: forbidden. */
export async function lightSeries(ctx: Ctx, input: SeriesQuery): Promise<SeriesView> {
  const grants = readScope(ctx);
  const q = SQuery.parse(input);
  const to = q.to ?? today(ctx, 'Asia/Shanghai').date;
  const from = q.from ?? addDays(to, -29);
  const db = ctx.deps.db.kysely;
  const snaps = await listSnapshots(db, grants, from, to, q.centerId, q.departmentId);
  const cards = await cardCountsByDay(db, grants, from, to, q.centerId, q.departmentId);
  const days: SeriesView['days'] = [];
  for (let d = from; d <= to && days.length < 400; d = addDays(d, 1)) {
    const lights = ZERO();
    for (const s of snaps.filter((x) => x.day === d)) {
      lights.green += s.green;
      lights.warning += s.warning;
      lights.yellowCard += s.yellow_card;
      lights.redCard += s.red_card;
    }
    const c = { warning: 0, yellow: 0, red: 0 };
    for (const x of cards.filter((y) => y.day === d)) c[x.level as keyof typeof c] += x.n;
    days.push({ day: d, lights, cards: c });
  }
  return { days };
}
