import type { IndicatorDef } from './indicator';

// Values as stored and compared. Decimals live as integer hundredths ("x100"), so that
// 66,67 is 6667 and every comparison is exact (docs/rules.md, "The judgement", step 2).
// A ratio indicator's target is a percentage and therefore a number value too.
export type Value =
  | { type: 'number'; x100: number }
  | { type: 'ratio'; numerator: number; denominator: number }
  | { type: 'level'; level: string };

/** The largest value accepted anywhere: far above any real count, well inside exact integers. */
export const MAX_DECIMAL = 1_000_000_000_000;
const MAX_X100 = MAX_DECIMAL * 100;

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * Reads a decimal as integer hundredths without floating point arithmetic: a JS number is
 * read through String(n), its shortest round-trip form, so 0.1 + 0.2 shows its true digits
 * (0.30000000000000004) and is refused instead of being silently rounded to 0,3. Trailing
 * zeros after the point carry no precision and do not count as decimals ('1.50' is 1,5).
 * Strings are trimmed; exponents, signs and commas are refused.
 */
export function parseDecimalX100(input: unknown, maxDecimals: 0 | 1 | 2 = 2): number | null {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    text = String(input);
  } else if (typeof input === 'string') {
    text = input.trim();
  } else {
    return null;
  }
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const whole = m[1]!.replace(/^0+(?=\d)/, '');
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > maxDecimals) return null;
  if (whole.length > 13) return null;
  // Both parts are integers below 2^53, so this arithmetic is exact.
  const x100 = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return x100 > MAX_X100 ? null : x100;
}

/** a / b rounded half up, for non-negative integers a and b > 0, computed in BigInt. */
export function divRoundHalfUp(a: bigint | number, b: bigint | number): number {
  const n = BigInt(a);
  const d = BigInt(b);
  if (n < 0n || d <= 0n) throw new RangeError(`divRoundHalfUp needs a >= 0 and b > 0, got ${a}/${b}`);
  const q = (2n * n + d) / (2n * d);
  if (q > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`divRoundHalfUp result too large: ${q}`);
  return Number(q);
}

/**
 * The percentage a ratio shows, half up to two decimals, in hundredths: 2/3 -> 6667.
 * What is judged is exactly what is shown (docs/rules.md).
 */
export function ratioPercentX100(numerator: number, denominator: number): number {
  return divRoundHalfUp(BigInt(numerator) * 10000n, BigInt(denominator));
}

/**
 * The number a value is compared by: hundredths for numbers, the shown percentage for a
 * ratio, the position on the scale for a level. Null when the value cannot be read for this
 * indicator (a level not on its scale, a number given to a level indicator).
 */
export function comparable(ind: IndicatorDef, v: Value): number | null {
  switch (v.type) {
    case 'number':
      return ind.kind === 'level' ? null : v.x100;
    case 'ratio':
      if (ind.kind === 'level') return null;
      if (!Number.isSafeInteger(v.numerator) || !Number.isSafeInteger(v.denominator)) return null;
      if (v.numerator < 0 || v.denominator < 1) return null;
      return ratioPercentX100(v.numerator, v.denominator);
    case 'level': {
      if (ind.kind !== 'level') return null;
      const i = (ind.levels ?? []).indexOf(v.level);
      return i < 0 ? null : i;
    }
  }
}

export type CheckResult<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

const absent = (v: unknown) => v === undefined || v === null;

// How a refused input is quoted back in a message.
function shownInput(v: unknown): string {
  const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
  if (typeof v === 'string') return `"${clip(v)}"`;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  try {
    return clip(JSON.stringify(v) ?? String(v));
  } catch {
    return String(v);
  }
}

const levelList = (ind: IndicatorDef) => (ind.levels ?? []).map((l) => `"${l}"`).join(', ');

// What a value of each kind must be, phrased to follow "tính bằng" / "phải là".
const EXPECTED = {
  count: 'số nguyên không âm',
  percent: 'tỷ lệ phần trăm không âm, có nhiều nhất hai chữ số thập phân',
  ratioTarget: 'tỷ lệ phần trăm từ 0 đến 100, có nhiều nhất hai chữ số thập phân',
  ratioNumerator: 'số nguyên không âm',
  ratioDenominator: 'số nguyên từ 1 trở lên',
} as const;

type Read = { ok: true; value: Value } | { ok: false };

// Reads one entered value of a count, percent or level indicator; ratio targets too.
function readValue(ind: IndicatorDef, input: unknown): Read {
  switch (ind.kind) {
    case 'count': {
      const x100 = parseDecimalX100(input, 0);
      return x100 === null ? { ok: false } : { ok: true, value: { type: 'number', x100 } };
    }
    case 'percent': {
      const x100 = parseDecimalX100(input, 2);
      return x100 === null ? { ok: false } : { ok: true, value: { type: 'number', x100 } };
    }
    case 'ratio': {
      const x100 = parseDecimalX100(input, 2);
      return x100 === null || x100 > 10000 ? { ok: false } : { ok: true, value: { type: 'number', x100 } };
    }
    case 'level':
      return typeof input === 'string' && (ind.levels ?? []).includes(input)
        ? { ok: true, value: { type: 'level', level: input } }
        : { ok: false };
  }
}

