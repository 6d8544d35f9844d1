/**
 * The end of a case at the window (DESIGN §4): delivery of the result (送达 / 领取) — collected
 * at the window by a receiver whose name and ID number are recorded (a citizen ID number is
 * checked, GB 11643), or mailed with the carrier and tracking number — and withdrawal, which the
 * clerk records from the applicant's written request (an applicant's own online withdrawal comes
 * with the online hall).
 *
 * Errors (all): forbidden (no case:accept to deliver / case:intake to withdraw, not over the
 * case's center and department, or the domain's role rule), notFound, conflict (409, stale
 * `version`, naming the case), invalidState (409, naming the status: deliver before conclusion
 * or with fees unpaid — `case.feeUnpaid`; withdraw after a decision), validation (400, the field:
 * `delivery.receiver.idNumber`, `delivery.trackingNo`, …).
 */
import type { DeliverBody, WithdrawBody } from '../../../contracts/case-review.js';
import { DeliverBody as DeliverSchema, WithdrawBody as WithdrawSchema } from '../../../contracts/case-review.js';
import type { CaseView } from '../../../contracts/case.js';
import type { Ctx } from '../context.js';
import { moveCase } from './move.js';

export function deliverCase(ctx: Ctx, id: string, input: DeliverBody): Promise<CaseView> {
  const body = DeliverSchema.parse(input);
  const d = body.delivery;
  const delivery =
    d.method === 'window'
      ? { method: 'window' as const, receiver: { name: d.receiver.name, idType: d.receiver.idType, idNumber: d.receiver.idNumber.toUpperCase() } }
      : d;
  return moveCase(ctx, id, body.version, 'case:accept', (base) => ({ ...base, kind: 'deliver', delivery }));
}

export function withdrawCase(ctx: Ctx, id: string, input: WithdrawBody): Promise<CaseView> {
  const body = WithdrawSchema.parse(input);
  return moveCase(ctx, id, body.version, 'case:intake', (base) => ({ ...base, kind: 'withdraw', reason: body.reason }));
}
