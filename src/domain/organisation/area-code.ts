/**
 * Area codes (行政区划代码, GB/T 2260): six digits whose first two name the province. Every
 * center has one, unique across the installation, because it prefixes case numbers.
 */
import { type FieldError, fieldError } from '../errors.js';

export const AREA_CODE_RE = /^\d{6}$/;

/** The provincial-level prefixes GB/T 2260 assigns (incl. Taiwan, Hong Kong, Macao). */
export const PROVINCE_PREFIXES: readonly string[] = [
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
];

/**
 * Format, a real provincial prefix and, under a parent, the parent's province: a center never
 * sits under a center of another province.
 */
export function checkAreaCode(code: string, parentCode: string | null, field = 'areaCode'): FieldError[] {
  if (!AREA_CODE_RE.test(code)) {
    return [fieldError(field, '行政区划代码须为6位数字', 'The area code must be 6 digits')];
  }
  if (!PROVINCE_PREFIXES.includes(code.slice(0, 2))) {
    return [fieldError(field, `行政区划代码前两位 ${code.slice(0, 2)} 不是有效的省级代码`, `The first two digits ${code.slice(0, 2)} are not a province code`)];
  }
  if (parentCode !== null && parentCode.slice(0, 2) !== code.slice(0, 2)) {
    return [fieldError(field, `行政区划代码须与上级中心属同一省份（${parentCode.slice(0, 2)}开头）`, `The area code must be in the parent center's province (start with ${parentCode.slice(0, 2)})`)];
  }
  return [];
}