function targetExpectation(ind: IndicatorDef): string {
  switch (ind.kind) {
    case 'count':
      return `tính bằng ${EXPECTED.count}`;
    case 'percent':
      return `tính bằng ${EXPECTED.percent}`;
    case 'ratio':
      return `có kế hoạch là ${EXPECTED.ratioTarget}`;
    case 'level':
      return `xếp loại theo một trong các mức ${levelList(ind)}`;
  }
}

function resultExpectation(ind: IndicatorDef): string {
  switch (ind.kind) {
    case 'count':
      return EXPECTED.count;
    case 'percent':
      return EXPECTED.percent;
    case 'ratio':
      return `${EXPECTED.ratioNumerator} kèm mẫu số`;
    case 'level':
      return `một trong các mức ${levelList(ind)}`;
  }
}

const noLevels = (ind: IndicatorDef) => ind.kind === 'level' && (ind.levels ?? []).length === 0;

const refuse = <T>(field: string, message: string): CheckResult<T> => ({ ok: false, field, message });

/** Checks a target (kế hoạch) as entered: docs/rules.md, "Kinds and their values". */
export function checkTargetInput(ind: IndicatorDef, value: unknown): CheckResult<Value> {
  const name = `Chỉ tiêu "${ind.name}"`;
  if (noLevels(ind)) return refuse('value', `${name} chưa có các mức xếp loại nên chưa thể giao chỉ tiêu.`);
  if (absent(value)) return refuse('value', `${name} ${targetExpectation(ind)}; chưa nhập giá trị.`);
  const read = readValue(ind, value);
  if (!read.ok) {
    return refuse('value', `${name} ${targetExpectation(ind)}; giá trị ${shownInput(value)} không hợp lệ.`);
  }
  return read;
}

/**
 * Checks a result (kết quả thực hiện) as entered: a ratio takes numerator and denominator
 * and no value; every other kind takes a value and neither of the two.
 */
export function checkResultInput(
  ind: IndicatorDef,
  input: { value?: unknown; numerator?: unknown; denominator?: unknown },
): CheckResult<Value> {
  const of = `của chỉ tiêu "${ind.name}"`;
  if (ind.kind === 'ratio') {
    if (!absent(input.value)) {
      return refuse(
        'value',
        `Giá trị không dùng cho chỉ tiêu tỷ lệ "${ind.name}": hãy nhập tử số và mẫu số thay cho giá trị.`,
      );
    }
    if (absent(input.numerator)) {
      return refuse('numerator', `Tử số ${of} chưa được nhập: cần một ${EXPECTED.ratioNumerator}.`);
    }
    const n = parseDecimalX100(input.numerator, 0);
    if (n === null) {
      return refuse(
        'numerator',
        `Tử số ${of} phải là ${EXPECTED.ratioNumerator}; ${shownInput(input.numerator)} không hợp lệ.`,
      );
    }
    if (absent(input.denominator)) {
      return refuse('denominator', `Mẫu số ${of} chưa được nhập: cần một ${EXPECTED.ratioDenominator}.`);
    }
    const d = parseDecimalX100(input.denominator, 0);
    if (d === null || d < 100) {
      return refuse(
        'denominator',
        `Mẫu số ${of} phải là ${EXPECTED.ratioDenominator}; ${shownInput(input.denominator)} không hợp lệ.`,
      );
    }
    const numerator = n / 100;
    const denominator = d / 100;
    if (numerator > denominator) {
      return refuse(
        'numerator',
        `Tử số ${of} không được lớn hơn mẫu số (${numerator} lớn hơn ${denominator}).`,
      );
    }
    return { ok: true, value: { type: 'ratio', numerator, denominator } };
  }

  for (const field of ['numerator', 'denominator'] as const) {
    if (!absent(input[field])) {
      const label = field === 'numerator' ? 'Tử số' : 'Mẫu số';
      return refuse(
        field,
        `${label} chỉ dùng cho chỉ tiêu tỷ lệ; chỉ tiêu "${ind.name}" cần nhập một giá trị.`,
      );
    }
  }
  if (noLevels(ind))
    return refuse('value', `Giá trị ${of} chưa thể nhập vì chỉ tiêu chưa có các mức xếp loại.`);
  if (absent(input.value)) {
    return refuse('value', `Giá trị ${of} chưa được nhập: cần ${resultExpectation(ind)}.`);
  }
  const read = readValue(ind, input.value);
  if (!read.ok) {
    return refuse(
      'value',
      `Giá trị ${of} phải là ${resultExpectation(ind)}; ${shownInput(input.value)} không hợp lệ.`,
    );
  }
  return read;
}

/** A value back from its JSON form in an answer (a number, a level's name, or a ratio's parts). */
export function valueFromJson(
  ind: IndicatorDef,
  v: {
    value: number | string | null;
    numerator?: number | undefined;
    denominator?: number | undefined;
  } | null,
): Value | null {
  if (!v || v.value === null) return null;
  if (v.numerator !== undefined && v.denominator !== undefined)
    return { type: 'ratio', numerator: v.numerator, denominator: v.denominator };
  if (ind.kind === 'level') return typeof v.value === 'string' ? { type: 'level', level: v.value } : null;
  const x100 = parseDecimalX100(v.value, 2);
  return x100 === null ? null : { type: 'number', x100 };
}
