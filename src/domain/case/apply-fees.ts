/** Fee moves (收费): assessed → paid → refunded, or assessed → cancelled. Amounts in integer fen. */
import type { CaseFee } from './state.js';
import type { ActionOf } from './types.js';

export type FeeAction = ActionOf<'assessFee' | 'payFee' | 'cancelFee' | 'refundFee'>;

export function applyFee(fees: readonly CaseFee[], a: FeeAction): CaseFee[] {
  if (a.kind === 'assessFee') {
    return [...fees, { id: a.feeId, name: a.name, licenceNo: a.licenceNo, amountFen: a.amountFen, status: 'assessed', assessedOn: a.date, payment: null, closing: null }];
  }
  return fees.map((f): CaseFee => {
    if (f.id !== a.feeId) return f;
    switch (a.kind) {
      case 'payFee':
        return { ...f, status: 'paid', payment: { method: a.method, reference: a.reference, receiptNo: a.receiptNo, paidOn: a.date } };
      case 'cancelFee':
        return { ...f, status: 'cancelled', closing: { reason: a.reason, on: a.date } };
      case 'refundFee':
        return { ...f, status: 'refunded', closing: { reason: a.reason, on: a.date } };
    }
  });
}
