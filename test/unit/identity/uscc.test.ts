import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { USCC_AUTHORITIES, USCC_CHARS, checkUscc, isUscc, usccCheckChar } from '../../../src/domain/identity/index.js';

describe('checkUscc (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', '9', '1', '350100'], // the standard's example
    ['91440300708461136T', '9', '1', '440300'],
    ['91330100799655058B', '9', '1', '330100'],
    ['914403001922038216', '9', '1', '440300'],
    // computed here: a social organisation (民政/社会团体) in 济南, a central organ (机构编制/机关) at national level
    ['51370100MJD123456' + usccCheckChar('51370100MJD123456'), '5', '1', '370100'],
    ['11100000000013127' + usccCheckChar('11100000000013127'), '1', '1', '100000'],
    ['92370702MA3C4D5E6' + usccCheckChar('92370702MA3C4D5E6'), '9', '2', '370702'], // 个体工商户
  ])('accepts %s', (value, authority, type, areaCode) => {
    expect(checkUscc(value)).toEqual({ ok: true, value, authority, type, areaCode, subjectId: value.slice(8, 17) });
  });

  it('accepts lower case and blanks around the code', () => {
    expect(checkUscc(' 91350100m000100y43 ')).toMatchObject({ ok: true, value: '91350100M000100Y43' });
  });

  const withCheck = (body: string) => body + usccCheckChar(body);
  it.each([
    ['', 'format'],
    ['91350100M000100Y4', 'format'], // 17 characters
    ['91350100M000100Y433', 'format'],
    ['91350100M000100I43', 'format'], // I is not in the set
    ['91350100M000100O43', 'format'],
    ['9135010SM000100Y43', 'format'],
    ['91350100M000100Z43', 'format'],
    ['91350100M000100V43', 'format'],
    ['91350100M000-00Y43', 'format'],
    [withCheck('B1350100M000100Y4'), 'authority'],
    [withCheck('01350100M000100Y4'), 'authority'],
    [withCheck('94350100M000100Y4'), 'type'], // 工商 has types 1, 2, 3
    [withCheck('Y2350100M000100Y4'), 'type'],
    [withCheck('23350100M000100Y4'), 'type'], // 外交 has types 1, 9
    [withCheck('91A50100M000100Y4'), 'area'],
    [withCheck('91990100M000100Y4'), 'area'],
    [withCheck('91100100M000100Y4'), 'area'], // 10 only as 100000
    ['91350100M000100Y44', 'checkChar'],
    ['91440300708461136U', 'checkChar'],
  ])('refuses %s as %s', (value, reason) => {
    const r = checkUscc(value);
    expect(r).toMatchObject({ ok: false, reason });
    if (!r.ok) expect(r.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('usccCheckChar refuses a wrong length or a character outside the set', () => {
    expect(() => usccCheckChar('123')).toThrow(RangeError);
    expect(() => usccCheckChar('91350100M000100I4')).toThrow(RangeError);
  });
});

const pairs = Object.entries(USCC_AUTHORITIES).flatMap(([a, { types }]) => [...types].map((t) => a + t));
const body = fc
  .record({
    head: fc.constantFrom(...pairs),
    area: fc.constantFrom('370702', '110105', '100000', '440300', '650102'),
    subject: fc.array(fc.constantFrom(...USCC_CHARS), { minLength: 9, maxLength: 9 }).map((a) => a.join('')),
  })
  .map(({ head, area, subject }) => head + area + subject);

describe('USCC properties', () => {
  it('a body plus its computed check character always validates', () => {
    fc.assert(fc.property(body, (b) => isUscc(b + usccCheckChar(b))), { numRuns: 500 });
  });

  it('changing any one character to another of the set breaks it', () => {
    fc.assert(
      fc.property(body, fc.nat(17), fc.constantFrom(...USCC_CHARS), (b, pos, c) => {
        const code = b + usccCheckChar(b);
        fc.pre(code[pos] !== c);
        expect(isUscc(code.slice(0, pos) + c + code.slice(pos + 1))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
