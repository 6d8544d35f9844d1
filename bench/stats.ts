/** Latency samples (milliseconds) → percentiles, and a throughput figure with them. */

export interface Measured {
  /** what was counted: transitions, requests or transactions */
  ops: number;
  errors: number;
  elapsedMs: number;
  /** per-operation latency in ms, one entry per counted op */
  latencies: Float64Array;
  firstError?: string;
  /** flow: cases taken in */
  cases?: number;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export interface Summary {
  ops: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
  firstError?: string;
  cases?: number;
}

export function summarise(m: Measured): Summary {
  const sorted = Float64Array.from(m.latencies).sort();
  return {
    ops: m.ops,
    errors: m.errors,
    perSecond: m.elapsedMs > 0 ? (m.ops * 1000) / m.elapsedMs : 0,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    firstError: m.firstError,
    cases: m.cases,
  };
}

/** The best a transition can do when it costs one HTTP round trip plus one DB transaction. */
export const ceiling = (bHttp: number, bDb: number) => 1 / (1 / bHttp + 1 / bDb);

/** Collects latencies without reallocating per sample. */
export class Samples {
  private buf = new Float64Array(4096);
  private n = 0;
  push(ms: number) {
    if (this.n === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.n++] = ms;
  }
  get length() {
    return this.n;
  }
  toArray(): Float64Array {
    return this.buf.slice(0, this.n);
  }
}
