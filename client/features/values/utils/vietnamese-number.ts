import { formatX100 } from '../../../../shared/format';
import { parseDecimalX100 } from '../../../../shared/value';

// Numbers are typed the Vietnamese way: a comma marks the decimals and a dot groups the
// thousands ("1.234,5"). The shared rules read plain decimals ("1234.5"), so what is typed is
// turned into that form first. A dot is never taken for a decimal mark: "103.5" is refused
// rather than silently read as 1.035 or 103,5.

const VIETNAMESE = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;

/**
 * "1.234,5" -> "1234.5", "103,5" -> "103.5", "90" -> "90", "92,5%" -> "92.5"; null when the
 * text is not a number written this way. Spaces are ignored.
 */
export function readVietnameseDecimal(text: string): string | null {
  const compact = text.replace(/[\s\u00a0]+/g, '').replace(/%$/, '');
  const m = VIETNAMESE.exec(compact);
  if (!m) return null;
  const whole = m[1]!.replaceAll('.', '');
  return m[2] === undefined ? whole : `${whole}.${m[2]}`;
}

/** A number from the server (90, 103.5, 1500) as a person would type it: "90", "103,5", "1.500". */
export function toVietnameseInput(value: number | string): string {
  const x100 = parseDecimalX100(typeof value === 'number' ? value : value.trim(), 2);
  return x100 === null ? String(value) : formatX100(x100);
}
