/**
 * Client-side rules of the item editor: the server's cheap ones (required fields, the code
 * pattern, promised ≤ statutory, immediate ⇒ 0, joint ⇒ a co-department, the form schema is an
 * object), so a mistake is named before the round trip. The server checks everything again.
 * Row rules (materials.N.code …) are given on the row's el-form-item through `rowRules`.
 */
import type { FormItemRule } from 'element-plus';
import type { ItemForm } from './item-form';
import { parseSchema } from './item-form';

export type T = (key: string, named?: Record<string, unknown>) => string;
type Rules = Record<string, FormItemRule[]>;
type Cb = (e?: Error) => void;

/** Same pattern as the server's ITEM_CODE_PATTERN (domain/catalogue/rules.ts). */
export const ITEM_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * text: whitespace-only counts as empty; select: a choice of strings; number: an input-number;
 * numberSelect: a choice of numbers. `required` (not a validator) so the asterisk shows.
 */
function required(t: T, field: string, kind: 'text' | 'select' | 'number' | 'numberSelect' = 'text'): FormItemRule {
  const chosen = kind === 'select' || kind === 'numberSelect';
  const message = t(chosen ? 'catalogue.rule.select' : 'catalogue.rule.required', { field: t(`catalogue.field.${field}`) });
  if (kind === 'number' || kind === 'numberSelect') return { required: true, type: 'number', message, trigger: chosen ? 'change' : ['blur', 'change'] };
  return { required: true, whitespace: kind === 'text', message, trigger: chosen ? 'change' : 'blur' };
}

/** Why the promised limit is wrong, or null. Mirrors limitRules() of the server. */
export function promisedLimitProblem(f: ItemForm, t: T): string | null {
  const p = f.promisedLimit;
  if (p === null || p === undefined) return null;
  if (f.handlingClass === 'immediate' && p !== 0) return t('catalogue.rule.immediateZero');
  if (f.statutoryLimit !== null && f.statutoryLimit !== undefined && p > f.statutoryLimit) {
    return t('catalogue.rule.promisedOverStatutory', { p, s: f.statutoryLimit });
  }
  if (f.handlingClass !== '' && f.handlingClass !== 'immediate' && p < 1) return t('catalogue.rule.notImmediateMin');
  return null;
}

export function itemRules(t: T, f: ItemForm): Rules {
  return {
    code: [
      required(t, 'code'),
      { pattern: ITEM_CODE_PATTERN, message: t('catalogue.rule.codePattern'), trigger: 'blur' },
    ],
    name: [required(t, 'name')],
    departmentId: [required(t, 'departmentId', 'select')],
    level: [required(t, 'level', 'select')],
    itemType: [required(t, 'itemType', 'select')],
    handlingClass: [required(t, 'handlingClass', 'select')],
    onlineDepth: [required(t, 'onlineDepth', 'select')],
    maxVisits: [
      required(t, 'maxVisits', 'numberSelect'),
      {
        validator: (_r, v: number | null, cb: Cb) =>
          v === 0 && f.onlineDepth !== '' && f.onlineDepth !== 'fullOnline' ? cb(new Error(t('catalogue.editor.hintZeroVisits'))) : cb(),
        trigger: 'change',
      },
    ],
    statutoryLimit: [required(t, 'statutoryLimit', 'number')],
    promisedLimit: [
      required(t, 'promisedLimit', 'number'),
      {
        validator: (_r, _v, cb: Cb) => {
          const problem = promisedLimitProblem(f, t);
          return problem ? cb(new Error(problem)) : cb();
        },
        trigger: ['blur', 'change'],
      },
    ],
    coDepartmentIds: [
      {
        validator: (_r, v: string[], cb: Cb) => {
          if (f.handlingClass !== 'joint') return cb();
          if (f.departmentId && v.includes(f.departmentId)) return cb(new Error(t('catalogue.rule.coIsOwn')));
          return v.length === 0 ? cb(new Error(t('catalogue.rule.jointCo'))) : cb();
        },
        trigger: 'change',
      },
    ],
    formSchema: [
      {
        validator: (_r, _v, cb: Cb) => {
          const r = parseSchema(f.formSchemaText);
          return r.ok ? cb() : cb(new Error(t(r.key, { msg: r.msg ?? '' })));
        },
        trigger: 'blur',
      },
    ],
  };
}

/** Rules of one row field, given on the row's el-form-item (`:rules="rowRules.materialCode"`). */
export function rowRules(t: T): Record<string, FormItemRule[]> {
  return {
    law: [required(t, 'law')],
    condition: [required(t, 'condition')],
    materialCode: [required(t, 'materialCode')],
    materialName: [required(t, 'materialName')],
    stepName: [required(t, 'stepName')],
    kind: [required(t, 'kind', 'select')],
    role: [required(t, 'role', 'select')],
    limitDays: [required(t, 'limitDays', 'number')],
    feeName: [required(t, 'feeName')],
  };
}
