/**
 * The lifecycle of an item version as a pure function:
 *
 *   draft ──publish──▶ published ──suspend──▶ suspended
 *                         ▲  │      ◀──resume──   │
 *                         │  └──retire / supersede──┴──▶ retired
 *
 * `supersede` is what happens to the public version when a newer draft is published. Published
 * versions are never edited or deleted (a case keeps the version it was accepted under).
 */
import { AppError } from '../errors.js';
import { ITEM_STATUS_LABELS, type ItemStatusName } from './item.js';

export type ItemLifecycleAction = 'publish' | 'suspend' | 'resume' | 'retire' | 'supersede';

const TRANSITIONS: Record<ItemLifecycleAction, Partial<Record<ItemStatusName, ItemStatusName>>> = {
  publish: { draft: 'published' },
  suspend: { published: 'suspended' },
  resume: { suspended: 'published' },
  retire: { published: 'retired', suspended: 'retired' },
  supersede: { published: 'retired', suspended: 'retired' },
};

const ACTION_LABELS: Record<ItemLifecycleAction, [string, string]> = {
  publish: ['发布', 'publish'],
  suspend: ['暂停办理', 'suspend'],
  resume: ['恢复办理', 'resume'],
  retire: ['废止', 'retire'],
  supersede: ['被新版本替代', 'supersede'],
};

/** The status after `action`, or an `invalidState` error naming the current status. */
export function nextItemStatus(status: ItemStatusName, action: ItemLifecycleAction): ItemStatusName {
  const next = TRANSITIONS[action][status];
  if (next) return next;
  const [s, sEn] = ITEM_STATUS_LABELS[status];
  const [a, aEn] = ACTION_LABELS[action];
  return itemStateError(`事项当前状态为“${s}”，不能${a}`, `Cannot ${aEn} the item: its current status is ${sEn}`);
}

function itemStateError(zh: string, en: string): never {
  throw new AppError('invalidState', zh, en);
}

/** Can `action` be applied to a version in `status`? */
export function canTransition(status: ItemStatusName, action: ItemLifecycleAction): boolean {
  return TRANSITIONS[action][status] !== undefined;
}

export type ItemMove = 'editDraft' | 'newDraft' | 'publish' | 'suspend' | 'resume' | 'retire';

/**
 * The moves on an item given its public version's status (null when it has none), whether it
 * has a draft, and what the actor may do there — the editor's buttons and the API agree.
 */
export function availableItemMoves(
  s: { publicStatus: 'published' | 'suspended' | null; hasDraft: boolean; hasAnyVersion: boolean },
  may: { edit: boolean; publish: boolean },
): ItemMove[] {
  const moves: ItemMove[] = [];
  if (may.edit && s.hasDraft) moves.push('editDraft');
  if (may.edit && !s.hasDraft && s.hasAnyVersion) moves.push('newDraft');
  if (may.publish && s.hasDraft) moves.push('publish');
  if (may.publish && s.publicStatus && canTransition(s.publicStatus, 'suspend')) moves.push('suspend');
  if (may.publish && s.publicStatus && canTransition(s.publicStatus, 'resume')) moves.push('resume');
  if (may.publish && s.publicStatus) moves.push('retire');
  return moves;
}
