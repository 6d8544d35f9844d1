import { describe, expect, it } from 'vitest';
import { availableItemMoves, type ItemLifecycleAction, type ItemStatusName, nextItemStatus } from '../../../src/domain/catalogue/index.js';
import { AppError } from '../../../src/domain/errors.js';

const STATUSES: ItemStatusName[] = ['draft', 'published', 'suspended', 'retired'];
const ACTIONS: ItemLifecycleAction[] = ['publish', 'suspend', 'resume', 'retire', 'supersede'];
const ALLOWED: Record<string, ItemStatusName> = {
  'draft/publish': 'published',
  'published/suspend': 'suspended',
  'suspended/resume': 'published',
  'published/retire': 'retired',
  'suspended/retire': 'retired',
  'published/supersede': 'retired',
  'suspended/supersede': 'retired',
};

describe('nextItemStatus', () => {
  for (const s of STATUSES) {
    for (const a of ACTIONS) {
      const want = ALLOWED[`${s}/${a}`];
      it(`${s} + ${a} → ${want ?? 'invalidState'}`, () => {
        if (want) {
          expect(nextItemStatus(s, a)).toBe(want);
          return;
        }
        let err: unknown;
        try {
          nextItemStatus(s, a);
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).code).toBe('invalidState');
        expect((err as AppError).messageEn).toContain(`current status is ${s}`);
      });
    }
  }

  it('names the current status in Chinese', () => {
    expect(() => nextItemStatus('retired', 'publish')).toThrow(/./);
    try {
      nextItemStatus('suspended', 'suspend');
    } catch (e) {
      expect((e as AppError).messageZh).toBe('事项当前状态为“暂停办理”，不能暂停办理');
    }
  });

  it('a retired version never comes back (only a new draft can)', () => {
    for (const a of ACTIONS) expect(() => nextItemStatus('retired', a)).toThrow(AppError);
  });
});

describe('availableItemMoves', () => {
  const all = { edit: true, publish: true };
  it('follows the status and the permissions', () => {
    expect(availableItemMoves({ publicStatus: null, hasDraft: true, hasAnyVersion: true }, all)).toEqual(['editDraft', 'publish']);
    expect(availableItemMoves({ publicStatus: 'published', hasDraft: false, hasAnyVersion: true }, all)).toEqual(['newDraft', 'suspend', 'retire']);
    expect(availableItemMoves({ publicStatus: 'suspended', hasDraft: true, hasAnyVersion: true }, all)).toEqual(['editDraft', 'publish', 'resume', 'retire']);
    expect(availableItemMoves({ publicStatus: null, hasDraft: false, hasAnyVersion: true }, all)).toEqual(['newDraft']);
    expect(availableItemMoves({ publicStatus: 'published', hasDraft: true, hasAnyVersion: true }, { edit: true, publish: false })).toEqual(['editDraft']);
    expect(availableItemMoves({ publicStatus: 'published', hasDraft: true, hasAnyVersion: true }, { edit: false, publish: false })).toEqual([]);
  });
});
