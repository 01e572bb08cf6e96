import fc from 'fast-check';
import { oddString } from './text';

// Path segments for tests/api/bad-input.test.ts, written as they go into the URL, that name
// nothing; and what a period code may look like.

/** Lone surrogates cannot be percent-encoded as UTF-8; their three CESU-8 bytes go instead. */
export function encodeSegment(s: string): string {
  let out = '';
  for (const ch of s) {
    const cu = ch.charCodeAt(0);
    if (ch.length === 1 && cu >= 0xd800 && cu <= 0xdfff)
      out += [0xe0 | (cu >> 12), 0x80 | ((cu >> 6) & 0x3f), 0x80 | (cu & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    else out += encodeURIComponent(ch);
  }
  return out;
}

/** The text the server reads from a segment; an undecodable one stays as written. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Segments written as is: percent escapes, a dot segment, escaped slashes. */
const RAW_SEGMENTS = [
  '',
  '.',
  '%',
  '%2',
  '%ZZ',
  '%00',
  '%2F',
  '%2e%2e%2F',
  '%ED%A0%80',
  '%C0%AF',
  '%FF%FE',
  '%E2%80%8B',
  '%E2%80%AE',
  '%20',
  '%0A',
  '%3F',
  '%23',
];

/** A path segment that names nothing: `names(text)` says whether a decoded text might name something. */
export function badSegment(
  names: (text: string) => boolean,
  examples: readonly string[],
  extra: fc.Arbitrary<string>,
): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.constantFrom(...RAW_SEGMENTS),
      extra.map(encodeSegment),
      oddString.map(encodeSegment),
      fc
        .tuple(
          fc.constantFrom(...examples),
          fc.constantFrom('%20', '%E2%80%8B', '%00', '.', '%2F', '~', '%CC%81', '%EF%BB%BF', '%0A'),
        )
        .map(([k, s]) => `${encodeSegment(k)}${s}`),
      fc
        .tuple(
          fc.constantFrom('%20', '%E2%80%8B', '%EF%BB%BF', '+', '0', '-', '%E2%80%8F', '%09'),
          fc.constantFrom(...examples),
        )
        .map(([s, k]) => `${s}${encodeSegment(k)}`),
    )
    .filter((s) => !names(decodeSegment(s)) && !climbs(s));
}

/**
 * A segment the URL parser reads as "..": the request would go up a level before it is sent
 * ("/api/results/../../2026" is "/2026"), leaving the API, so the server never sees it.
 */
const climbs = (segment: string) => segment.replace(/%2e/gi, '.') === '..';

/** Unit ids that name no unit: negatives, zeros in front, decimals, huge, other digits, words. */
export const badIdText = (known: ReadonlySet<string>): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.constantFrom(
        '0',
        '-1',
        '-0',
        '01',
        '001',
        '1.0',
        '1e1',
        '+1',
        '0x1',
        ' 1',
        '1 ',
        '1,2',
        '١',
        '１',
        '¹',
        'Ⅰ',
        'abc',
        'null',
        'undefined',
        'NaN',
        'Infinity',
        'true',
        '[1]',
        '{}',
      ),
      fc.integer({ min: 1000, max: Number.MAX_SAFE_INTEGER }).map(String),
      fc.bigInt({ min: 10n ** 16n, max: 10n ** 40n }).map(String),
      fc.integer({ min: 10_000, max: 11_000 }).map((n) => '9'.repeat(n)),
      fc.integer({ min: -1_000_000, max: -1 }).map(String),
    )
    .filter((s) => !known.has(s));

/** Indicator codes that name no indicator: another case, spaces, look-alike letters, too long. */
export const badCodeText = (known: ReadonlySet<string>): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.constantFrom(
        'NOPE',
        'KHONG_CO',
        'X',
        'A'.repeat(41),
        'DV-HTT',
        'DV HTT',
        'ĐV_HTT',
        'DV_HTT_',
        '_',
        '__',
        'dv_htt',
        'Dv_Htt',
        'DV_НТТ',
      ),
      fc.constantFrom(...known).map((c) => c.toLowerCase()),
      fc.stringMatching(/^[A-Z0-9_]{2,40}$/),
    )
    .filter((s) => !known.has(s));

const PERIOD_SHAPE = /^(\d{4})(?:-H[12]|-Q[1-4])?$|^(NH|NK)(\d{4})-(\d{4})$/;

/**
 * Whether a text might be a period code, read from docs/rules.md rather than from the server's
 * parser: its shape, years from 1900 to 2199, a school year of one year, a term of a few
 * years (generous at the edges, so that only codes surely wrong are taken as wrong).
 */
export function mayBePeriod(text: string): boolean {
  const m = PERIOD_SHAPE.exec(text);
  if (!m) return false;
  const years = (m[1] ? [m[1]] : [m[3]!, m[4]!]).map(Number);
  if (years.some((y) => y < 1900 || y > 2199)) return false;
  if (m[2] === 'NH') return years[1]! - years[0]! === 1;
  if (m[2] === 'NK') return years[1]! - years[0]! >= 1 && years[1]! - years[0]! <= 10;
  return true;
}

/** Period codes that docs/rules.md refuses: another shape, a year out of 1900–2199, a school year that is not one year, a term outside two to ten years. */
export const badPeriodText: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(
      '2023-H3',
      '2023-H0',
      '2023-Q0',
      '2023-Q5',
      '2023-h1',
      '2023-q1',
      '2023 H1',
      '2023H1',
      '2023-',
      '-2023',
      '23',
      '023',
      '20230',
      '２０２３',
      '2023\u200b',
      'Năm 2023',
      '2023/2024',
      'nk2020-2025',
      'NK2020–2025',
      'NH2022/2023',
      'NK2020-2025-',
      'Q1-2023',
      'H1-2023',
      '2023-01',
      '2023-M1',
    ),
    fc.integer({ min: 0, max: 1899 }).map((y) => String(y).padStart(4, '0')),
    fc.integer({ min: 2200, max: 9999 }).map(String),
    fc
      .tuple(fc.integer({ min: 2200, max: 9999 }), fc.constantFrom('-H1', '-Q2', ''))
      .map(([y, s]) => `${y}${s}`),
    fc
      .tuple(
        fc.integer({ min: 1900, max: 2190 }),
        fc.integer({ min: -5, max: 9 }).filter((k) => k !== 1),
      )
      .map(([y, k]) => `NH${y}-${y + k}`),
    fc
      .tuple(
        fc.integer({ min: 1900, max: 2150 }),
        fc.oneof(fc.integer({ min: -5, max: 0 }), fc.integer({ min: 11, max: 40 })),
      )
      .map(([y, k]) => `NK${y}-${y + k}`),
    oddString,
  )
  .filter((s) => !mayBePeriod(s));
