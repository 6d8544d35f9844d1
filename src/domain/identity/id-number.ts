/**
 * 居民身份证号 (citizen identity number) per GB 11643-1999: 6-digit region code (GB/T 2260),
 * 8-digit birth date YYYYMMDD, 3-digit sequence (odd = male, even = female) and an ISO 7064
 * MOD 11-2 check character (0–9 or X). The same format serves the residence permits of Hong
 * Kong, Macao (81/82) and Taiwan (83) residents, so those prefixes are accepted too.
 */
import { isDate, type DateString } from '../calendar/dates.js';
import { PROVINCE_PREFIXES } from '../organisation/area-code.js';

export type IdNumberProblem = 'format' | 'legacy15' | 'region' | 'birthDate' | 'futureBirthDate' | 'checkDigit';

export type IdNumberCheck =
  | { ok: true; value: string; areaCode: string; birthDate: DateString; sex: 'male' | 'female' }
  | { ok: false; reason: IdNumberProblem; zh: string; en: string };

/** Weights 2^(17−i) mod 11 of the 17 body digits (ISO 7064 MOD 11-2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** Residence permits of Hong Kong, Macao and Taiwan residents: 810000, 820000, 830000. */
const PERMIT_PREFIXES = ['81', '82', '83'];
/** The standard's own example is born in 1880; nothing earlier is plausible. */
const EARLIEST_BIRTH = '1800-01-01';

/** The check character of a 17-digit body. Throws a RangeError when `body` is not 17 digits. */
export function idNumberCheckChar(body: string): string {
  if (!/^\d{17}$/.test(body)) throw new RangeError('An ID number body is 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

const fail = (reason: IdNumberProblem, zh: string, en: string): IdNumberCheck => ({ ok: false, reason, zh, en });

function regionShapeOk(code: string): boolean {
  const province = code.slice(0, 2);
  if (PERMIT_PREFIXES.includes(province)) return code.slice(2) === '0000';
  // a person is registered in a prefecture (市/地区/直辖市的区县组), never at "00"
  return PROVINCE_PREFIXES.includes(province) && code.slice(2, 4) !== '00';
}

/**
 * Checks an ID number as typed (surrounding blanks ignored, a lower-case x accepted). `today` is
 * the business date: a birth date after it is refused. The first problem found is reported, in
 * the order format → region → birth date → check digit, so the message points at the real typo.
 */
export function checkIdNumber(input: string, today: DateString): IdNumberCheck {
  const value = input.trim().toUpperCase();
  if (/^\d{15}$/.test(value)) {
    return fail('legacy15', '15位旧身份证号已停止使用，请填写18位身份证号', 'The old 15-digit number is no longer valid; enter the 18-digit number');
  }
  if (!/^\d{17}[\dX]$/.test(value)) {
    return fail('format', '身份证号应为18位，前17位为数字，最后一位为数字或X', 'An ID number has 18 characters: 17 digits, then a digit or X');
  }
  const areaCode = value.slice(0, 6);
  if (!regionShapeOk(areaCode)) {
    return fail('region', `身份证号前6位 ${areaCode} 不是有效的行政区划代码`, `The first six digits ${areaCode} are not a valid area code`);
  }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isDate(birthDate) || birthDate < EARLIEST_BIRTH) {
    return fail('birthDate', `身份证号中的出生日期 ${value.slice(6, 14)} 无效`, `The birth date ${value.slice(6, 14)} in the ID number is not a real date`);
  }
  if (birthDate > today) {
    return fail('futureBirthDate', `身份证号中的出生日期 ${birthDate} 晚于今天`, `The birth date ${birthDate} in the ID number is in the future`);
  }
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) {
    return fail('checkDigit', '身份证号校验位不正确，请核对号码', 'The check digit does not match; please check the number');
  }
  return { ok: true, value, areaCode, birthDate, sex: Number(value[16]) % 2 === 1 ? 'male' : 'female' };
}

/** True when `input` is a valid ID number as of `today`. */
export function isIdNumber(input: string, today: DateString): boolean {
  return checkIdNumber(input, today).ok;
}
