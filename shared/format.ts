import type { IndicatorDef } from './indicator';
import { parseDecimalX100, ratioPercentX100, type Value } from './value';

// Vietnamese number and date formats (docs/rules.md, "Numbers, dates and text"): a dot groups
// thousands, a comma marks decimals, and zeros after the comma are dropped. Everything
// works on digit strings, so nothing printed is ever a floating point artefact.

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function formatHundredths(x100: bigint): string {
  const sign = x100 < 0n ? '-' : '';
  const abs = x100 < 0n ? -x100 : x100;
  const whole = groupThousands((abs / 100n).toString());
  const fraction = (abs % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `,${fraction}` : ''}`;
}

/** 123450 -> '1.234,5'; 6667 -> '66,67'. Negative values (a change between periods) keep their sign. */
export function formatX100(x100: number): string {
  if (!Number.isSafeInteger(x100)) throw new RangeError(`formatX100 needs an integer, got ${x100}`);
  return formatHundredths(BigInt(x100));
}

// A JS number's own digits (String(n) is its shortest round-trip form) rounded half up to
// hundredths, as a BigInt.
function numberToX100(n: number): bigint {
  if (!Number.isFinite(n)) throw new RangeError(`formatNumber needs a finite number, got ${n}`);
  const negative = n < 0;
  const text = String(negative ? -n : n);
  let x100: bigint;
  if (text.includes('e')) {
    // Exponent form: either below 1e-6, which is 0 in hundredths, or at least 1e21, a whole number.
    x100 = text.includes('e-') ? 0n : BigInt(negative ? -n : n) * 100n;
  } else {
    const [whole = '0', fraction = ''] = text.split('.');
    const padded = fraction.padEnd(3, '0');
    x100 = BigInt(whole) * 100n + BigInt(padded.slice(0, 2));
    if (padded.charCodeAt(2) >= 53 /* '5' */) x100 += 1n;
  }
  return negative ? -x100 : x100;
}

/** 1234.5 -> '1.234,5'. More than two decimals are rounded half up on the printed digits. */
export function formatNumber(n: number): string {
  return formatHundredths(numberToX100(n));
}

/** 8182 -> '81,82%'. */
export function formatPercentX100(x100: number): string {
  return `${formatX100(x100)}%`;
}

/** A value as a person reads it; a ratio shows the rounded percentage it is judged by. */
export function formatValue(ind: IndicatorDef, v: Value): string {
  switch (v.type) {
    case 'level':
      return v.level;
    case 'ratio':
      return formatPercentX100(ratioPercentX100(v.numerator, v.denominator));
    case 'number':
      return ind.kind === 'count' ? formatX100(v.x100) : formatPercentX100(v.x100);
  }
}

/** '18/20': the counts behind a ratio. */
export function formatRatioParts(v: Value): string | null {
  if (v.type !== 'ratio') return null;
  return `${formatHundredths(BigInt(v.numerator) * 100n)}/${formatHundredths(BigInt(v.denominator) * 100n)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '2025-02-05' -> '05/02/2025'. Anything else is returned as given. */
export function formatDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** '2025-02-05' -> 'ngày 05 tháng 02 năm 2025', as formal reports date themselves. */
export function formatDateLong(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `ngày ${m[3]} tháng ${m[2]} năm ${m[1]}` : iso;
}

/** Formal reports write small counts with two digits ("03 chi bộ", "01 đề tài"). */
export function padCount(n: number): string {
  if (Number.isSafeInteger(n) && n >= 0 && n < 10) return `0${n}`;
  return formatNumber(n);
}

/**
 * How far an entered figure is from what the units below add up to, signed: "+2",
 * "−1,5 điểm %", "±0". Null when either is not a number (a level). Computed in hundredths.
 */
export function formatDifference(
  entered: number | string,
  fromUnits: number | string,
  percent: boolean,
): string | null {
  const a = typeof entered === 'number' ? parseDecimalX100(entered, 2) : null;
  const b = typeof fromUnits === 'number' ? parseDecimalX100(fromUnits, 2) : null;
  if (a === null || b === null) return null;
  const d = a - b;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  return `${sign}${formatX100(Math.abs(d))}${percent ? ' điểm %' : ''}`;
}
