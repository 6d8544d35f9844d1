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
import type { CaseAction, CaseState } from '../../../domain/case/index.js';
import { addDays } from '../../../domain/calendar/index.js';
import { findAnomalies } from '../../../domain/supervision/index.js';
import type { Database } from '../../db/schema.js';
import { findCase, listCaseActions } from '../../repositories/cases.js';
import { setWindowCurrent } from '../../repositories/evaluation.js';
import { insertAnomalies } from '../../repositories/supervision-work.js';
import { recordAction } from '../audit/record.js';
import { loadCalendar } from '../calendar/load.js';
import { getItemVersion } from '../case/access.js';
import { readData } from '../catalogue/version-row.js';
import type { Ctx } from '../context.js';
import { openOccasion } from '../evaluation/occasions.js';
import { ensureDailySweep } from './daily-timer.js';

export async function supervisionEffects(trx: Transaction<Database>, ctx: Ctx, c: { id: string }, prev: CaseState, next: CaseState, action: CaseAction): Promise<void> {
  const windows = ctx.actor?.kind === 'staff' && ctx.actor.userId !== 'system' ? ctx.actor.windowIds : [];
  if (windows.length > 0) await setWindowCurrent(trx, windows.map((w) => ({ window_id: w, case_id: c.id, user_id: ctx.actor!.userId, at: action.at })));
  const accepted = prev.acceptedOn === null && next.acceptedOn !== null;
  const concluded = next.status === 'concluded' && prev.status !== 'concluded';
  if (!accepted && !concluded) return;
  const row = await findCase(trx, c.id);
  if (!row) return;
  const v = await getItemVersion(trx, row.item_version_id);
  const facts = { ...row, item_name: v.name };
  const immediate = next.item.handlingClass === 'immediate';
  if (accepted) {
    await ensureDailySweep(trx, row.center_id, row.time_zone, addDays(action.date, 1), action.at);
    if (!immediate) await openOccasion(trx, ctx, facts, 'acceptance', action.date, action.at);
  }
  if (!concluded) return;
  await openOccasion(trx, ctx, facts, immediate ? 'whole' : 'conclusion', action.date, action.at);
  const data = readData(v);
  const actions = (await listCaseActions(trx, c.id)).filter((a) => a.seq <= next.version).map((a) => ({ ...(JSON.parse(a.payload) as object), kind: a.kind, at: a.at, date: a.date, actorId: a.actor_id, role: a.role }) as CaseAction);
  const found = findAnomalies(actions, next, { promisedLimit: next.item.promisedLimit, fees: data.fees.lines.map((f) => ({ name: f.name, amountFen: f.amountFen })) }, await loadCalendar(trx, row.center_path));
  if (found.length === 0) return;
  const rows = found.map((a) => ({
    id: randomUUID(), case_id: c.id, center_id: row.center_id, department_id: row.department_id, rule: a.rule, seq: a.seq, message: a.zh, message_en: a.en,
    status: 'open', disposition: '', closed_by: null, closed_at: null, version: 1, created_at: action.at, updated_at: action.at,
  }));
  await insertAnomalies(trx, rows);
  for (const r of rows) await recordAction(trx, ctx, { entity: 'anomaly', entityId: r.id, action: 'found', payload: { caseId: c.id, caseNo: row.case_no, rule: r.rule, seq: r.seq } });
}
