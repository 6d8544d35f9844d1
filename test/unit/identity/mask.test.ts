import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from '../../../src/domain/identity/index.js';

describe('masking', () => {
  it.each([
    ['370702199001011234', '3707**********1234'],
    ['11010519491231002X', '1101**********002X'],
    ['370702900101123', '3707*******1123'],
    ['12345678', '********'],
    ['', ''],
  ])('maskIdNumber(%s) = %s', (v, masked) => expect(maskIdNumber(v)).toBe(masked));

  it.each([
    ['13812345678', '138****5678'],
    ['0536-8096000', '0536-****6000'],
    ['', ''],
  ])('maskPhone(%s) = %s', (v, masked) => expect(maskPhone(v)).toBe(masked));

  it.each([
    ['张三', '张*'],
    ['王小明', '王**'],
    ['欧阳娜娜', '欧阳**'],
    ['诸葛亮', '诸葛*'],
    ['欧阳', '欧*'], // two characters: the surname rule would show everything
    ['买买提·艾力', '买**·**'],
    ['李', '*'],
    ['', ''],
  ])('maskName(%s) = %s', (v, masked) => expect(maskName(v)).toBe(masked));

  it('masks keep the length and never show more than 8 characters of an ID number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const m = maskIdNumber(id);
        expect(m).toHaveLength(18);
        expect([...m].filter((c) => c !== '*')).toHaveLength(8);
      }),
    );
  });
});
