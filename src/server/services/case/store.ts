/**
 * Between the domain's actions and the rows: an action is stored as its envelope (kind, at,
 * date, actor, role) plus the rest as JSON; the case row is the projection of the folded state
 * (status, outcome, deadlines, light) written with the optimistic version check.
 */
import type { Transaction } from 'kysely';
import { randomUUID } from 'node:crypto';
import { type CaseAction, type CaseClock, type CaseState, DEFAULT_THRESHOLDS, type LightThresholds, caseClock } from '../../../domain/case/index.js';
import type { WorkCalendar } from '../../../domain/calendar/index.js';
import { conflict } from '../../../domain/errors.js';
import { isUniqueViolation } from '../../db/dialect.js';
import type { CaseActionsTable, Database } from '../../db/schema.js';
import { writeCaseMove } from '../../repositories/case-moves.js';
import { type CaseProjection, insertCaseAction, updateCaseProjection } from '../../repositories/cases.js';
import { recordAction } from '../audit/record.js';
import type { Ctx } from '../context.js';
import { outboxBatch } from '../notifications/outbox.js';
import { timerBatch } from '../timers/schedule.js';
import { runBatches } from '../tx-batch.js';
import { type EffectsKnown, noticesBatch, writeEffects } from './effects.js';
import { recordCoDepartments } from './joint.js';

/** 409 naming the case: someone acted on it since it was read. */
export const caseConflict = (caseNo: string) => conflict(`办件 ${caseNo} `, `Case ${caseNo}`);

export function toAction(r: CaseActionsTable): CaseAction {
  return { ...(JSON.parse(r.payload) as object), kind: r.kind, at: r.at, date: r.date, actorId: r.actor_id, role: r.role } as CaseAction;
}

/** The action's own content: what is stored as payload. */
export function payloadOf(a: CaseAction): Record<string, unknown> {
  const { kind: _k, at: _a, date: _d, actorId: _i, role: _r, ...rest } = a;
  return rest;
}

export function actionRow(caseId: string, seq: number, a: CaseAction): CaseActionsTable {
  return { id: randomUUID(), case_id: caseId, seq, kind: a.kind, at: a.at, date: a.date, actor_id: a.actorId, role: a.role, payload: JSON.stringify(payloadOf(a)) };
}

const clocks = new WeakMap<CaseState, { cal: WorkCalendar; date: string; thresholds: LightThresholds; clock: CaseClock }>();

/**
 * `caseClock` of a state, kept with the state object for the same calendar, date and thresholds:
 * a move computes it for the stored projection and again for its reply (view.ts). States are
 * never changed once made (the domain returns new ones), so the clock of one stays its clock.
 */
export function clockOf(s: CaseState, cal: WorkCalendar, date: string, thresholds: LightThresholds = DEFAULT_THRESHOLDS): CaseClock {
  const hit = clocks.get(s);
  if (hit && hit.cal === cal && hit.date === date && hit.thresholds === thresholds) return hit.clock;
  const clock = caseClock(s, cal, date, thresholds);
  clocks.set(s, { cal, date, thresholds, clock });
  return clock;
}

/** The statuses in which a case is still being handled (the green channel counts only then). */
const OPEN_STATUSES = new Set<string>(['submitted', 'supplementRequired', 'accepted', 'inReview', 'suspended']);

/** `thresholds`: the center's light settings (the light stored for lists and the monitor). */
export function projection(s: CaseState, cal: WorkCalendar, date: string, at: string, thresholds: LightThresholds = DEFAULT_THRESHOLDS): CaseProjection {
  return {
    status: s.status,
    outcome: s.outcome,
    accepted_on: s.acceptedOn,
    promised_due: s.deadlines?.promised ?? null,
    statutory_due: s.deadlines?.statutory ?? null,
    light: clockOf(s, cal, date, thresholds).light,
    // 绿色通道 sorts a case first only while it is being handled
    green_channel: s.greenChannel && OPEN_STATUSES.has(s.status) ? 1 : 0,
    escort_id: s.greenChannel?.escortId ?? null,
    updated_at: at,
  };
}

