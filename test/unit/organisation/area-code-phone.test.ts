import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAreaCode } from '../../../src/domain/organisation/area-code.js';
import { isPhone, maskPhone, PHONE_RE } from '../../../src/domain/organisation/phone.js';

describe('area codes', () => {
  it('accepts six digits with a real province prefix', () => {
    expect(checkAreaCode('370700', null)).toEqual([]);
    expect(checkAreaCode('110101', null)).toEqual([]);
    expect(checkAreaCode('820000', null)).toEqual([]);
  });

  it('refuses other shapes, naming the field', () => {
    for (const bad of ['37070', '3707000', '37070a', ' 370700', '']) {
      expect(checkAreaCode(bad, null)).toEqual([expect.objectContaining({ field: 'areaCode', messageEn: 'The area code must be 6 digits' })]);
    }
    expect(checkAreaCode('990000', null, 'x')[0]).toMatchObject({ field: 'x', message: expect.stringContaining('99') });
    expect(checkAreaCode('100000', null)).toHaveLength(1);
  });

  it("keeps a child in its parent's province", () => {
    expect(checkAreaCode('370791', '370700')).toEqual([]);
    expect(checkAreaCode('410791', '370700')[0].messageEn).toContain('start with 37');
  });
});

describe('phones', () => {
  it('knows mainland mobiles and landlines with area codes', () => {
    for (const ok of ['13800000000', '19912345678', '010-12345678', '0536-8096000', '05368096000', '0531-86660000-123']) {
      expect(isPhone(ok), ok).toBe(true);
      expect(PHONE_RE.test(ok)).toBe(true);
    }
    for (const bad of ['12800000000', '1380000000', '8096000', '0536-809', '+8613800000000', '138 0000 0000']) {
      expect(isPhone(bad), bad).toBe(false);
    }
    expect(PHONE_RE.test('')).toBe(true);
  });

  it('masks the middle for lists', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0536-8096000')).toBe('0536-****6000');
    expect(maskPhone('')).toBe('');
    expect(maskPhone('12345')).toBe('*****');
  });

  it('never shows the four digits in the middle of a mobile', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (m) => {
        const masked = maskPhone(m);
        expect(masked).toHaveLength(11);
        expect(masked.slice(3, 7)).toBe('****');
        expect(masked.slice(0, 3) + m.slice(3, 7) + masked.slice(7)).toBe(m);
      }),
    );
  });
});
