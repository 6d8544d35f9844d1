/**
 * 统一社会信用代码 (unified social credit code) per GB 32100-2015: 18 characters from a 31-char
 * set (digits and capitals without I, O, Z, S, V):
 *   1     registration authority (登记管理部门代码)
 *   2     entity type within that authority (机构类别代码)
 *   3–8   area code of the registering authority (GB/T 2260; 100000 for national level)
 *   9–17  subject identifier (主体标识码, the former organisation code)
 *   18    check character: weights 3^(i−1) mod 31, C18 = 31 − (Σ mod 31), 31 → 0
 * The subject identifier's own GB 11714 check is not repeated: codes issued to sole traders do
 * not always satisfy it, and the MOD 31 check already catches typing errors.
 */
import { PROVINCE_PREFIXES } from '../organisation/area-code.js';

export const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Authorities and their entity types: the standard's table plus the later assignments
 * (A 中央军委改革和编制办公室, N 农业, 民政 4 基层群众性自治组织 — 村/居民委员会).
 */
export const USCC_AUTHORITIES: Readonly<Record<string, { zh: string; en: string; types: string }>> = {
  '1': { zh: '机构编制', en: 'staffing authority', types: '1239' },
  '2': { zh: '外交', en: 'foreign affairs', types: '19' },
  '3': { zh: '司法行政', en: 'justice administration', types: '123459' },
  '4': { zh: '文化', en: 'culture', types: '19' },
  '5': { zh: '民政', en: 'civil affairs', types: '12349' },
  '6': { zh: '旅游', en: 'tourism', types: '129' },
  '7': { zh: '宗教', en: 'religious affairs', types: '129' },
  '8': { zh: '工会', en: 'trade unions', types: '19' },
  '9': { zh: '工商（市场监管）', en: 'market regulation', types: '123' },
  A: { zh: '中央军委改革和编制办公室', en: 'CMC reform and staffing office', types: '19' },
  N: { zh: '农业', en: 'agriculture', types: '1239' },
  Y: { zh: '其他', en: 'other', types: '1' },
};

export type UsccProblem = 'format' | 'authority' | 'type' | 'area' | 'checkChar';

export type UsccCheck =
  | { ok: true; value: string; authority: string; type: string; areaCode: string; subjectId: string }
  | { ok: false; reason: UsccProblem; zh: string; en: string };

const fail = (reason: UsccProblem, zh: string, en: string): UsccCheck => ({ ok: false, reason, zh, en });

/** The check character of a 17-character body. Throws a RangeError on a character outside the set. */
export function usccCheckChar(body: string): string {
  if (body.length !== 17) throw new RangeError('A USCC body is 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(body[i]);
    if (v < 0) throw new RangeError(`Not a USCC character: ${body[i]}`);
    sum += v * WEIGHTS[i];
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** Checks a code as typed (blanks around it ignored, lower case accepted); the first problem is reported. */
export function checkUscc(input: string): UsccCheck {
  const value = input.trim().toUpperCase();
  if (value.length !== 18 || [...value].some((c) => !USCC_CHARS.includes(c))) {
    return fail('format', '统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）', 'A unified social credit code has 18 digits or capital letters (no I, O, Z, S, V)');
  }
  const authority = USCC_AUTHORITIES[value[0]];
  if (!authority) {
    return fail('authority', `第1位登记管理部门代码“${value[0]}”无效`, `The registration authority code "${value[0]}" (1st character) is not valid`);
  }
  if (!authority.types.includes(value[1])) {
    return fail('type', `第2位机构类别代码“${value[1]}”不属于${authority.zh}登记的类别`, `The entity type "${value[1]}" (2nd character) is not one ${authority.en} registers`);
  }
  const areaCode = value.slice(2, 8);
  if (!/^\d{6}$/.test(areaCode) || !(PROVINCE_PREFIXES.includes(areaCode.slice(0, 2)) || areaCode === '100000')) {
    return fail('area', `第3–8位行政区划码 ${areaCode} 无效`, `The area code ${areaCode} (characters 3–8) is not valid`);
  }
  if (usccCheckChar(value.slice(0, 17)) !== value[17]) {
    return fail('checkChar', '统一社会信用代码校验位不正确，请核对', 'The check character does not match; please check the code');
  }
  return { ok: true, value, authority: value[0], type: value[1], areaCode, subjectId: value.slice(8, 17) };
}

export function isUscc(input: string): boolean {
  return checkUscc(input).ok;
}
