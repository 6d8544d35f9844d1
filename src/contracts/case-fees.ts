/**
 * Fees of a case (收费, DESIGN §4 / issue 3 item 5): assessed from the item version's fee lines
 * with their licence numbers (亮证收费), paid by cash, card or online (with the payment
 * reference), cancelled, or refunded with a reason. Amounts are integer fen. Every move carries
 * the case `version`; the reply is the case (`CaseView`, its `fees`).
 */
import { z } from 'zod';
import { VersionBody } from './common.js';

const Text = (max: number) => z.string().trim().max(max);

export const FeeParams = z.object({ id: z.string().max(64), feeId: z.string().max(64) });
export type FeeParams = z.infer<typeof FeeParams>;

/** One fee line of the item version to assess: its 0-based place, and the amount when the line's standard is a formula. */
export const AssessLine = z.object({
  line: z.number().int().min(0).max(99),
  /** required for a line without a fixed amount; must equal a fixed line's amount */
  amountFen: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});

export const AssessFeesBody = VersionBody.extend({
  /** omitted: every fee line of the item version (each must have a fixed amount) */
  lines: z.array(AssessLine).min(1).max(100).optional(),
});
export type AssessFeesBody = z.input<typeof AssessFeesBody>;

export const PayFeeBody = VersionBody.extend({
  method: z.enum(['cash', 'card', 'online']),
  /** the online payment's reference (网上支付流水号): required when `method` is online */
  reference: Text(100).optional(),
});
export type PayFeeBody = z.input<typeof PayFeeBody>;

export const CancelFeeBody = VersionBody.extend({ reason: Text(2000) });
export type CancelFeeBody = z.input<typeof CancelFeeBody>;

export const RefundFeeBody = VersionBody.extend({ reason: Text(2000) });
export type RefundFeeBody = z.input<typeof RefundFeeBody>;
