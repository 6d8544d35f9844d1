import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdNumber, idNumberCheckChar, isIdNumber } from '../../../src/domain/identity/index.js';

const TODAY = '2025-06-01';

describe('checkIdNumber (GB 11643-1999)', () => {
  it.each([
    // the standard's own examples
    ['11010519491231002X', '110105', '1949-12-31', 'female'],
    ['440524188001010014', '440524', '1880-01-01', 'male'],
    // computed here: 潍坊 奎文区, born 1990-01-01
    ['370702199001011234', '370702', '1990-01-01', 'male'],
    ['37070220000229002' + idNumberCheckChar('37070220000229002'), '370702', '2000-02-29', 'female'],
    // a Hong Kong resident's residence permit
    ['81000019850315003' + idNumberCheckChar('81000019850315003'), '810000', '1985-03-15', 'male'],
  ])('accepts %s', (value, areaCode, birthDate, sex) => {
    expect(checkIdNumber(value, TODAY)).toEqual({ ok: true, value, areaCode, birthDate, sex });
  });

  it('accepts a lower-case x and blanks around the number, returning the normalised value', () => {
    const r = checkIdNumber('  11010519491231002x ', TODAY);
    expect(r).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('accepts a child born today, refuses one born tomorrow', () => {
    const body = '37070220250601001';
    const id = body + idNumberCheckChar(body);
    expect(isIdNumber(id, '2025-06-01')).toBe(true);
    expect(checkIdNumber(id, '2025-05-31')).toMatchObject({ ok: false, reason: 'futureBirthDate' });
  });

  const withCheck = (body: string) => body + idNumberCheckChar(body);
  it.each([
    ['', 'format'],
    ['37070219900101123', 'format'], // 17 characters
    ['3707021990010112345', 'format'], // 19 characters
    ['37070219900101123A', 'format'],
    ['X70702199001011234', 'format'],
    ['370702900101123', 'legacy15'],
    [withCheck('00070219900101123'), 'region'], // no province 00
    [withCheck('99070219900101123'), 'region'],
    [withCheck('37000019900101123'), 'region'], // prefecture 00
    [withCheck('81010119900101123'), 'region'], // a permit code is 810000 exactly
    [withCheck('37070219900230123'), 'birthDate'], // 30 February
    [withCheck('37070219901301123'), 'birthDate'], // month 13
    [withCheck('37070219010229123'), 'birthDate'], // 1901 is not a leap year
    [withCheck('37070217991231123'), 'birthDate'], // before 1800
    [withCheck('37070220300101123'), 'futureBirthDate'],
    ['370702199001011235', 'checkDigit'],
    ['110105194912310020', 'checkDigit'],
  ])('refuses %s as %s, with messages in both languages', (value, reason) => {
    const r = checkIdNumber(value, TODAY);
    expect(r).toMatchObject({ ok: false, reason });
    if (!r.ok) {
      expect(r.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.en).toMatch(/[a-z]/);
    }
  });

  it('idNumberCheckChar refuses a body that is not 17 digits', () => {
    expect(() => idNumberCheckChar('1234')).toThrow(RangeError);
  });
});

/** A real-looking body: a Shandong prefecture, a birth date 1900–2025 and a sequence. */
const body = fc
  .record({
    region: fc.constantFrom('370702', '110105', '440305', '510104', '650102'),
    day: fc.integer({ min: 0, max: 45_000 }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, day, seq }) => {
    const d = new Date(Date.UTC(1900, 0, 1) + day * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    return `${region}${d}${String(seq).padStart(3, '0')}`;
  });

describe('ID number properties', () => {
  it('a body plus its computed check character always validates, with the sex from the 17th digit', () => {
    fc.assert(
      fc.property(body, (b) => {
        const r = checkIdNumber(b + idNumberCheckChar(b), '2030-01-01');
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.sex).toBe(Number(b[16]) % 2 === 1 ? 'male' : 'female');
      }),
      { numRuns: 500 },
    );
  });

  it('changing any one character breaks it', () => {
    const alphabet = '0123456789X'.split('');
    fc.assert(
      fc.property(body, fc.nat(17), fc.constantFrom(...alphabet), (b, pos, c) => {
        const id = b + idNumberCheckChar(b);
        fc.pre(id[pos] !== c);
        const changed = id.slice(0, pos) + c + id.slice(pos + 1);
        expect(checkIdNumber(changed, '2030-01-01').ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('swapping two different adjacent digits of the body breaks it', () => {
    fc.assert(
      fc.property(body, fc.nat(15), (b, pos) => {
        fc.pre(b[pos] !== b[pos + 1]);
        const id = b + idNumberCheckChar(b);
        const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2);
        expect(checkIdNumber(swapped, '2030-01-01').ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
