/**
 * One fee sheet for the run (一表式收费): every child case's fees in one sheet — item, line,
 * licence number (亮证收费), amount, status — with the total; assessed once for all where there
 * is no choice to make (a child whose item has a single fee line of a fixed amount, not yet
 * assessed; several lines — often alternatives, 住宅类 / 非住宅类 — or a formula line are
 * assessed by the department on the case, which knows which applies) and paid once for all: one receipt number `{runNo}-F{nn}`, nn counting
 * the run's payments, written into each child case's own payFee action (each case keeps its own
 * record, as if paid at its window), all in one transaction.
 *
 * Errors (assess, pay): forbidden (no case:accept over the run: its center, a center-wide grant
 * or one in a department of its items), notFound, conflict (409, stale run `version`, or a child
 * case moved meanwhile), invalidState (409: nothing to assess / nothing owed; assessing after the
 * run ended), validation (400 `reference` for an online payment without one).
 */
import type { Transaction } from 'kysely';
import { randomUUID } from 'node:crypto';
import { AssessBundleFeesBody, type BundleFeeSheet, type BundleRunView, PayBundleFeesBody } from '../../../contracts/bundle-case.js';
import { type ActionBase, type CaseAction, type CaseActor, type CaseState, foldCase, guard, transition } from '../../../domain/case/index.js';
import type { WorkCalendar } from '../../../domain/calendar/index.js';
import { AppError, conflict, fieldError, invalid } from '../../../domain/errors.js';
import type { Database } from '../../db/schema.js';
import { type RunCaseRow, listRunCases, lockBundleRun, updateBundleRun } from '../../repositories/bundle-runs.js';
import { findCase, listCaseActions } from '../../repositories/cases.js';
import { recordAction } from '../audit/record.js';
import { loadCalendar } from '../calendar/load.js';
import { caseItemOf, getItemVersion } from '../case/access.js';
import { toAction, writeMove } from '../case/store.js';
import { type LockedCase, lockedCase } from '../case/system-moves.js';
import { type Ctx, type Executor, inTx } from '../context.js';
import { getRunRow, requireRunPermission, runActorFor, runScopeOf } from './access.js';
import { getBundleRun } from './view.js';

/** The children's folded states (their fees), calendars read once per center. */
async function childStates(db: Executor, children: readonly RunCaseRow[]): Promise<Map<string, CaseState>> {
  const cals = new Map<string, WorkCalendar>();
  const out = new Map<string, CaseState>();
  for (const ch of children) {
    const row = (await findCase(db, ch.case_id))!;
    const v = await getItemVersion(db, row.item_version_id);
    let cal = cals.get(row.center_path);
    if (!cal) cals.set(row.center_path, (cal = await loadCalendar(db, row.center_path)));
    out.set(ch.case_id, foldCase(caseItemOf(v), (await listCaseActions(db, ch.case_id)).map(toAction), cal));
  }
  return out;
}

export async function feeSheet(db: Executor, children: readonly RunCaseRow[]): Promise<BundleFeeSheet> {
  const states = await childStates(db, children);
  const lines = children.flatMap((ch) =>
    states.get(ch.case_id)!.fees.map((f) => ({
      caseId: ch.case_id, caseNo: ch.case_no, itemName: ch.item_name, feeId: f.id, name: f.name, licenceNo: f.licenceNo,
      amountFen: f.amountFen, status: f.status, receiptNo: f.payment?.receiptNo ?? null,
    })),
  );
  const sum = (st: string[]) => lines.filter((l) => st.includes(l.status)).reduce((n, l) => n + l.amountFen, 0);
  return { lines, totalFen: sum(['assessed', 'paid']), unpaidFen: sum(['assessed']), paidFen: sum(['paid']) };
}

/**
 * Locks every child case, then the run (409 on a stale version); the actor over the run. Cases
 * first, as a case move does (its hook locks the run after its case): no two writers wait on
 * each other in opposite orders.
 */
async function lockRun(trx: Transaction<Database>, ctx: Ctx, id: string, version: number) {
  const actor = requireRunPermission(ctx, 'case:accept');
  const before = await getRunRow(trx, id);
  const caseActor = runActorFor(actor, runScopeOf(before), 'case:accept');
  const children: LockedCase[] = [];
  for (const ch of await listRunCases(trx, id)) children.push(await lockedCase(trx, ctx.deps, ch.case_id));
  await lockBundleRun(trx, ctx.deps.db.dialect, id);
  const run = await getRunRow(trx, id);
  if (run.version !== version) throw conflict(`一件事办件 ${run.run_no} `, `Bundle run ${run.run_no}`);
  return { run, caseActor, children };
}

