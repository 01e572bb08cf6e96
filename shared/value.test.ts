import { describe, expect, it } from 'vitest';
import type { IndicatorDef } from './indicator';
import {
  checkResultInput,
  checkTargetInput,
  comparable,
  divRoundHalfUp,
  parseDecimalX100,
  ratioPercentX100,
  type Value,
} from './value';

const indicator = (kind: IndicatorDef['kind'], name: string, levels?: string[]): IndicatorDef => ({
  code: kind.toUpperCase(),
  name,
  unitLabel: kind === 'count' ? 'người' : '%',
  kind,
  direction: 'higher',
  timeAggregate: 'none',
  ...(levels ? { levels } : {}),
});

const admitted = indicator('count', 'Số đảng viên mới kết nạp');
const training = indicator('percent', 'Tỷ lệ hoàn thành kế hoạch đào tạo');
const ratedGood = indicator('ratio', 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên');
const cellRating = indicator('level', 'Xếp loại tổ chức đoàn thể', ['Vững mạnh', 'Vững mạnh tiêu biểu']);

describe('decimals are read as integer hundredths, never through floating point', () => {
  it.each([
    { name: 'a whole number', input: 15, x100: 1500 },
    { name: 'zero is a value', input: 0, x100: 0 },
    { name: '66.67 parses to 6667 exactly', input: 66.67, x100: 6667 },
    { name: '66.67 as text', input: '66.67', x100: 6667 },
    { name: 'one decimal', input: 1234.5, x100: 123450 },
    { name: '0.29, where 0.29 * 100 is 28.999999999999996', input: 0.29, x100: 29 },
    { name: '1.15, where 1.15 * 100 is 114.99999999999999', input: 1.15, x100: 115 },
    { name: 'a percent above 100', input: 103, x100: 10300 },
    { name: 'trailing zeros in text are not decimals', input: '1.50', x100: 150 },
    { name: 'leading zeros in text', input: '007', x100: 700 },
    { name: 'surrounding spaces in text', input: ' 12 ', x100: 1200 },
    { name: 'the largest value, 1e12', input: 1_000_000_000_000, x100: 100_000_000_000_000 },
  ])('$name: $input -> $x100', ({ input, x100 }) => {
    expect(parseDecimalX100(input)).toBe(x100);
  });

  it.each([
    { name: '0.1 + 0.2 is 0.30000000000000004: too many decimals', input: 0.1 + 0.2 },
    { name: '1.005 has three decimals', input: 1.005 },
    { name: '1.005 as text', input: '1.005' },
    { name: 'negative', input: -1 },
    { name: 'negative text', input: '-1' },
    { name: 'NaN', input: Number.NaN },
    { name: 'Infinity', input: Number.POSITIVE_INFINITY },
    { name: 'exponent notation in a number', input: 1e21 },
    { name: 'a tiny number printed with an exponent', input: 1e-7 },
    { name: 'exponent notation in text', input: '1e3' },
    { name: 'above 1e12', input: 1_000_000_000_001 },
    { name: 'a decimal comma', input: '66,67' },
    { name: 'a thousands dot and more', input: '1.234.5' },
    { name: 'a bare point', input: '5.' },
    { name: 'a leading point', input: '.5' },
    { name: 'a plus sign', input: '+5' },
    { name: 'empty text', input: '' },
    { name: 'words', input: 'mười' },
    { name: 'a boolean', input: true },
    { name: 'null', input: null },
    { name: 'undefined', input: undefined },
  ])('$name is refused', ({ input }) => {
    expect(parseDecimalX100(input)).toBeNull();
  });

  it.each([
    { name: 'a whole number with no decimals allowed', input: 15, max: 0 as const, x100: 1500 },
    { name: '2.5 with no decimals allowed', input: 2.5, max: 0 as const, x100: null },
    { name: '2.0 as text with no decimals allowed', input: '2.0', max: 0 as const, x100: 200 },
    { name: '2.5 with one decimal allowed', input: 2.5, max: 1 as const, x100: 250 },
    { name: '2.55 with one decimal allowed', input: 2.55, max: 1 as const, x100: null },
  ])('$name', ({ input, max, x100 }) => {
    expect(parseDecimalX100(input, max)).toBe(x100);
  });
});

describe('rounding half up in integers', () => {
  it.each([
    { a: 1, b: 2, q: 1 },
    { a: 1, b: 3, q: 0 },
    { a: 2, b: 3, q: 1 },
    { a: 5, b: 10, q: 1 },
    { a: 4, b: 10, q: 0 },
    { a: 0, b: 7, q: 0 },
    { a: 10n ** 18n, b: 10n ** 4n, q: 10 ** 14 },
  ])('$a / $b -> $q', ({ a, b, q }) => {
    expect(divRoundHalfUp(a, b)).toBe(q);
  });

  it.each([
    { name: 'a zero divisor', a: 1, b: 0 },
    { name: 'a negative dividend', a: -1, b: 2 },
    { name: 'a fraction', a: 1.5, b: 2 },
  ])('refuses $name', ({ a, b }) => {
    expect(() => divRoundHalfUp(a, b)).toThrow(RangeError);
  });
});

describe('a ratio is judged by the percentage it shows, half up to two decimals', () => {
  it.each([
    { name: '3/10 is 30,00%', n: 3, d: 10, x100: 3000 },
    { name: '2/3 is 66,67%', n: 2, d: 3, x100: 6667 },
    { name: '23/160 is 14,38%', n: 23, d: 160, x100: 1438 },
    { name: '201/20000 is 1,01%', n: 201, d: 20000, x100: 101 },
    { name: '29/100 is 29,00%', n: 29, d: 100, x100: 2900 },
    { name: '18/20 is 90,00%', n: 18, d: 20, x100: 9000 },
    { name: '100/100 is 100,00%', n: 100, d: 100, x100: 10000 },
    { name: '0/5 is 0,00%', n: 0, d: 5, x100: 0 },
    { name: '1/8 is 12,50%', n: 1, d: 8, x100: 1250 },
    { name: 'chi bộ A and B together, 10/40, is 25,00%', n: 10, d: 40, x100: 2500 },
    { name: 'huge counts stay exact', n: 2_000_000_000_000, d: 3_000_000_000_000, x100: 6667 },
  ])('$name', ({ n, d, x100 }) => {
    expect(ratioPercentX100(n, d)).toBe(x100);
  });
});

describe('the comparable number of a value', () => {
  const cases: { name: string; ind: IndicatorDef; v: Value; expected: number | null }[] = [
    { name: 'a count in hundredths', ind: admitted, v: { type: 'number', x100: 1500 }, expected: 1500 },
    {
      name: 'a ratio as its rounded percentage',
      ind: ratedGood,
      v: { type: 'ratio', numerator: 2, denominator: 3 },
      expected: 6667,
    },
    {
      name: 'a ratio target as its percentage',
      ind: ratedGood,
      v: { type: 'number', x100: 9000 },
      expected: 9000,
    },
    { name: 'the lowest level is 0', ind: cellRating, v: { type: 'level', level: 'Vững mạnh' }, expected: 0 },
    {
      name: 'a higher level is further up',
      ind: cellRating,
      v: { type: 'level', level: 'Vững mạnh tiêu biểu' },
      expected: 1,
    },
    {
      name: 'a level not on the scale',
      ind: cellRating,
      v: { type: 'level', level: 'Hoàn thành nhiệm vụ' },
      expected: null,
    },
    {
      name: 'a number for a level indicator',
      ind: cellRating,
      v: { type: 'number', x100: 100 },
      expected: null,
    },
    {
      name: 'a level for a count indicator',
      ind: admitted,
      v: { type: 'level', level: 'Vững mạnh' },
      expected: null,
    },
    {
      name: 'a ratio with a zero denominator',
      ind: ratedGood,
      v: { type: 'ratio', numerator: 0, denominator: 0 },
      expected: null,
    },
  ];
  it.each(cases)('$name', ({ ind, v, expected }) => {
    expect(comparable(ind, v)).toBe(expected);
  });
});

describe('checking a target as entered', () => {
  it.each([
    { name: 'count: a whole number', ind: admitted, input: 15, value: { type: 'number', x100: 1500 } },
    { name: 'count: zero', ind: admitted, input: 0, value: { type: 'number', x100: 0 } },
    { name: 'count: text digits', ind: admitted, input: '3', value: { type: 'number', x100: 300 } },
    { name: 'percent: two decimals', ind: training, input: 66.67, value: { type: 'number', x100: 6667 } },
    { name: 'percent: above 100', ind: training, input: 103, value: { type: 'number', x100: 10300 } },
    { name: 'ratio: a percentage', ind: ratedGood, input: 90, value: { type: 'number', x100: 9000 } },
    { name: 'ratio: exactly 100%', ind: ratedGood, input: 100, value: { type: 'number', x100: 10000 } },
    { name: 'ratio: 66.67%', ind: ratedGood, input: '66.67', value: { type: 'number', x100: 6667 } },
    {
      name: 'level: one of the levels',
      ind: cellRating,
      input: 'Vững mạnh',
      value: { type: 'level', level: 'Vững mạnh' },
    },
  ])('accepts $name', ({ ind, input, value }) => {
    expect(checkTargetInput(ind, input)).toEqual({ ok: true, value });
  });

  it.each([
    {
      name: 'count: 2.5 is not whole',
      ind: admitted,
      input: 2.5,
      message: 'Chỉ tiêu "Số đảng viên mới kết nạp" tính bằng số nguyên không âm; giá trị 2.5 không hợp lệ.',
    },
    {
      name: 'count: negative',
      ind: admitted,
      input: -3,
      message: 'Chỉ tiêu "Số đảng viên mới kết nạp" tính bằng số nguyên không âm; giá trị -3 không hợp lệ.',
    },
    {
      name: 'count: missing',
      ind: admitted,
      input: undefined,
      message: 'Chỉ tiêu "Số đảng viên mới kết nạp" tính bằng số nguyên không âm; chưa nhập giá trị.',
    },
    {
      name: 'percent: three decimals',
      ind: training,
      input: 1.005,
      message:
        'Chỉ tiêu "Tỷ lệ hoàn thành kế hoạch đào tạo" tính bằng tỷ lệ phần trăm không âm, có nhiều nhất hai chữ số thập phân; giá trị 1.005 không hợp lệ.',
    },
    {
      name: 'percent: 0.1 + 0.2 carries a float error',
      ind: training,
      input: 0.1 + 0.2,
      message:
        'Chỉ tiêu "Tỷ lệ hoàn thành kế hoạch đào tạo" tính bằng tỷ lệ phần trăm không âm, có nhiều nhất hai chữ số thập phân; giá trị 0.30000000000000004 không hợp lệ.',
    },
    {
      name: 'ratio: above 100%',
      ind: ratedGood,
      input: 100.01,
      message:
        'Chỉ tiêu "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên" có kế hoạch là tỷ lệ phần trăm từ 0 đến 100, có nhiều nhất hai chữ số thập phân; giá trị 100.01 không hợp lệ.',
    },
    {
      name: 'level: not one of the levels',
      ind: cellRating,
      input: 'vững mạnh',
      message:
        'Chỉ tiêu "Xếp loại tổ chức đoàn thể" xếp loại theo một trong các mức "Vững mạnh", "Vững mạnh tiêu biểu"; giá trị "vững mạnh" không hợp lệ.',
    },
    {
      name: 'level: a number',
      ind: cellRating,
      input: 1,
      message:
        'Chỉ tiêu "Xếp loại tổ chức đoàn thể" xếp loại theo một trong các mức "Vững mạnh", "Vững mạnh tiêu biểu"; giá trị 1 không hợp lệ.',
    },
  ])('refuses $name', ({ ind, input, message }) => {
    expect(checkTargetInput(ind, input)).toEqual({ ok: false, field: 'value', message });
  });
});

describe('checking a result as entered', () => {
  it.each([
    {
      name: 'ratio: 18 of 20',
      ind: ratedGood,
      input: { numerator: 18, denominator: 20 },
      value: { type: 'ratio', numerator: 18, denominator: 20 },
    },
    {
      name: 'ratio: 0 of 5, zero is a value',
      ind: ratedGood,
      input: { numerator: 0, denominator: 5 },
      value: { type: 'ratio', numerator: 0, denominator: 5 },
    },
    {
      name: 'ratio: all of them',
      ind: ratedGood,
      input: { numerator: 100, denominator: 100 },
      value: { type: 'ratio', numerator: 100, denominator: 100 },
    },
    { name: 'count: zero', ind: admitted, input: { value: 0 }, value: { type: 'number', x100: 0 } },
    { name: 'percent: 103', ind: training, input: { value: 103 }, value: { type: 'number', x100: 10300 } },
    {
      name: 'level: one of the levels',
      ind: cellRating,
      input: { value: 'Vững mạnh tiêu biểu' },
      value: { type: 'level', level: 'Vững mạnh tiêu biểu' },
    },
  ])('accepts $name', ({ ind, input, value }) => {
    expect(checkResultInput(ind, input)).toEqual({ ok: true, value });
  });

  it.each([
    {
      name: 'ratio: a value instead of the two counts',
      ind: ratedGood,
      input: { value: 90 },
      field: 'value',
    },
    {
      name: 'ratio: a value beside the two counts',
      ind: ratedGood,
      input: { value: 90, numerator: 9, denominator: 10 },
      field: 'value',
    },
    { name: 'ratio: no numerator', ind: ratedGood, input: { denominator: 10 }, field: 'numerator' },
    { name: 'ratio: no denominator', ind: ratedGood, input: { numerator: 1 }, field: 'denominator' },
    {
      name: 'ratio: a fractional numerator',
      ind: ratedGood,
      input: { numerator: 1.5, denominator: 10 },
      field: 'numerator',
    },
    {
      name: 'ratio: a negative numerator',
      ind: ratedGood,
      input: { numerator: -1, denominator: 10 },
      field: 'numerator',
    },
    {
      name: 'ratio: a zero denominator',
      ind: ratedGood,
      input: { numerator: 0, denominator: 0 },
      field: 'denominator',
    },
    {
      name: 'ratio: a fractional denominator',
      ind: ratedGood,
      input: { numerator: 1, denominator: 2.5 },
      field: 'denominator',
    },
    {
      name: 'ratio: numerator above denominator',
      ind: ratedGood,
      input: { numerator: 21, denominator: 20 },
      field: 'numerator',
    },
    { name: 'count: no value', ind: admitted, input: {}, field: 'value' },
    { name: 'count: 2.5', ind: admitted, input: { value: 2.5 }, field: 'value' },
    {
      name: 'count: a numerator given',
      ind: admitted,
      input: { value: 3, numerator: 3 },
      field: 'numerator',
    },
    {
      name: 'percent: a denominator given',
      ind: training,
      input: { value: 3, denominator: 3 },
      field: 'denominator',
    },
    { name: 'percent: three decimals', ind: training, input: { value: 1.005 }, field: 'value' },
    { name: 'level: not a level', ind: cellRating, input: { value: 'Khá' }, field: 'value' },
  ])('refuses $name (field $field)', ({ ind, input, field }) => {
    const checked = checkResultInput(ind, input);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.field).toBe(field);
    // A full Vietnamese sentence naming the field's meaning.
    const meaning = { value: 'Giá trị', numerator: 'Tử số', denominator: 'Mẫu số' }[field];
    expect(checked.message.startsWith(meaning!)).toBe(true);
    expect(checked.message).toContain(`"${ind.name}"`);
    expect(checked.message.endsWith('.')).toBe(true);
  });

  it.each([
    {
      name: 'numerator above denominator',
      input: { numerator: 21, denominator: 20 },
      message:
        'Tử số của chỉ tiêu "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên" không được lớn hơn mẫu số (21 lớn hơn 20).',
    },
    {
      name: 'a zero denominator',
      input: { numerator: 0, denominator: 0 },
      message:
        'Mẫu số của chỉ tiêu "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên" phải là số nguyên từ 1 trở lên; 0 không hợp lệ.',
    },
  ])('says why, for $name', ({ input, message }) => {
    expect(checkResultInput(ratedGood, input)).toMatchObject({ ok: false, message });
  });
});
