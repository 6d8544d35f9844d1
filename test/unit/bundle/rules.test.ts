import { describe, expect, it } from 'vitest';
import {
  availableBundleMoves,
  type BundleDef,
  type BundleItemRef,
  nextBundleStatus,
  validateBundleForPublish,
  validateBundleForSave,
} from '../../../src/domain/bundle/index.js';

const ok = (name: string): BundleItemRef => ({ name, published: true, inScope: true });
const refs = new Map<string, BundleItemRef>([
  ['a', ok('设立登记')],
  ['b', ok('公章刻制')],
  ['c', ok('参保登记')],
  ['draft', { name: '草稿事项', published: false, inScope: true }],
  ['county', { name: '县里的事项', published: true, inScope: false }],
]);
const def = (over: Partial<BundleDef> = {}): BundleDef => ({
  code: 'YJS-0001', name: '企业开办一件事', summary: '', themes: ['企业开办'],
  stages: [{ name: '并联办理', itemIds: ['a', 'b'] }, { name: '参保', itemIds: ['c'] }],
  ...over,
});
const fields = (errors: { field: string }[]) => errors.map((e) => e.field);

describe('bundle rules', () => {
  it('passes a well-formed bundle of published items in scope', () => {
    expect(validateBundleForSave(def(), refs)).toEqual([]);
    expect(validateBundleForPublish(def(), refs)).toEqual([]);
  });

  it('refuses fewer than 2 items in all, naming the stages field, in zh and en', () => {
    const errors = validateBundleForPublish(def({ stages: [{ name: '唯一', itemIds: ['a'] }] }), refs);
    expect(fields(errors)).toEqual(['stages']);
    expect(errors[0].message).toContain('至少包含 2 个事项');
    expect(errors[0].messageEn).toMatch(/at least 2 items/);
    // a draft may still be built up one item at a time
    expect(validateBundleForSave(def({ stages: [{ name: '唯一', itemIds: ['a'] }] }), refs)).toEqual([]);
  });

  it('refuses an item listed twice, in the same stage or another, at the second place', () => {
    const errors = validateBundleForSave(def({ stages: [{ name: '一', itemIds: ['a', 'b'] }, { name: '二', itemIds: ['c', 'a'] }] }), refs);
    expect(fields(errors)).toEqual(['stages.1.itemIds.1']);
    expect(errors[0].message).toContain('设立登记');
    // counted once: two distinct items are still too few
    expect(fields(validateBundleForPublish(def({ stages: [{ name: '一', itemIds: ['a', 'a'] }] }), refs))).toEqual(['stages', 'stages.0.itemIds.1']);
  });

  it('refuses an empty stage and more than 10 stages at publication', () => {
    expect(fields(validateBundleForPublish(def({ stages: [{ name: '一', itemIds: ['a', 'b'] }, { name: '二', itemIds: [] }] }), refs))).toEqual(['stages.1.itemIds']);
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `阶段${i + 1}`, itemIds: i === 0 ? ['a'] : i === 1 ? ['b'] : ['c'] }));
    const errors = validateBundleForSave(def({ stages: many.map((s, i) => (i > 2 ? { ...s, itemIds: [] } : s)) }), refs);
    expect(fields(errors)).toEqual(['stages']);
    expect(errors[0].message).toContain('不能超过 10 个');
  });

  it('refuses unknown items and items outside the center subtree even in a draft; unpublished ones only at publication', () => {
    const d = def({ stages: [{ name: '一', itemIds: ['a', 'nope', 'county', 'draft'] }] });
    expect(fields(validateBundleForSave(d, refs))).toEqual(['stages.0.itemIds.1', 'stages.0.itemIds.2']);
    const pub = validateBundleForPublish(d, refs);
    expect(fields(pub)).toEqual(['stages.0.itemIds.1', 'stages.0.itemIds.2', 'stages.0.itemIds.3']);
    expect(pub[1].message).toContain('不属于本中心');
    expect(pub[1].messageEn).toMatch(/does not belong/);
    expect(pub[2].message).toContain('“草稿事项”未发布');
  });

  it('checks the code, the name, the themes and the stage names', () => {
    const errors = validateBundleForSave(def({ code: '一件事 1', name: ' ', themes: ['a|b', '企业开办', '企业开办'], stages: [{ name: '', itemIds: ['a', 'b'] }] }), refs);
    expect(fields(errors)).toEqual(['code', 'name', 'themes.0', 'themes.2', 'stages.0.name']);
  });
});

describe('bundle lifecycle', () => {
  it('publishes drafts and retired bundles, retires published ones, and refuses the rest as invalidState', () => {
    expect(nextBundleStatus('draft', 'publish')).toBe('published');
    expect(nextBundleStatus('retired', 'publish')).toBe('published');
    expect(nextBundleStatus('published', 'retire')).toBe('retired');
    expect(() => nextBundleStatus('published', 'publish')).toThrow(/published/);
    try {
      nextBundleStatus('draft', 'retire');
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'invalidState', messageZh: '“一件事”当前状态为“草稿”，不能停用' });
    }
  });

  it('offers the moves the status and the actor allow', () => {
    expect(availableBundleMoves('draft', { edit: true, publish: true })).toEqual(['edit', 'publish']);
    expect(availableBundleMoves('published', { edit: true, publish: true })).toEqual(['edit', 'retire']);
    expect(availableBundleMoves('retired', { edit: false, publish: true })).toEqual(['publish']);
    expect(availableBundleMoves('published', { edit: false, publish: false })).toEqual([]);
  });
});
