import { describe, expect, it } from 'vitest';
import { readVietnameseDecimal, toVietnameseInput } from './vietnamese-number';

describe('numbers typed the Vietnamese way', () => {
  it('reads a decimal comma and thousands dots', () => {
    expect(readVietnameseDecimal('103,5')).toBe('103.5');
    expect(readVietnameseDecimal('1.234,5')).toBe('1234.5');
    expect(readVietnameseDecimal('1.500')).toBe('1500');
    expect(readVietnameseDecimal(' 90 ')).toBe('90');
    expect(readVietnameseDecimal('92,5%')).toBe('92.5');
    expect(readVietnameseDecimal('1 500')).toBe('1500');
  });

  it('refuses a dot as decimal mark and anything else that is not a number', () => {
    expect(readVietnameseDecimal('103.5')).toBeNull();
    expect(readVietnameseDecimal('1.23.4')).toBeNull();
    expect(readVietnameseDecimal('-3')).toBeNull();
    expect(readVietnameseDecimal('abc')).toBeNull();
    expect(readVietnameseDecimal('')).toBeNull();
    expect(readVietnameseDecimal('1,2,3')).toBeNull();
  });

  it('writes a server value back as it would be typed', () => {
    expect(toVietnameseInput(103.5)).toBe('103,5');
    expect(toVietnameseInput(1500)).toBe('1.500');
    expect(toVietnameseInput(90)).toBe('90');
    expect(toVietnameseInput(66.67)).toBe('66,67');
    expect(toVietnameseInput('Khá')).toBe('Khá');
  });
});