/** Appends the action row, or 409 when another writer took this sequence number first. */
export async function appendCaseAction(trx: Transaction<Database>, caseNo: string, row: CaseActionsTable): Promise<void> {
  try {
    await insertCaseAction(trx, row);
  } catch (e) {
    if (isUniqueViolation(e)) throw caseConflict(caseNo);
    throw e;
  }
}

/**
 * Writes a move: the projection (only if the case is still at `version`), the action row and
 * the audit row, then what the move brings with it (its notice and messages, effects.ts) — all in
 * the caller's transaction. The version condition on the update is the last guard when a caller
 * did not lock the row first: one success, one 409.
 */
export async function writeMove(
  trx: Transaction<Database>,
  ctx: Ctx,
  c: { id: string; caseNo: string; version: number },
  prev: CaseState,
  next: CaseState,
  action: CaseAction,
  cal: WorkCalendar,
  thresholds: LightThresholds = DEFAULT_THRESHOLDS,
): Promise<void> {
  const ok = await updateCaseProjection(trx, c.id, c.version, next.version, projection(next, cal, action.date, action.at, thresholds));
  if (!ok) throw caseConflict(c.caseNo);
  await appendCaseAction(trx, c.caseNo, actionRow(c.id, next.version, action));
  await recordAction(trx, ctx, { entity: 'case', entityId: c.id, action: action.kind, payload: { caseNo: c.caseNo, seq: next.version, ...payloadOf(action) } });
  await writeEffects(trx, ctx, c, prev, next, action);
}

/** One step of a move: the action and the states before and after it. */
export interface MoveStep {
  prev: CaseState;
  next: CaseState;
  action: CaseAction;
}

/**
 * Writes a move and its follow-ups (move.ts) at once: the projection of the last state (only if
 * the case is still at `c.version`: one success, one 409, as `writeMove`), the action rows in one
 * statement, an audit row and the effects for each step, in order. Returns the action rows.
 */
export async function writeMoves(
  trx: Transaction<Database>,
  ctx: Ctx,
  c: { id: string; caseNo: string; version: number },
  steps: readonly MoveStep[],
  cal: WorkCalendar,
  thresholds: LightThresholds,
  known: EffectsKnown,
): Promise<CaseActionsTable[]> {
  const last = steps[steps.length - 1];
  const rows = steps.map((s) => actionRow(c.id, s.next.version, s.action));
  let ok: boolean;
  try {
    // one statement on PostgreSQL (repositories/case-moves.ts)
    ok = await writeCaseMove(trx, ctx.deps.db.dialect, { id: c.id, version: c.version, nextVersion: last.next.version }, projection(last.next, cal, last.action.date, last.action.at, thresholds), rows);
  } catch (e) {
    if (isUniqueViolation(e)) throw caseConflict(c.caseNo);
    throw e;
  }
  if (!ok) throw caseConflict(c.caseNo);
  // the supervision effects at conclusion look at the action list with the move's own actions
  known.supervision?.actions.push(...rows.map((r) => ({ seq: r.seq, action: toAction(r) })));
  // a joint case's co-departments, one update for the move however many opinions it opens (joint.ts)
  if (known.joint) await recordCoDepartments(trx, c.id, known.joint, steps.map((s) => s.action));
  // the notices, outbox rows and timers the effects write, at the end: one insert each, or on
  // PostgreSQL one statement for all (tx-batch.ts runBatches; notices in effects.ts, timers/schedule.ts, notifications/outbox.ts)
  await runBatches(trx, ctx.deps.db.dialect, [noticesBatch, outboxBatch, timerBatch], async () => {
    for (const s of steps) {
      await recordAction(trx, ctx, { entity: 'case', entityId: c.id, action: s.action.kind, payload: { caseNo: c.caseNo, seq: s.next.version, ...payloadOf(s.action) } });
      await writeEffects(trx, ctx, c, s.prev, s.next, s.action, known);
    }
  });
  return rows;
}
