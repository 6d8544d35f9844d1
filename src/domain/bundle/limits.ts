/**
 * One deadline for the bundle (DESIGN §3): stages run one after another and the items of a stage
 * side by side, so the bundle takes the sum over stages of the longest item in each stage — not
 * the sum of all items ("联办后的时限即是联办项目中办理时限中最长的一项").
 */
import type { BundleItem, BundleStageDef } from './types.js';

export interface StageLimits {
  promisedLimit: number;
  statutoryLimit: number;
}

export interface BundleLimits extends StageLimits {
  /** per stage, in order: the longest item of the stage */
  stages: StageLimits[];
}

type LimitItem = Pick<BundleItem, 'promisedLimit' | 'statutoryLimit'>;

/** Working days; items missing from `items` count as 0 (the rules refuse to publish them). */
export function bundleLimits(stages: BundleStageDef[], items: ReadonlyMap<string, LimitItem>): BundleLimits {
  const per = stages.map((s) => {
    const its = s.itemIds.map((id) => items.get(id)).filter((x): x is LimitItem => x !== undefined);
    return {
      promisedLimit: Math.max(0, ...its.map((i) => i.promisedLimit)),
      statutoryLimit: Math.max(0, ...its.map((i) => i.statutoryLimit)),
    };
  });
  return {
    promisedLimit: per.reduce((sum, s) => sum + s.promisedLimit, 0),
    statutoryLimit: per.reduce((sum, s) => sum + s.statutoryLimit, 0),
    stages: per,
  };
}
