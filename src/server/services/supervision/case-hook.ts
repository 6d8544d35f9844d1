/**
 * What electronic supervision and evaluation take from a case move, in the move's transaction
 * (called from case/effects.ts):
 * - a clerk holding windows acted: those windows' current case is this one (the rating screen);
 * - acceptance: the center's daily supervision sweep is set, and a promised case's acceptance
 *   occasion opens;
 * - conclusion: the conclusion occasion opens ('whole' for an immediate case), and the anomaly
 *   rules run over the case's actions (DESIGN §5), each anomaly listed once.
 * Most moves do none of these and cost nothing here.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { ItemData } from '../../../contracts/catalogue.js';
import type { CaseAction, CaseState } from '../../../domain/case/index.js';
import { addDays, type WorkCalendar } from '../../../domain/calendar/index.js';
import { findAnomalies } from '../../../domain/supervision/index.js';
import type { Database } from '../../db/schema.js';
import { findCase, listCaseActions } from '../../repositories/cases.js';
import { setWindowCurrent } from '../../repositories/evaluation.js';
import { insertAnomalies } from '../../repositories/supervision-work.js';
import { recordAction } from '../audit/record.js';
import { loadCalendar } from '../calendar/load.js';
import { getItemVersion } from '../case/access.js';
import { evaluationSettingsAt } from '../case/caches.js';
import { readData } from '../catalogue/version-row.js';
import type { Ctx } from '../context.js';
import { type OccasionCase, openOccasion } from '../evaluation/occasions.js';
import { ensureDailySweep } from './daily-timer.js';

/**
 * What a move that read the case already has (case/move.ts, through EffectsKnown): at acceptance
 * and conclusion this saves re-reading the case row, its item version, (at conclusion) the action
 * list and the calendar, and the center's evaluation settings (kept under the settings revision
 * token the move read, case/caches.ts) — up to five statements of the move's transaction.
 */
export interface SupervisionKnown {
  /** the case row as the move read it under its lock (the columns used here never change with a move) */
  row: OccasionCase & { center_path: string };
  data: ItemData;
  /** the case's actions with their seq, the move's own added as they are written (case/store.ts) */
  actions: { seq: number; action: CaseAction }[];
  cal: WorkCalendar;
  settingsRevision: string;
}

export async function supervisionEffects(trx: Transaction<Database>, ctx: Ctx, c: { id: string }, prev: CaseState, next: CaseState, action: CaseAction, known?: SupervisionKnown): Promise<void> {
  const windows = ctx.actor?.kind === 'staff' && ctx.actor.userId !== 'system' ? ctx.actor.windowIds : [];
  if (windows.length > 0) await setWindowCurrent(trx, windows.map((w) => ({ window_id: w, case_id: c.id, user_id: ctx.actor!.userId, at: action.at })));
  const accepted = prev.acceptedOn === null && next.acceptedOn !== null;
  const concluded = next.status === 'concluded' && prev.status !== 'concluded';
  if (!accepted && !concluded) return;
  const read = known ? null : await readFacts(trx, c.id);
  const row = known?.row ?? read?.row;
  if (!row) return;
  const settings = known ? await evaluationSettingsAt(trx, row.center_path, known.settingsRevision) : undefined;
  const immediate = next.item.handlingClass === 'immediate';
  if (accepted) {
    await ensureDailySweep(trx, row.center_id, row.time_zone, addDays(action.date, 1), action.at);
    if (!immediate) await openOccasion(trx, ctx, row, 'acceptance', action.date, action.at, settings);
  }
  if (!concluded) return;
  await openOccasion(trx, ctx, row, immediate ? 'whole' : 'conclusion', action.date, action.at, settings);
  const data = known?.data ?? readData(read!.version);
  const actions = known
    ? known.actions.filter((a) => a.seq <= next.version).map((a) => a.action)
    : (await listCaseActions(trx, c.id)).filter((a) => a.seq <= next.version).map((a) => ({ ...(JSON.parse(a.payload) as object), kind: a.kind, at: a.at, date: a.date, actorId: a.actor_id, role: a.role }) as CaseAction);
  const cal = known?.cal ?? await loadCalendar(trx, row.center_path);
  const found = findAnomalies(actions, next, { promisedLimit: next.item.promisedLimit, fees: data.fees.lines.map((f) => ({ name: f.name, amountFen: f.amountFen })) }, cal);
  if (found.length === 0) return;
  const rows = found.map((a) => ({
    id: randomUUID(), case_id: c.id, center_id: row.center_id, department_id: row.department_id, rule: a.rule, seq: a.seq, message: a.zh, message_en: a.en,
    status: 'open', disposition: '', closed_by: null, closed_at: null, version: 1, created_at: action.at, updated_at: action.at,
  }));
  await insertAnomalies(trx, rows);
  for (const r of rows) await recordAction(trx, ctx, { entity: 'anomaly', entityId: r.id, action: 'found', payload: { caseId: c.id, caseNo: row.case_no, rule: r.rule, seq: r.seq } });
}

/** The case's facts for its occasions and its item version, read when the caller had none to give. */
async function readFacts(trx: Transaction<Database>, caseId: string) {
  const row = await findCase(trx, caseId);
  if (!row) return null;
  const version = await getItemVersion(trx, row.item_version_id);
  return { row: { ...row, item_name: version.name }, version };
}
