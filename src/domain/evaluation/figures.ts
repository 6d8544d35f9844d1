/**
 * The published figures (DESIGN §6): 好评率, 差评率, 主动评价率, 未评率, 差评整改率, 回访率 — pure
 * arithmetic over counted facts, so every screen and report computes them one way. A rate with
 * nothing to divide by is null (shown as "—"), never 0 % or 100 %.
 */
export interface EvaluationCounts {
  /** occasions that opened (rated, lapsed or still open) */
  occasions: number;
  /** ratings given by applicants (not defaults) */
  active: number;
  /** ratings given by default after the period */
  defaulted: number;
  /** good (非常满意/满意/基本满意) and bad (不满意/非常不满意) among all ratings, active and default */
  good: number;
  bad: number;
  /** bad reviews found valid at verification, and those among them rectified and closed */
  validBad: number;
  rectified: number;
  /** concluded cases sampled for follow-up visits, and those visited with a result */
  toVisit: number;
  visited: number;
}

export interface EvaluationFigures {
  goodRate: number | null;
  badRate: number | null;
  activeRate: number | null;
  unratedRate: number | null;
  rectificationRate: number | null;
  visitRate: number | null;
}

const rate = (n: number, d: number): number | null => (d > 0 ? Math.round((n / d) * 10000) / 10000 : null);

export function evaluationFigures(c: EvaluationCounts): EvaluationFigures {
  for (const [k, v] of Object.entries(c)) if (!Number.isInteger(v) || v < 0) throw new RangeError(`${k} must be a whole number ≥ 0`);
  const rated = c.good + c.bad;
  if (rated !== c.active + c.defaulted) throw new RangeError('good + bad must equal active + defaulted');
  if (c.active + c.defaulted > c.occasions) throw new RangeError('more ratings than occasions');
  if (c.rectified > c.validBad || c.validBad > c.bad) throw new RangeError('rectified ≤ valid bad ≤ bad');
  if (c.visited > c.toVisit) throw new RangeError('visited ≤ to visit');
  return {
    goodRate: rate(c.good, rated),
    badRate: rate(c.bad, rated),
    activeRate: rate(c.active, c.occasions),
    unratedRate: rate(c.occasions - c.active, c.occasions),
    rectificationRate: rate(c.rectified, c.validBad),
    visitRate: rate(c.visited, c.toVisit),
  };
}
