import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CASE_NO_PATTERN,
  VERIFICATION_ALPHABET,
  checkCaseNoPattern,
  formatCaseNo,
  normalizeVerificationCode,
  parseCaseNo,
  verificationCode,
} from '../../../src/domain/case/index.js';

describe('case numbers', () => {
  it('default pattern: area code, yyMMdd, six-digit daily sequence', () => {
    expect(DEFAULT_CASE_NO_PATTERN).toBe('{area6}{yyMMdd}{seq6}');
    expect(formatCaseNo({ areaCode: '370702', date: '2025-06-03', seq: 42 })).toBe('370702250603000042');
    expect(parseCaseNo('370702250603000042')).toEqual({ areaCode: '370702', date: '2025-06-03', seq: 42 });
  });

  it('custom patterns with literal text', () => {
    const pattern = 'SP-{yyyyMMdd}-{seq4}';
    expect(formatCaseNo({ areaCode: '', date: '2025-06-03', seq: 7 }, pattern)).toBe('SP-20250603-0007');
    expect(parseCaseNo('SP-20250603-0007', pattern)).toEqual({ areaCode: '', date: '2025-06-03', seq: 7 });
    expect(formatCaseNo({ areaCode: '370702', date: '2025-06-03', seq: 7 }, '{yyyy}.{MM}.{dd}/{area6}/{seq3}')).toBe('2025.06.03/370702/007');
  });

  it.each([
    ['{area6}{yyMMdd}', /sequence/],
    ['{area6}{yyMMdd}{seq3}{seq3}', /sequence/],
    ['{area6}{yyMM}{seq6}', /Unknown placeholder/],
    ['{area6}{yy}{MM}{seq6}', /full date/],
    ['{yyyy}{yy}{MM}{dd}{seq6}', /full date/],
    ['{area6}{area6}{yyMMdd}{seq6}', /area code/],
    ['{seq0}{yyMMdd}', /Unknown placeholder/],
    ['A}{yyMMdd}{seq6}', /braces/],
  ])('refuses the pattern %s', (pattern, en) => {
    const c = checkCaseNoPattern(pattern);
    expect(c.ok).toBe(false);
    if (!c.ok) {
      expect(c.en).toMatch(en);
      expect(c.zh).toMatch(/编号规则/);
    }
    expect(() => formatCaseNo({ areaCode: '370702', date: '2025-06-03', seq: 1 }, pattern)).toThrow(RangeError);
  });

  it.each([
    [{ areaCode: '370702', date: '2025-06-03', seq: 0 }],
    [{ areaCode: '370702', date: '2025-06-03', seq: 1_000_000 }],
    [{ areaCode: '370702', date: '2025-06-03', seq: 1.5 }],
    [{ areaCode: '37070', date: '2025-06-03', seq: 1 }],
    [{ areaCode: '370702', date: '1999-12-31', seq: 1 }], // {yy} covers 2000–2099
    [{ areaCode: '370702', date: '2025-02-30', seq: 1 }],
  ])('refuses to format %j', (parts) => {
    expect(() => formatCaseNo(parts)).toThrow(RangeError);
  });

  it.each(['37070225060300004', '3707022506030000421', '370702251302000001', '370702250603000000', '37070A250603000042', ''])('parses %s to null', (no) => {
    expect(parseCaseNo(no)).toBeNull();
  });

  it('parse is the inverse of format', () => {
    const parts = fc.record({
      areaCode: fc.stringMatching(/^\d{6}$/),
      date: fc.integer({ min: 0, max: 36_500 }).map((d) => new Date(Date.UTC(2000, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
      seq: fc.integer({ min: 1, max: 999_999 }),
    });
    fc.assert(fc.property(parts, (p) => {
      expect(parseCaseNo(formatCaseNo(p))).toEqual(p);
      expect(formatCaseNo(p)).toHaveLength(18);
    }));
  });
});

describe('verification codes', () => {
  it('uses an unambiguous alphabet: no 0, O, 1, I or L', () => {
    expect(VERIFICATION_ALPHABET).not.toMatch(/[0O1IL]/);
    expect(new Set(VERIFICATION_ALPHABET).size).toBe(VERIFICATION_ALPHABET.length);
  });

  it('draws six characters from the bytes, skipping bytes that would bias the draw', () => {
    expect(verificationCode(new Uint8Array([0, 1, 2, 3, 4, 5]))).toBe('234567');
    expect(verificationCode(new Uint8Array([248, 255, 30, 31, 61, 62, 100, 200]))).toBe(
      [30, 31, 61, 62, 100, 200].map((b) => VERIFICATION_ALPHABET[b % 31]).join(''),
    );
    expect(() => verificationCode(new Uint8Array([1, 2, 3, 250, 251, 252]))).toThrow(RangeError);
  });

  it('gives every character the same share of byte values', () => {
    const counts = new Map<string, number>();
    for (let b = 0; b < 256; b++) {
      try {
        const c = verificationCode(new Uint8Array([b]), 1);
        counts.set(c, (counts.get(c) ?? 0) + 1);
      } catch {
        /* a skipped byte */
      }
    }
    expect(counts.size).toBe(31);
    expect(new Set(counts.values())).toEqual(new Set([8]));
  });

  it('any bytes give a well-formed code that normalises to itself', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 6, maxLength: 32, max: 247 }), (bytes) => {
      const code = verificationCode(bytes);
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
      expect(normalizeVerificationCode(code.toLowerCase())).toBe(code);
    }));
  });

  it('normalises what people type', () => {
    expect(normalizeVerificationCode(' ab2-3cd ')).toBe('AB23CD');
    expect(normalizeVerificationCode('AB23C0')).toBeNull();
    expect(normalizeVerificationCode('AB23CDE')).toBeNull();
  });
});
