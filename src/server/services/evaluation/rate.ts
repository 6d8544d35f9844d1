/**
 * A rating written (DESIGN §6): one per case, occasion and channel (the unique key answers a
 * second one with 409), under the channel's versioned indicator set; the occasion marked rated;
 * a bad review (不满意 / 非常不满意) opens its rectification in the same transaction, the
 * department's leaders and the supervisors told. Channels: window screen, SMS link, the online
 * hall (hall/evaluations.ts calls `afterRating`), and the default a lapsed occasion takes.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { addDays } from '../../../domain/calendar/index.js';
import { AppError, fieldError, invalid } from '../../../domain/errors.js';
import { type Channel, INDICATOR_NAMES, INDICATOR_SETS, type IndicatorSetId, type Level, LEVELS, LEVEL_NAMES, indicatorSetFor, isBad, openRectification } from '../../../domain/evaluation/index.js';
import { isUniqueViolation } from '../../db/dialect.js';
import type { Database, EvaluationsTable } from '../../db/schema.js';
import { findCase } from '../../repositories/cases.js';
import { insertRating, insertRectification, markOccasionRated, type OccasionRow, setOccasionStatus } from '../../repositories/evaluation.js';
import { recordAction } from '../audit/record.js';
import { businessDate, loadCalendar } from '../calendar/load.js';
import type { Ctx } from '../context.js';
import { ensureDailySweep } from '../supervision/daily-timer.js';
import { notifyStaff, supervisionRecipients } from '../supervision/notify.js';
import { evaluationSettingsFor } from './settings.js';

export const alreadyRated = () =>
  new AppError('conflict', '本环节已评价过，每个环节只能评价一次', 'This occasion was already rated; each is rated once', [fieldError('occasion', 'occasion：已评价', 'occasion: already rated')]);

export const levelLabels = () => LEVELS.map((l) => ({ code: l, zh: LEVEL_NAMES[l][0], en: LEVEL_NAMES[l][1] }));
export const indicatorLabels = (set: IndicatorSetId) => INDICATOR_SETS[set].map((code) => ({ code, zh: INDICATOR_NAMES[code][0], en: INDICATOR_NAMES[code][1] }));

/** The scores by indicator: only the set's indicators; overall defaults to the level. */
export function indicatorScores(set: IndicatorSetId, level: Level, given: Record<string, Level> | undefined): Record<string, Level> {
  const allowed: readonly string[] = INDICATOR_SETS[set];
  const unknown = Object.keys(given ?? {}).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw invalid([fieldError(`indicators.${unknown[0]}`, `indicators.${unknown[0]}：不是本评价指标体系的指标`, `indicators.${unknown[0]}: not an indicator of ${set}`)]);
  return { overall: level, ...(given ?? {}) };
}

export interface RatingInput {
  channel: Channel;
  level: Level;
  indicators?: Record<string, Level>;
  comment: string;
  windowId: string | null;
  raterUserId: string | null;
}

/** Writes the rating for the occasion (409 when this channel rated it already); the row and its rectification's id. */
export async function recordRating(trx: Transaction<Database>, ctx: Ctx, o: OccasionRow, r: RatingInput, at: string): Promise<{ row: EvaluationsTable; rectificationId: string | null }> {
  const set = indicatorSetFor(r.channel);
  const row: Required<EvaluationsTable> = {
    id: randomUUID(), case_id: o.case_id, center_id: o.center_id, department_id: o.department_id, window_id: r.windowId, item_id: o.item_id, occasion: o.occasion,
    channel: r.channel, level: r.level, comment: r.comment, rater_user_id: r.raterUserId, created_at: at, indicator_set: set, indicators: JSON.stringify(indicatorScores(set, r.level, r.indicators)),
  };
  try {
    await insertRating(trx, row);
  } catch (e) {
    if (isUniqueViolation(e)) throw alreadyRated();
    throw e;
  }
  await setOccasionStatus(trx, o.id, r.channel === 'default' ? 'defaulted' : 'rated', at);
  await recordAction(trx, ctx, { entity: 'evaluation', entityId: row.id, action: r.channel === 'default' ? 'default' : 'rate', payload: { caseId: o.case_id, occasion: o.occasion, channel: r.channel, level: r.level } });
  const rectificationId = await afterRating(trx, ctx, row);
  return { row, rectificationId };
}

/** What follows any rating: a bad one opens its rectification. The rectification's id, or null. */
export async function afterRating(trx: Transaction<Database>, ctx: Ctx, e: EvaluationsTable): Promise<string | null> {
  if (!isBad(e.level as Level)) return null;
  const c = await findCase(trx, e.case_id);
  if (!c) return null;
  const st = await evaluationSettingsFor(trx, c.center_path);
  const cal = await loadCalendar(trx, c.center_path);
  const at = e.created_at;
  const on = businessDate(new Date(at), c.time_zone);
  const open = { kind: 'open' as const, on, by: 'system', limitDays: st.rectifyWorkdays };
  const s = openRectification(open, cal);
  const id = randomUUID();
  await insertRectification(trx, {
    id, evaluation_id: e.id, case_id: e.case_id, center_id: e.center_id, department_id: e.department_id, status: s.status, due: s.due, overdue: 0,
    events: JSON.stringify([open]), version: 1, created_at: at, updated_at: at,
  });
  await recordAction(trx, ctx, { entity: 'rectification', entityId: id, action: 'open', payload: { evaluationId: e.id, caseId: e.case_id, level: e.level, due: s.due } });
  const to = await supervisionRecipients(trx, { centerPath: c.center_path, departmentId: e.department_id, handlers: [] });
  await notifyStaff(trx, to, {
    template: 'rectificationOpened', title: '差评待核实整改', caseId: e.case_id, at,
    body: `办件 ${c.case_no} 收到差评（${LEVEL_NAMES[e.level as Level][0]}），请于${s.due}前核实，核实有效的须在${st.rectifyWorkdays}个工作日内整改。`,
  });
  await ensureDailySweep(trx, e.center_id, c.time_zone, addDays(on, 1), at);
  return id;
}

/** A rating the online hall wrote (hall/evaluations.ts): its occasion is rated; a bad one opens its rectification. */
export async function afterHallRating(trx: Transaction<Database>, ctx: Ctx, e: EvaluationsTable): Promise<void> {
  await markOccasionRated(trx, e.case_id, e.occasion === 'conclusion' ? ['conclusion', 'whole'] : [e.occasion], e.created_at);
  await afterRating(trx, ctx, e);
}
