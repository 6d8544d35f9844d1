/**
 * Human numbers of a case (DESIGN §4 "Numbers"). The case number follows a configurable pattern,
 * default `{area6}{yyMMdd}{seq6}` (e.g. 370702250603000042); the daily sequence itself is
 * allocated by the database. The verification code lets anyone holding the receipt look the case
 * up publicly; its randomness is an argument (domain code imports no crypto).
 *
 * Pattern tokens, each of fixed width so a number parses back unambiguously:
 *   {area6} the center's area code · {yyyy} {yy} {MM} {dd} {yyMMdd} {yyyyMMdd} the intake date ·
 *   {seqN} the daily sequence, zero-padded to N digits (1–9). Anything else is literal text.
 * A pattern has exactly one sequence and the full date (the sequence restarts every day).
 */
import { isDate, type DateString } from '../calendar/dates.js';

export const DEFAULT_CASE_NO_PATTERN = '{area6}{yyMMdd}{seq6}';

export interface CaseNoParts {
  areaCode: string;
  date: DateString;
  seq: number;
}

type Token = { lit: string } | { field: 'area' | 'yyyy' | 'yy' | 'MM' | 'dd' | 'seq'; width: number };

export type PatternCheck = { ok: true; tokens: readonly Token[] } | { ok: false; zh: string; en: string };

const FIELDS: Record<string, Token[]> = {
  area6: [{ field: 'area', width: 6 }],
  yyyy: [{ field: 'yyyy', width: 4 }],
  yy: [{ field: 'yy', width: 2 }],
  MM: [{ field: 'MM', width: 2 }],
  dd: [{ field: 'dd', width: 2 }],
  yyMMdd: [{ field: 'yy', width: 2 }, { field: 'MM', width: 2 }, { field: 'dd', width: 2 }],
  yyyyMMdd: [{ field: 'yyyy', width: 4 }, { field: 'MM', width: 2 }, { field: 'dd', width: 2 }],
};

const bad = (zh: string, en: string): PatternCheck => ({ ok: false, zh, en });

/** Reads a pattern; tells what is wrong with it in both languages. */
export function checkCaseNoPattern(pattern: string): PatternCheck {
  const tokens: Token[] = [];
  for (const part of pattern.split(/(\{[^}]*\})/)) {
    if (part === '') continue;
    if (!part.startsWith('{')) {
      if (/[{}]/.test(part)) return bad('编号规则中的花括号不成对', 'Unbalanced braces in the pattern');
      tokens.push({ lit: part });
      continue;
    }
    const name = part.slice(1, -1);
    const seq = /^seq([1-9])$/.exec(name);
    if (seq) tokens.push({ field: 'seq', width: Number(seq[1]) });
    else if (FIELDS[name]) tokens.push(...FIELDS[name]);
    else return bad(`编号规则中有未知的占位符 ${part}`, `Unknown placeholder ${part} in the pattern`);
  }
  const count = (f: string) => tokens.filter((t) => 'field' in t && t.field === f).length;
  if (count('seq') !== 1) return bad('编号规则须有且只有一个流水号 {seqN}', 'The pattern needs exactly one sequence {seqN}');
  if (count('yyyy') + count('yy') !== 1 || count('MM') !== 1 || count('dd') !== 1) {
    return bad('编号规则须包含完整日期（年、月、日各一次），因为流水号按日重新开始', 'The pattern needs the full date (year, month and day once each): the sequence restarts daily');
  }
  if (count('area') > 1) return bad('编号规则中行政区划代码只能出现一次', 'The area code may appear only once');
  return { ok: true, tokens };
}

function tokensOf(pattern: string): readonly Token[] {
  const c = checkCaseNoPattern(pattern);
  if (!c.ok) throw new RangeError(c.en);
  return c.tokens;
}

/** The case number of `parts`. Throws a RangeError on a bad pattern, date, area code or a sequence too wide. */
export function formatCaseNo(parts: CaseNoParts, pattern = DEFAULT_CASE_NO_PATTERN): string {
  if (!isDate(parts.date)) throw new RangeError(`Invalid date ${parts.date}`);
  return tokensOf(pattern)
    .map((t) => {
      if ('lit' in t) return t.lit;
      switch (t.field) {
        case 'area':
          if (!/^\d{6}$/.test(parts.areaCode)) throw new RangeError('The area code is 6 digits');
          return parts.areaCode;
        case 'yyyy':
          return parts.date.slice(0, 4);
        case 'yy':
          if (!parts.date.startsWith('20')) throw new RangeError('{yy} covers the years 2000–2099');
          return parts.date.slice(2, 4);
        case 'MM':
          return parts.date.slice(5, 7);
        case 'dd':
          return parts.date.slice(8, 10);
        case 'seq':
          if (!Number.isInteger(parts.seq) || parts.seq < 1 || parts.seq >= 10 ** t.width) throw new RangeError(`The sequence must be 1–${10 ** t.width - 1}`);
          return String(parts.seq).padStart(t.width, '0');
      }
    })
    .join('');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The parts of a case number written with `pattern`, or null when it does not fit (no area → ''). */
export function parseCaseNo(caseNo: string, pattern = DEFAULT_CASE_NO_PATTERN): CaseNoParts | null {
  const tokens = tokensOf(pattern);
  const m = new RegExp('^' + tokens.map((t) => ('lit' in t ? escape(t.lit) : `(\\d{${t.width}})`)).join('') + '$').exec(caseNo.trim());
  if (!m) return null;
  const v: Record<string, string> = {};
  tokens.filter((t): t is Extract<Token, { field: string }> => 'field' in t).forEach((t, i) => (v[t.field] = m[i + 1]));
  const date = `${v.yyyy ?? `20${v.yy}`}-${v.MM}-${v.dd}`;
  const seq = Number(v.seq);
  if (!isDate(date) || seq < 1) return null;
  return { areaCode: v.area ?? '', date, seq };
}

/** No 0/O, 1/I/L: a code read aloud or copied from paper cannot be mistyped between them. */
export const VERIFICATION_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const VERIFICATION_CODE_LENGTH = 6;
/** Bytes at or above this are skipped so every character is equally likely (248 = 8 × 31). */
const UNBIASED_LIMIT = 256 - (256 % VERIFICATION_ALPHABET.length);

/**
 * A verification code drawn from `bytes` (pass e.g. `crypto.randomBytes(16)`): rejection
 * sampling, so no character is favoured. Throws a RangeError when the bytes run out — 16 bytes
 * suffice for 6 characters except with probability below 10⁻¹⁵.
 */
export function verificationCode(bytes: Uint8Array, length = VERIFICATION_CODE_LENGTH): string {
  let code = '';
  for (const b of bytes) {
    if (code.length === length) break;
    if (b < UNBIASED_LIMIT) code += VERIFICATION_ALPHABET[b % VERIFICATION_ALPHABET.length];
  }
  if (code.length < length) throw new RangeError('Not enough random bytes for a verification code');
  return code;
}

/** A code as typed (blanks, hyphens, lower case tolerated), or null when it cannot be one. */
export function normalizeVerificationCode(input: string, length = VERIFICATION_CODE_LENGTH): string | null {
  const v = input.replace(/[\s-]/g, '').toUpperCase();
  return v.length === length && [...v].every((c) => VERIFICATION_ALPHABET.includes(c)) ? v : null;
}
