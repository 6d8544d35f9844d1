/**
 * The lifecycle of a bundle definition:
 *
 *   draft ──publish──▶ published ──retire──▶ retired ──publish──▶ published
 *
 * A bundle has no versions of its own (its items do): editing a published bundle keeps it
 * published, and the edit must pass the publish rules.
 */
import { AppError } from '../errors.js';
import { BUNDLE_STATUS_LABELS, type BundleStatusName } from './types.js';

export type BundleLifecycleAction = 'publish' | 'retire';
export type BundleMove = 'edit' | BundleLifecycleAction;

const TRANSITIONS: Record<BundleLifecycleAction, Partial<Record<BundleStatusName, BundleStatusName>>> = {
  publish: { draft: 'published', retired: 'published' },
  retire: { published: 'retired' },
};

const ACTION_LABELS: Record<BundleLifecycleAction, [string, string]> = {
  publish: ['发布', 'publish'],
  retire: ['停用', 'retire'],
};

/** The status after `action`, or an `invalidState` error naming the current status. */
export function nextBundleStatus(status: BundleStatusName, action: BundleLifecycleAction): BundleStatusName {
  const next = TRANSITIONS[action][status];
  if (next) return next;
  const [s, sEn] = BUNDLE_STATUS_LABELS[status];
  const [a, aEn] = ACTION_LABELS[action];
  throw new AppError('invalidState', `“一件事”当前状态为“${s}”，不能${a}`, `Cannot ${aEn} the bundle: its current status is ${sEn}`);
}

/** The moves on a bundle in `status` given what the actor may do — the editor's buttons and the API agree. */
export function availableBundleMoves(status: BundleStatusName, may: { edit: boolean; publish: boolean }): BundleMove[] {
  const moves: BundleMove[] = [];
  if (may.edit) moves.push('edit');
  for (const a of ['publish', 'retire'] as const) if (may.publish && TRANSITIONS[a][status]) moves.push(a);
  return moves;
}