/** Writes `actions` on the locked child, one move each, as `actor`. */
async function writeActions(trx: Transaction<Database>, ctx: Ctx, c: LockedCase, actor: CaseActor, actions: CaseAction[]): Promise<void> {
  let state = c.state;
  for (const a of actions) {
    const r = transition(state, a, { cal: c.cal, actor });
    if (!r.ok) throw r.error;
    await writeMove(trx, ctx, { id: c.row.id, caseNo: c.row.case_no, version: state.version }, state, r.state, a, c.cal, c.thresholds);
    state = r.state;
  }
}

const baseOf = (c: LockedCase, actor: CaseActor): ActionBase => ({ at: c.now.at, date: c.now.date, actorId: actor.id, role: actor.role });

export async function assessRunFees(ctx: Ctx, id: string, input: AssessBundleFeesBody): Promise<BundleRunView> {
  const body = AssessBundleFeesBody.parse(input);
  requireRunPermission(ctx, 'case:accept');
  await inTx(ctx.deps, async (trx) => {
    const { run, caseActor, children } = await lockRun(trx, ctx, id, body.version);
    if (run.status !== 'inProgress') throw new AppError('invalidState', '一件事办件已结束，不能再核定收费', 'The bundle run has ended: no more fees can be assessed');
    let n = 0;
    for (const c of children) {
      if (guard(c.state, 'assessFee')) continue;
      // only where there is no choice to make: one line, of a fixed amount (several lines are often alternatives)
      const lines = c.item.fees.free || c.item.fees.lines.length !== 1 ? [] : c.item.fees.lines;
      const due = lines.filter((l) => l.amountFen !== null && !c.state.fees.some((f) => f.name === l.name && f.licenceNo === l.licenceNo && (f.status === 'assessed' || f.status === 'paid')));
      const actions: CaseAction[] = due.map((l) => ({ ...baseOf(c, caseActor), kind: 'assessFee', feeId: randomUUID(), name: l.name, licenceNo: l.licenceNo, amountFen: l.amountFen! }));
      await writeActions(trx, ctx, c, caseActor, actions);
      n += actions.length;
    }
    if (n === 0) throw new AppError('invalidState', '没有可核定的固定金额收费项目', 'No fixed-amount fee line is left to assess');
    // the children's fee moves moved the run's version on (hook.ts): the run as it is now, still locked
    await updateBundleRun(trx, run.id, (await getRunRow(trx, run.id)).version, { updated_at: ctx.deps.clock.now().toISOString() });
    await recordAction(trx, ctx, { entity: 'bundleRun', entityId: run.id, action: 'assessFees', payload: { runNo: run.run_no, lines: n } });
  });
  return getBundleRun(ctx, id);
}

export async function payRunFees(ctx: Ctx, id: string, input: PayBundleFeesBody): Promise<BundleRunView> {
  const body = PayBundleFeesBody.parse(input);
  requireRunPermission(ctx, 'case:accept');
  const reference = body.reference ? body.reference : null;
  if (body.method === 'online' && !reference) {
    throw invalid([fieldError('reference', 'reference：网上支付须填写支付流水号', 'reference: an online payment needs its payment reference')]);
  }
  await inTx(ctx.deps, async (trx) => {
    const { run, caseActor, children } = await lockRun(trx, ctx, id, body.version);
    const receiptNo = `${run.run_no}-F${String(run.payments + 1).padStart(2, '0')}`;
    const paid: { caseNo: string; feeId: string; amountFen: number }[] = [];
    for (const c of children) {
      if (guard(c.state, 'payFee')) continue;
      const owed = c.state.fees.filter((f) => f.status === 'assessed');
      await writeActions(trx, ctx, c, caseActor, owed.map((f) => ({ ...baseOf(c, caseActor), kind: 'payFee', feeId: f.id, method: body.method, reference, receiptNo })));
      paid.push(...owed.map((f) => ({ caseNo: c.row.case_no, feeId: f.id, amountFen: f.amountFen })));
    }
    if (paid.length === 0) throw new AppError('invalidState', '一件事办件没有待缴的费用', 'Nothing is owed on the bundle run');
    const at = ctx.deps.clock.now().toISOString();
    // the children's fee moves moved the run's version on (hook.ts): the run as it is now, still locked
    const current = await getRunRow(trx, run.id);
    if (!(await updateBundleRun(trx, run.id, current.version, { payments: run.payments + 1, updated_at: at }))) throw conflict(`一件事办件 ${run.run_no} `, `Bundle run ${run.run_no}`);
    await recordAction(trx, ctx, {
      entity: 'bundleRun', entityId: run.id, action: 'payFees',
      payload: { runNo: run.run_no, receiptNo, method: body.method, reference, totalFen: paid.reduce((n, p) => n + p.amountFen, 0), fees: paid },
    });
  });
  return getBundleRun(ctx, id);
}
