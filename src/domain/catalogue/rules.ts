/**
 * Catalogue rules as pure functions over an item's data. Each returns every problem found (not
 * just the first), as field errors whose `field` is the JSON path into ItemData.
 *
 * - validateItemForSave: what even a draft must satisfy (the Zod schema checks types first).
 * - validateItemForPublish: the save rules plus everything an applicant relies on (DESIGN §3).
 *
 * References to other rows (departments exist, files exist) are checked by the services.
 */
import { type FieldError, fieldError } from '../errors.js';
import type { RuleItem } from './item.js';
import { procedureDays } from './stages.js';

/** Item codes: letters, digits, '-', '_', '.'; they appear in URLs and case numbers. */
export const ITEM_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

type SaveInput = Pick<RuleItem, 'code' | 'name' | 'themes' | 'materials' | 'formSchema' | 'promisedLimit' | 'statutoryLimit' | 'handlingClass'>;

export function validateItemForSave(item: SaveInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!ITEM_CODE_PATTERN.test(item.code)) {
    errors.push(fieldError('code', '事项编码只能包含字母、数字、“-”“_”“.”', 'Item code may contain only letters, digits, "-", "_" and "."'));
  }
  if (item.name.trim() === '') errors.push(fieldError('name', '事项名称不能为空', 'Item name must not be blank'));
  const seen = new Set<string>();
  item.themes.forEach((t, i) => {
    // themes are stored as '|a|b|' for filtering, so a '|' inside one would break the filter
    if (t.includes('|') || t.trim() === '') {
      errors.push(fieldError(`themes.${i}`, '主题不能为空或包含“|”', 'A theme must not be blank or contain "|"'));
    } else if (seen.has(t)) {
      errors.push(fieldError(`themes.${i}`, `主题“${t}”重复`, `Theme "${t}" is listed twice`));
    }
    seen.add(t);
  });
  item.materials.forEach((m, i) => {
    if (m.name.trim() === '') errors.push(fieldError(`materials.${i}.name`, '材料名称不能为空', 'Material name must not be blank'));
  });
  const type = item.formSchema.type;
  if (type !== undefined && type !== 'object') {
    errors.push(fieldError('formSchema.type', '申请表结构的 type 必须为 object', 'The application form schema must have type "object"'));
  }
  // Even a draft keeps its limits consistent and its material codes unique: these are the
  // contradictions a reviewer would otherwise only meet at publication.
  consistentLimits(item, errors);
  materialRules(item, errors);
  return errors;
}

function consistentLimits(item: SaveInput, errors: FieldError[]): void {
  if (item.promisedLimit > item.statutoryLimit) {
    errors.push(fieldError('promisedLimit', `承诺时限（${item.promisedLimit}个工作日）不能超过法定时限（${item.statutoryLimit}个工作日）`,
      `Promised limit (${item.promisedLimit} working days) must not exceed the statutory limit (${item.statutoryLimit})`));
  }
  if (item.handlingClass === 'immediate' && item.promisedLimit !== 0) {
    errors.push(fieldError('promisedLimit', '即办件的承诺时限应为 0（当场办结）', 'An immediate item has a promised limit of 0 (decided on the spot)'));
  }
}

function limitRules(item: RuleItem, errors: FieldError[]): void {
  if (item.handlingClass !== 'immediate' && item.promisedLimit < 1) {
    errors.push(fieldError('promisedLimit', '非即办件的承诺时限至少为 1 个工作日；当场办结的请设为即办件',
      'A non-immediate item needs a promised limit of at least 1 working day; items decided on the spot are immediate'));
  }
}

