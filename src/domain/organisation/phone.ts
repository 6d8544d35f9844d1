/**
 * Phone numbers of staff and department contacts: a mainland mobile (11 digits, 13x–19x) or a
 * landline with its area code (010-12345678, 0536-8096000, optionally an extension -123).
 */
export const MOBILE_RE = /^1[3-9]\d{9}$/;
export const LANDLINE_RE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
/** Either form; the empty string means "none given". */
export const PHONE_RE = /^(|1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

export function isPhone(s: string): boolean {
  return MOBILE_RE.test(s) || LANDLINE_RE.test(s);
}

/**
 * Masked for lists: keep the first 3 and last 4 digits (138****5678). Landlines keep their area
 * code and last 4 digits; anything shorter than 8 characters is fully starred.
 */
export function maskPhone(s: string): string {
  if (!s) return '';
  if (MOBILE_RE.test(s)) return `${s.slice(0, 3)}****${s.slice(-4)}`;
  const m = /^(0\d{2,3})(-?)(\d{7,8})(-\d{1,6})?$/.exec(s);
  if (m) return `${m[1]}${m[2]}****${m[3].slice(-4)}`;
  return s.length < 8 ? '*'.repeat(s.length) : `${s.slice(0, 3)}****${s.slice(-4)}`;
}
