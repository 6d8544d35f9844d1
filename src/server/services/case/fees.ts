/**
 * Fees of a case (收费, issue 3 item 5): assessed at the window from the item version's fee
 * lines, each carrying its fee licence number (亮证收费); paid by cash, card or online (the
 * online payment's reference recorded) with a receipt number made here; cancelled when assessed
 * by mistake; refunded with a reason. Amounts are integer fen. The domain refuses delivery while
 * any fee is assessed and unpaid (`case.feeUnpaid`).
 *
 * Decisions:
 * - A fixed line is charged exactly its published amount: a different `amountFen` is refused
 *   (the licence covers the published standard only); a formula line needs the amount worked out.
 * - A line already assessed and not cancelled or refunded is not assessed again (no double charge).
 * - Several lines are assessed in one move: one action per fee, in one transaction (follow-ups).
 * - Receipt number: `{case number}-F{nn}`, nn counting the case's payments — unique because the
 *   case number is, and needs no counter table. A fiscal e-receipt number (财政电子票据) would
 *   replace it when that platform is connected.
 *
 * Errors (all): forbidden (no case:accept, not over the case's center and department, or the
 * domain's role rule: clerk / chief rep), notFound, conflict (409, stale `version`, naming the
 * case), invalidState (409, naming the status: assessing before acceptance, paying with nothing
 * owed), validation (400, the field: `lines`, `lines.0.amountFen`, `feeId`, `reference`, `reason`).
 */
import { randomUUID } from 'node:crypto';
import type { AssessFeesBody, CancelFeeBody, PayFeeBody, RefundFeeBody } from '../../../contracts/case-fees.js';
import { AssessFeesBody as AssessSchema, CancelFeeBody as CancelSchema, PayFeeBody as PaySchema, RefundFeeBody as RefundSchema } from '../../../contracts/case-fees.js';
import type { ItemData } from '../../../contracts/catalogue.js';
import type { CaseView } from '../../../contracts/case.js';
import type { ActionBase, ActionOf, CaseState } from '../../../domain/case/index.js';
import { fieldError, invalid } from '../../../domain/errors.js';
import type { Ctx } from '../context.js';
import { moveCase } from './move.js';

type Assess = ActionOf<'assessFee'>;
type Line = { line: number; amountFen?: number };

/** The fees to assess, checked against the item version's lines and the fees already on the case. */
function feesFor(item: ItemData, s: CaseState, wanted: readonly Line[] | undefined, base: ActionBase): Assess[] {
  const lines = item.fees.lines;
  if (item.fees.free || lines.length === 0) throw invalid([fieldError('lines', '该事项不收费', 'The item charges no fees')]);
  const chosen: readonly Line[] = wanted ?? lines.map((_, line) => ({ line }));
  const field = (i: number, f: string) => (wanted ? `lines.${i}.${f}` : 'lines');
  const seen = new Set<number>();
  return chosen.map((w, i) => {
    const l = lines[w.line];
    if (!l) throw invalid([fieldError(field(i, 'line'), `事项没有第 ${w.line + 1} 项收费`, `The item has no fee line ${w.line + 1}`)]);
    const taken = s.fees.some((f) => f.name === l.name && f.licenceNo === l.licenceNo && (f.status === 'assessed' || f.status === 'paid'));
    if (taken || seen.has(w.line)) throw invalid([fieldError(field(i, 'line'), `“${l.name}”已核定`, `"${l.name}" is already assessed`)]);
    seen.add(w.line);
    if (l.amountFen === null && w.amountFen === undefined) {
      throw invalid([fieldError(field(i, 'amountFen'), `“${l.name}”按标准计算，须填写金额（分）`, `"${l.name}" is charged by a formula: give the amount in fen`)]);
    }
    if (l.amountFen !== null && w.amountFen !== undefined && w.amountFen !== l.amountFen) {
      throw invalid([fieldError(field(i, 'amountFen'), `“${l.name}”的收费标准为 ${l.amountFen} 分`, `"${l.name}" is charged ${l.amountFen} fen`)]);
    }
    const amountFen = l.amountFen ?? w.amountFen!;
    return { ...base, kind: 'assessFee', feeId: randomUUID(), name: l.name, licenceNo: l.licenceNo, amountFen };
  });
}

export function assessFees(ctx: Ctx, id: string, input: AssessFeesBody): Promise<CaseView> {
  const body = AssessSchema.parse(input);
  let rest: Assess[] = [];
  return moveCase(
    ctx,
    id,
    body.version,
    'case:accept',
    (base, { item }, state) => {
      const [first, ...others] = feesFor(item, state, body.lines, base);
      rest = others;
      return first;
    },
    () => rest,
  );
}

export function payFee(ctx: Ctx, id: string, feeId: string, input: PayFeeBody): Promise<CaseView> {
  const body = PaySchema.parse(input);
  return moveCase(ctx, id, body.version, 'case:accept', (base, { caseNo }, state) => {
    const n = state.fees.filter((f) => f.payment !== null).length + 1;
    const reference = body.reference ? body.reference : null;
    return { ...base, kind: 'payFee', feeId, method: body.method, reference, receiptNo: `${caseNo}-F${String(n).padStart(2, '0')}` };
  });
}

export function cancelFee(ctx: Ctx, id: string, feeId: string, input: CancelFeeBody): Promise<CaseView> {
  const body = CancelSchema.parse(input);
  return moveCase(ctx, id, body.version, 'case:accept', (base) => ({ ...base, kind: 'cancelFee', feeId, reason: body.reason }));
}

export function refundFee(ctx: Ctx, id: string, feeId: string, input: RefundFeeBody): Promise<CaseView> {
  const body = RefundSchema.parse(input);
  return moveCase(ctx, id, body.version, 'case:accept', (base) => ({ ...base, kind: 'refundFee', feeId, reason: body.reason }));
}
