/**
 * Field checks shared by the payload rules: each returns the problem as a `FieldProblem` (the
 * JSON path of the field and the message) or null. validate.ts turns a problem into a CaseError.
 */
import { isDate } from '../calendar/dates.js';
import { checkIdNumber } from '../identity/id-number.js';
import type { Decision, Delivery, MaterialRef } from './types.js';

export interface FieldProblem {
  field: string;
  zh: string;
  en: string;
  code?: 'case.invalidInput' | 'case.duplicate' | 'case.unknownTask' | 'case.unknownFee' | 'case.tooEarly' | 'case.dateOrder';
}

export const problem = (field: string, zh: string, en: string, code?: FieldProblem['code']): FieldProblem => ({ field, zh, en, code });

const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';

/** A required text. */
export function text(v: unknown, field: string, zh: string, en: string): FieldProblem | null {
  return blank(v) ? problem(field, `${zh}不能为空`, `${en} is required`) : null;
}

/** A non-empty list of non-blank texts. */
export function texts(v: readonly unknown[] | undefined, field: string, zh: string, en: string): FieldProblem | null {
  if (!Array.isArray(v) || v.length === 0) return problem(field, `${zh}不能为空`, `${en} is required`);
  const i = v.findIndex(blank);
  return i >= 0 ? problem(`${field}.${i}`, `${zh}不能为空`, `${en} must not be blank`) : null;
}

export function date(v: unknown, field: string): FieldProblem | null {
  return isDate(v) ? null : problem(field, '日期无效（应为 YYYY-MM-DD）', 'Invalid date (expected YYYY-MM-DD)');
}

export function integer(v: unknown, min: number, max: number, field: string, zh: string, en: string): FieldProblem | null {
  return Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max
    ? null
    : problem(field, `${zh}应为 ${min} 到 ${max} 之间的整数`, `${en} must be a whole number from ${min} to ${max}`);
}

/** Materials named by code and name, codes unique. */
export function materials(list: readonly MaterialRef[] | undefined, field: string, allowEmpty = false): FieldProblem | null {
  if (!Array.isArray(list) || (list.length === 0 && !allowEmpty)) return problem(field, '须列明材料', 'List the materials');
  const seen = new Set<string>();
  for (const [i, m] of list.entries()) {
    const p = text(m?.code, `${field}.${i}.code`, '材料编码', 'Material code') ?? text(m?.name, `${field}.${i}.name`, '材料名称', 'Material name');
    if (p) return p;
    if (seen.has(m.code)) return problem(`${field}.${i}.code`, `材料“${m.name}”重复列出`, `Material "${m.name}" is listed twice`);
    seen.add(m.code);
  }
  return null;
}

export function decision(d: Decision | undefined, field: string): FieldProblem | null {
  switch (d?.outcome) {
    case 'approved':
      return typeof d.note === 'string' ? null : problem(`${field}.note`, '备注应为文字', 'The note must be text');
    case 'denied':
      // 行政许可法 Art. 38: a denial states its reasons, its legal basis and the applicant's rights
      return (
        texts(d.reasons, `${field}.reasons`, '不予许可的理由', 'The reasons for a denial') ??
        texts(d.legalBasis, `${field}.legalBasis`, '不予许可的法律依据', 'The legal basis of a denial') ??
        text(d.rightsStatement, `${field}.rightsStatement`, '复议和诉讼权利告知', 'The rights statement')
      );
    case 'forwarded':
      return text(d.authority, `${field}.authority`, '上报机关', 'The higher authority') ?? (typeof d.note === 'string' ? null : problem(`${field}.note`, '备注应为文字', 'The note must be text')) ??
        (d.answerDue === undefined ? null : date(d.answerDue, `${field}.answerDue`));
    default:
      return problem(`${field}.outcome`, '决定结果应为准予、不予许可或上报', 'The outcome must be approved, denied or forwarded');
  }
}

/** Delivery: at the window to an identified receiver, by mail with a tracking number, or electronically. */
export function delivery(d: Delivery | undefined, today: string): FieldProblem | null {
  switch (d?.method) {
    case 'window': {
      const r = d.receiver;
      const p = text(r?.name, 'delivery.receiver.name', '领取人姓名', "The receiver's name") ?? text(r?.idNumber, 'delivery.receiver.idNumber', '领取人证件号码', "The receiver's ID number");
      if (p) return p;
      if (r.idType === 'idCard') {
        const id = checkIdNumber(r.idNumber, today);
        if (!id.ok) return problem('delivery.receiver.idNumber', id.zh, id.en);
      } else if (r.idType !== 'other') return problem('delivery.receiver.idType', '证件类型无效', 'Invalid ID type');
      return null;
    }
    case 'mail':
      return text(d.carrier, 'delivery.carrier', '寄递企业', 'The carrier') ?? text(d.trackingNo, 'delivery.trackingNo', '邮件单号', 'The tracking number');
    case 'electronic':
      return text(d.address, 'delivery.address', '电子送达地址', 'The electronic address');
    default:
      return problem('delivery.method', '送达方式应为窗口领取、邮寄或电子送达', 'Delivery is at the window, by mail or electronic');
  }
}