function departmentRules(item: RuleItem, errors: FieldError[]): void {
  const co = item.coDepartmentIds;
  co.forEach((d, i) => {
    if (d === item.departmentId) {
      errors.push(fieldError(`coDepartmentIds.${i}`, '协办部门不能是本事项的实施部门', 'A co-department cannot be the item\'s own department'));
    } else if (co.indexOf(d) !== i) {
      errors.push(fieldError(`coDepartmentIds.${i}`, '协办部门重复', 'Co-department listed twice'));
    }
  });
  const distinctCo = new Set(co.filter((d) => d !== item.departmentId)).size;
  if (item.handlingClass === 'joint' && distinctCo < 1) {
    errors.push(fieldError('coDepartmentIds', '联办件须有牵头部门和至少一个协办部门（至少两个部门）', 'A joint item names at least two departments: the lead and at least one co-department'));
  }
  if (item.handlingClass !== 'joint' && co.length > 0) {
    errors.push(fieldError('coDepartmentIds', '只有联办件可以列出协办部门', 'Only joint items list co-departments'));
  }
}

function feeRules(item: RuleItem, errors: FieldError[]): void {
  if (item.fees.free && item.fees.lines.length > 0) {
    errors.push(fieldError('fees.lines', '不收费的事项不能有收费项目', 'A free item cannot have fee lines'));
  }
  if (!item.fees.free && item.fees.lines.length === 0) {
    errors.push(fieldError('fees.lines', '收费事项须列出收费项目', 'A charged item must list its fee lines'));
  }
  item.fees.lines.forEach((l, i) => {
    if (l.licenceNo.trim() === '') {
      errors.push(fieldError(`fees.lines.${i}.licenceNo`, `收费项目“${l.name}”缺少收费许可证号，不能发布（亮证收费）`,
        `Fee line "${l.name}" has no fee licence number and cannot be published`));
    }
  });
}

function materialRules(item: Pick<RuleItem, 'materials'>, errors: FieldError[]): void {
  const first = new Map<string, number>();
  item.materials.forEach((m, i) => {
    const prior = first.get(m.code);
    if (prior !== undefined) {
      errors.push(fieldError(`materials.${i}.code`, `材料编号“${m.code}”与第 ${prior + 1} 项重复`, `Material code "${m.code}" duplicates material ${prior + 1}`));
    } else first.set(m.code, i);
  });
}

function procedureRules(item: RuleItem, errors: FieldError[]): void {
  if (item.procedure.length === 0) {
    errors.push(fieldError('procedure', '至少需要一个办理环节', 'The procedure needs at least one step'));
    return;
  }
  const allowed = new Set([item.departmentId, ...item.coDepartmentIds]);
  item.procedure.forEach((s, i) => {
    if (s.departmentId !== null && !allowed.has(s.departmentId)) {
      errors.push(fieldError(`procedure.${i}.departmentId`, '办理环节的部门须为实施部门或协办部门', 'A step is worked by the item\'s department or one of its co-departments'));
    }
  });
  const days = procedureDays(item);
  if (days > item.promisedLimit) {
    errors.push(fieldError('procedure', `各办理环节时限合计 ${days} 个工作日（并行环节取最长），超过承诺时限 ${item.promisedLimit} 个工作日`,
      `The steps take ${days} working days (parallel steps count their longest), more than the promised limit of ${item.promisedLimit}`));
  }
}

export function validateItemForPublish(item: RuleItem): FieldError[] {
  const errors = validateItemForSave(item);
  limitRules(item, errors);
  departmentRules(item, errors);
  feeRules(item, errors);
  procedureRules(item, errors);
  if (item.maxVisits === 0 && item.onlineDepth !== 'fullOnline') {
    errors.push(fieldError('maxVisits', '“零跑动”只适用于全程网办事项', 'Zero visits is possible only for fully online items'));
  }
  if (item.result.delivery.length === 0) {
    errors.push(fieldError('result.delivery', '请至少选择一种结果送达方式', 'Choose at least one way of delivering the result'));
  }
  if (item.itemType === 'licensing' && item.legalBasis.length === 0) {
    errors.push(fieldError('legalBasis', '行政许可事项须列明法律依据', 'A licensing item must state its legal basis'));
  }
  return errors;
}
