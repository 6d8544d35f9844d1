/**
 * Application forms (申请表) of the online hall: the item's `formSchema` is a JSON Schema
 * (draft 2020-12) of which this module understands the subset the catalogue uses — an object of
 * string / number / integer / boolean / array fields with `required`, `minLength`, `maxLength`,
 * `pattern`, `enum`, `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `format: date`,
 * and for arrays `items`, `minItems`, `maxItems`. Other keywords are ignored.
 *
 * Pure and shared: the browser checks as the applicant types, the server again on submit, with
 * the same messages. Each problem names its field `form.<name>` (array elements
 * `form.<name>.<i>`), in zh-CN and English, with the field's title.
 */
import { isDate } from '../calendar/dates.js';
import type { FieldError } from '../errors.js';

export type FormValues = Record<string, unknown>;

interface FieldSchema {
  type?: unknown;
  title?: unknown;
  enum?: unknown;
  pattern?: unknown;
  format?: unknown;
  minLength?: unknown;
  maxLength?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  exclusiveMinimum?: unknown;
  exclusiveMaximum?: unknown;
  items?: unknown;
  minItems?: unknown;
  maxItems?: unknown;
}

export interface FormField {
  name: string;
  title: string;
  schema: FieldSchema;
  required: boolean;
}

export interface FormCheck {
  /** the values kept: only the schema's own fields, blank optional ones dropped */
  values: FormValues;
  errors: FieldError[];
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schema's fields in order, with their titles and whether each is required. */
export function formFields(schema: unknown): FormField[] {
  if (!isObject(schema) || !isObject(schema.properties)) return [];
  const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
  return Object.entries(schema.properties).map(([name, s]) => {
    const fs = (isObject(s) ? s : {}) as FieldSchema;
    return { name, title: typeof fs.title === 'string' && fs.title ? fs.title : name, schema: fs, required: required.includes(name) };
  });
}

/** Empty as a person sees it: nothing typed, only blanks, or nothing chosen. */
export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

type Problem = [zh: string, en: string];

const TYPE_NAMES: Record<string, Problem> = {
  string: ['文字', 'text'],
  number: ['数字', 'a number'],
  integer: ['整数', 'a whole number'],
  boolean: ['是或否', 'yes or no'],
  array: ['多项选择', 'a list'],
};

/** What is wrong with one scalar value, or null. */
function scalarProblem(s: FieldSchema, v: unknown): Problem | null {
  const type = typeof s.type === 'string' ? s.type : undefined;
  if (type === 'string') {
    if (typeof v !== 'string') return wrongType(type);
    const len = [...v].length;
    const min = num(s.minLength);
    const max = num(s.maxLength);
    if (min !== null && len < min) return [`至少填写 ${min} 个字`, `must be at least ${min} characters`];
    if (max !== null && len > max) return [`不能超过 ${max} 个字`, `must be at most ${max} characters`];
    if (s.format === 'date' && !isDate(v)) return ['应为有效日期（年-月-日）', 'must be a real date (YYYY-MM-DD)'];
    if (typeof s.pattern === 'string' && !safeTest(s.pattern, v)) return ['格式不正确', 'is not in the required format'];
  } else if (type === 'number' || type === 'integer') {
    if (typeof v !== 'number' || !Number.isFinite(v)) return wrongType(type);
    if (type === 'integer' && !Number.isInteger(v)) return wrongType(type);
    const min = num(s.minimum);
    const max = num(s.maximum);
    const xmin = num(s.exclusiveMinimum);
    const xmax = num(s.exclusiveMaximum);
    if (min !== null && v < min) return [`不能小于 ${min}`, `must be at least ${min}`];
    if (max !== null && v > max) return [`不能大于 ${max}`, `must be at most ${max}`];
    if (xmin !== null && v <= xmin) return [`应大于 ${xmin}`, `must be greater than ${xmin}`];
    if (xmax !== null && v >= xmax) return [`应小于 ${xmax}`, `must be less than ${xmax}`];
  } else if (type === 'boolean') {
    if (typeof v !== 'boolean') return wrongType(type);
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => e === v)) {
    return [`应为以下之一：${s.enum.join('、')}`, `must be one of: ${s.enum.join(', ')}`];
  }
  return null;
}

function wrongType(type: string): Problem {
  const [zh, en] = TYPE_NAMES[type] ?? ['正确的类型', 'the right type'];
  return [`应填写${zh}`, `must be ${en}`];
}

/** A catalogue pattern that does not compile checks nothing rather than refusing every applicant. */
function safeTest(pattern: string, v: string): boolean {
  for (const flags of ['u', '']) {
    try {
      return new RegExp(pattern, flags).test(v);
    } catch {
      // JSON Schema patterns are ECMA-262 with the u flag; an older style may need it off
    }
  }
  return true;
}

const err = (field: string, title: string, [zh, en]: Problem): FieldError => ({
  field,
  message: `${field}：「${title}」${zh}`,
  messageEn: `${field}: "${title}" ${en}`,
});

/** Checks one field; its errors (at most one per value). */
function checkField(f: FormField, v: unknown): FieldError[] {
  const field = `form.${f.name}`;
  if (isBlank(v)) return f.required ? [err(field, f.title, ['为必填项', 'is required'])] : [];
  if (f.schema.type !== 'array') {
    const p = scalarProblem(f.schema, v);
    return p ? [err(field, f.title, p)] : [];
  }
  if (!Array.isArray(v)) return [err(field, f.title, wrongType('array'))];
  const min = num(f.schema.minItems);
  const max = num(f.schema.maxItems);
  if (min !== null && v.length < min) return [err(field, f.title, [`至少选择 ${min} 项`, `needs at least ${min} entries`])];
  if (max !== null && v.length > max) return [err(field, f.title, [`最多选择 ${max} 项`, `allows at most ${max} entries`])];
  const items = (isObject(f.schema.items) ? f.schema.items : {}) as FieldSchema;
  const out: FieldError[] = [];
  v.forEach((x, i) => {
    const p = scalarProblem(items, x);
    if (p) out.push(err(`${field}.${i}`, f.title, p));
  });
  return out;
}

/** A typed-in value as its field expects it: trimmed text; what else is typed is kept as given. */
function normalise(f: FormField, v: unknown): unknown {
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x.trim() : x));
  return v;
}

/**
 * Checks `values` against `schema`. Unknown fields are dropped (a draft may predate a new
 * version of the form), blank optional fields too; every problem is reported, in field order.
 */
export function checkForm(schema: unknown, values: unknown): FormCheck {
  const given = isObject(values) ? values : {};
  const out: FormValues = {};
  const errors: FieldError[] = [];
  for (const f of formFields(schema)) {
    const v = normalise(f, given[f.name]);
    const e = checkField(f, v);
    errors.push(...e);
    if (e.length === 0 && !isBlank(v)) out[f.name] = v;
  }
  return { values: out, errors };
}
