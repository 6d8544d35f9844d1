/**
 * Bundle rules as pure functions. Every problem is returned (not just the first), as field
 * errors whose `field` is the JSON path into the bundle input (`stages.1.itemIds.0`).
 *
 * - validateBundleForSave: what even a draft must satisfy — well-formed, no item twice, every
 *   item exists and lies in the bundle's center subtree (a bundle never reaches into another
 *   center's catalogue, even as a draft).
 * - validateBundleForPublish: the save rules plus what an applicant relies on: at least two
 *   items, no empty stage, every item published.
 *
 * The service looks the items up and passes what it found (`BundleItemRef`).
 */
import { ITEM_CODE_PATTERN } from '../catalogue/rules.js';
import { type FieldError, fieldError } from '../errors.js';
import type { BundleDef, BundleItemRef } from './types.js';

export const BUNDLE_MAX_STAGES = 10;
export const BUNDLE_MIN_ITEMS = 2;

type Refs = ReadonlyMap<string, BundleItemRef>;

function shapeRules(def: BundleDef, errors: FieldError[]): void {
  if (!ITEM_CODE_PATTERN.test(def.code)) {
    errors.push(fieldError('code', '编码只能包含字母、数字、“-”“_”“.”', 'The code may contain only letters, digits, "-", "_" and "."'));
  }
  if (def.name.trim() === '') errors.push(fieldError('name', '名称不能为空', 'The name must not be blank'));
  const seen = new Set<string>();
  def.themes.forEach((t, i) => {
    if (t.includes('|') || t.trim() === '') {
      errors.push(fieldError(`themes.${i}`, '主题不能为空或包含“|”', 'A theme must not be blank or contain "|"'));
    } else if (seen.has(t)) {
      errors.push(fieldError(`themes.${i}`, `主题“${t}”重复`, `Theme "${t}" is listed twice`));
    }
    seen.add(t);
  });
  if (def.stages.length > BUNDLE_MAX_STAGES) {
    errors.push(fieldError('stages', `阶段不能超过 ${BUNDLE_MAX_STAGES} 个（现有 ${def.stages.length} 个）`,
      `A bundle has at most ${BUNDLE_MAX_STAGES} stages (this one has ${def.stages.length})`));
  }
  def.stages.forEach((s, i) => {
    if (s.name.trim() === '') errors.push(fieldError(`stages.${i}.name`, `第 ${i + 1} 阶段的名称不能为空`, `Stage ${i + 1} needs a name`));
  });
}

function itemRules(def: BundleDef, refs: Refs, publish: boolean, errors: FieldError[]): void {
  const first = new Map<string, string>();
  def.stages.forEach((s, i) => {
    s.itemIds.forEach((id, j) => {
      const field = `stages.${i}.itemIds.${j}`;
      const ref = refs.get(id);
      const label = ref ? `“${ref.name}”` : '';
      const prior = first.get(id);
      if (prior !== undefined) {
        errors.push(fieldError(field, `事项${label}已列在${prior}，同一事项只能出现一次`, `Item ${ref?.name ?? id} is already listed (${prior}); an item appears once`));
        return;
      }
      first.set(id, `第 ${i + 1} 阶段`);
      if (!ref) {
        errors.push(fieldError(field, '事项不存在', 'No such item'));
      } else if (!ref.inScope) {
        errors.push(fieldError(field, `事项${label}不属于本中心及其下级中心`, `Item ${ref.name} does not belong to this center or a center below it`));
      } else if (publish && !ref.published) {
        errors.push(fieldError(field, `事项${label}未发布（或已暂停、废止），不能纳入已发布的“一件事”`, `Item ${ref.name} is not published (or is suspended or retired)`));
      }
    });
  });
}

function publishShapeRules(def: BundleDef, errors: FieldError[]): void {
  def.stages.forEach((s, i) => {
    if (s.itemIds.length === 0) {
      errors.push(fieldError(`stages.${i}.itemIds`, `第 ${i + 1} 阶段至少需要一个事项`, `Stage ${i + 1} needs at least one item`));
    }
  });
  const distinct = new Set(def.stages.flatMap((s) => s.itemIds)).size;
  if (def.stages.length === 0) {
    errors.push(fieldError('stages', '至少需要一个阶段', 'A bundle needs at least one stage'));
  }
  if (distinct < BUNDLE_MIN_ITEMS) {
    errors.push(fieldError('stages', `“一件事”至少包含 ${BUNDLE_MIN_ITEMS} 个事项（现有 ${distinct} 个）`,
      `A bundle groups at least ${BUNDLE_MIN_ITEMS} items (this one has ${distinct})`));
  }
}

export function validateBundleForSave(def: BundleDef, refs: Refs): FieldError[] {
  const errors: FieldError[] = [];
  shapeRules(def, errors);
  itemRules(def, refs, false, errors);
  return errors;
}

export function validateBundleForPublish(def: BundleDef, refs: Refs): FieldError[] {
  const errors: FieldError[] = [];
  shapeRules(def, errors);
  publishShapeRules(def, errors);
  itemRules(def, refs, true, errors);
  return errors;
}
