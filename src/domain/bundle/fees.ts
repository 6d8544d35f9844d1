/**
 * One fee sheet for the bundle (一表式收费, the seeds' "一表式" charging): every item's fee lines,
 * each naming its item, and the total of the fixed amounts. A line whose standard is a formula
 * (no fixed amount) is assessed in its child case; `variable` says the total is then a floor.
 */
import type { BundleFeeLine, BundleItem } from './types.js';

export interface CombinedFeeLine extends BundleFeeLine {
  itemId: string;
  itemName: string;
}

export interface CombinedFees {
  /** no item charges anything */
  free: boolean;
  lines: CombinedFeeLine[];
  /** Σ of the fixed amounts, in fen */
  totalFen: number;
  /** some line has no fixed amount */
  variable: boolean;
}

export function combinedFees(items: readonly Pick<BundleItem, 'id' | 'name' | 'fees'>[]): CombinedFees {
  const lines = items.flatMap((it) => (it.fees.free ? [] : it.fees.lines).map((l) => ({ ...l, itemId: it.id, itemName: it.name })));
  return {
    free: lines.length === 0,
    lines,
    totalFen: lines.reduce((sum, l) => sum + (l.amountFen ?? 0), 0),
    variable: lines.some((l) => l.amountFen === null),
  };
}
