import { describe, expect, it } from 'vitest';
import { percentCellText, readDecimalCell } from './import-export';

describe('a number typed in a cell', () => {
  it.each([
    ['92.5', '92.5'],
    ['92,5', '92.5'],
    [' 1500 ', '1500'],
    ['0,25', '0.25'],
    ['66.67', '66.67'],
    ['0.1234', '0.1234'],
    ['abc', 'abc'],
    ['-3', '-3'],
  ])('"%s" is read as %s', (typed, read) => {
    expect(readDecimalCell(typed)).toEqual({ ok: true, text: read });
  });

  it.each(['1.500', '1,500', '92.125', '1.234.567', '1,234.5', '1.2.3'])(
    '"%s" is refused, never guessed',
    (typed) => {
      const read = readDecimalCell(typed);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.message).toContain(`"${typed}"`);
    },
  );
});

describe('a spreadsheet cell formatted as a percentage', () => {
  it.each([
    [0.925, '92.5'],
    [1, '100'],
    [0.5, '50'],
    [0.6667, '66.67'],
    [1.035, '103.5'],
    [0, '0'],
    [0.00125, '0.125'],
  ])('%s is %s%%', (cell, percent) => {
    expect(percentCellText(cell)).toBe(percent);
  });
});
