/**
 * Stored deadlines after a calendar change (DESIGN §4 "Clock"). A case row keeps its promised and
 * statutory deadlines and light for querying (store.ts); they were worked out on the calendar of
 * the day. When a holiday or make-up working day is added or removed — by an admin, or a year's
 * arrangement imported — every accepted, still open case of the centers the change applies to
 * is folded again on the new calendar and its row rewritten, in the calendar change's own
 * transaction, so the lists never show a deadline the calendar no longer gives.
 *
 * Decisions:
 * - The case's version stays: no action happened, and a client holding the case may still move it.
 * - Each case is locked (PostgreSQL) in id order before it is read, as a move locks it: a move
 *   under way finishes first and is recomputed, or waits and folds on the new calendar. The
 *   caller does this before its own audit row, so both take the case lock before the log's.
 * - The light is the one for the last action's date, as a move stores it, on the center's
 *   light thresholds (settings).
 * - One audit row sums the recomputation up (cases looked at, rows changed), only when there
 *   was a case to look at; the caller writes it after its own (`auditRecompute`).
 */
import type { Transaction } from 'kysely';
import { caseClock, foldCase } from '../../../domain/case/index.js';
import type { WorkCalendar } from '../../../domain/calendar/index.js';
import type { Database, ItemVersionsTable } from '../../db/schema.js';
import { findCenterById } from '../../repositories/calendar.js';
import { listOpenCaseIdsUnder, updateCaseDeadlines } from '../../repositories/case-deadlines.js';
import { listCaseActions, lockCase } from '../../repositories/cases.js';
import { recordAction } from '../audit/record.js';
import { NATIONAL, businessDate, loadCalendar } from '../calendar/load.js';
import { type Ctx, nowIso } from '../context.js';
import { thresholdsCache } from '../settings/index.js';
import { caseItemOf, getCaseRow, getItemVersion } from './access.js';
import { toAction } from './store.js';

export interface RecomputeResult {
  /** open accepted cases folded again */
  cases: number;
  /** rows whose deadlines or light changed */
  changed: number;
}

/**
 * Recomputes the open cases under the calendar scope (a center id: that center and the ones
 * below it; 'national': every center), in the caller's transaction, before its audit row.
 */
export async function recomputeCaseDeadlines(trx: Transaction<Database>, ctx: Ctx, scope: string): Promise<RecomputeResult> {
  const prefix = scope === NATIONAL ? '/' : (await findCenterById(trx, scope))?.path;
  if (!prefix) return { cases: 0, changed: 0 };
  const ids = await listOpenCaseIdsUnder(trx, prefix);
  const calendars = new Map<string, WorkCalendar>();
  const versions = new Map<string, ItemVersionsTable>();
  const thresholds = thresholdsCache(trx);
  const at = nowIso(ctx.deps);
  let changed = 0;
  for (const id of ids) {
    await lockCase(trx, ctx.deps.db.dialect, id);
    const row = await getCaseRow(trx, id);
    let cal = calendars.get(row.center_path);
    if (!cal) calendars.set(row.center_path, (cal = await loadCalendar(trx, row.center_path)));
    let v = versions.get(row.item_version_id);
    if (!v) versions.set(row.item_version_id, (v = await getItemVersion(trx, row.item_version_id)));
    const s = foldCase(caseItemOf(v), (await listCaseActions(trx, id)).map(toAction), cal);
    const day = s.lastDate ?? businessDate(ctx.deps.clock.now(), row.time_zone);
    const next = {
      promised_due: s.deadlines?.promised ?? null,
      statutory_due: s.deadlines?.statutory ?? null,
      light: caseClock(s, cal, day, await thresholds(row.center_path)).light,
    };
    if (next.promised_due === row.promised_due && next.statutory_due === row.statutory_due && next.light === row.light) continue;
    if (await updateCaseDeadlines(trx, id, row.version, { ...next, updated_at: at })) changed++;
  }
  return { cases: ids.length, changed };
}

/** The summary audit row of a recomputation (none when no case was looked at); `change` says what changed. */
export async function auditRecompute(trx: Transaction<Database>, ctx: Ctx, scope: string, r: RecomputeResult, change: Record<string, unknown>): Promise<void> {
  if (r.cases === 0) return;
  await recordAction(trx, ctx, { entity: 'calendar', entityId: scope, action: 'recomputeDeadlines', payload: { ...change, scope, cases: r.cases, changed: r.changed } });
}
