import fc from 'fast-check';
import { VIETNAMESE } from './expect';

// Building blocks for tests/api/bad-input.test.ts: values that a field refuses whatever the
// rest of the request holds, broken JSON, broken path segments, and the check that a refusal
// is worded as the contract says. Every generator here is meant to produce input that is
// wrong on its own, so that a request holding one of them, however it is combined, must be
// refused.

/** A piece of JSON written as is: what JSON.stringify cannot write (1e999, 1E+400). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may hold RawJson pieces; own "__proto__" keys are kept. */
export function toJson(v: unknown): string {
  if (v instanceof RawJson) return v.text;
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .map((k) => `${JSON.stringify(k)}:${toJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** Sets a key as an own property, even "__proto__", which plain assignment would not. */
export function setKey(o: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true });
}

/** A deep copy of a body, own "__proto__" keys included. */
export function copy<T>(v: T): T {
  if (v instanceof RawJson || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(copy) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) setKey(out, k, copy((v as Record<string, unknown>)[k]));
  return out as T;
}

// ---------------------------------------------------------------------------------------
// Strings.

/** Odd pieces of text: controls, broken and invisible Unicode, markup, words that look like code. */
export const ODD_PIECES = [
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\ud800',
  '\udfff',
  '\udbff\udbff',
  '\u200b',
  '\u200c\u200d',
  '\u200e',
  '\u200f',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u00ad',
  '\u0301',
  'e\u0301\u0302\u0303\u0304',
  'a\u0338\u0336\u0335',
  '\u00a0',
  '\u3000',
  '\n',
  '\r\n',
  '\t',
  ' ',
  '🇻🇳',
  '👨‍👩‍👧',
  '𝔄',
  'ǅ',
  'İ',
  'ﬁ',
  '%',
  '%00',
  '"',
  "'",
  '\\',
  '/',
  '..',
  '<script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a placeholder sent as plain text is the point
  '${x}',
  '{{x}}',
  '); DROP TABLE units; --',
  '[object Object]',
  'undefined',
  'null',
  'NaN',
  '-Infinity',
  '__proto__',
  'العربية',
  'עברית',
  'Đảng',
] as const;

/** Strings made of odd pieces, random code points, or ten thousand characters and more. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ODD_PIECES),
  fc.array(fc.constantFrom(...ODD_PIECES), { minLength: 2, maxLength: 6 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc
    .tuple(
      fc.constantFrom('x', 'Đ', '9', '\u200b', 'e\u0301', '\ud800', 'A_', '€'),
      fc.integer({ min: 10_000, max: 12_000 }),
    )
    .map(([c, n]) => c.repeat(Math.ceil(n / c.length))),
);

/**
 * More than `n` characters, none of them white space: a text too long even once trimmed.
 * Lengths are counted in code points, as the schemas count them ("🇻🇳" is two).
 */
export const longText = (n: number): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom('x', 'Đ', 'ệ', '9', '🇻🇳', 'e\u0301', '<', '𝔄'),
      fc.integer({ min: n + 1, max: Math.max(n + 1, 12_000) }),
    )
    .map(([c, len]) => c.repeat(Math.ceil(len / [...c].length)));

/** White space only, which every trimmed text field reads as empty. */
export const blank: fc.Arbitrary<string> = fc.constantFrom(
  '',
  ' ',
  '   ',
  '\t',
  '\n',
  ' \r\n ',
  '\u00a0',
  '\u3000',
  '\ufeff',
  '\u2028',
);

/** Text with nothing to read: only invisible format characters (zero-width, direction marks). Refused where a text is required. */
export const invisible: fc.Arbitrary<string> = fc.constantFrom(
  '\u200b',
  '\u200b\u200c\u200d',
  '\u200e\u200f',
  '\u202e',
  '\u2066\u2069',
  '\u00ad',
  ' \u200b ',
);

/** Text holding a control character or a lone surrogate, which no UTF-8 file or database column holds as sent. */
export const brokenText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('Chi bộ ', 'Tên ', '', 'A'),
    fc.constantFrom(
      '\u0000',
      '\u0001',
      '\u0007',
      '\u001b',
      '\u007f',
      '\u0085',
      '\ud800',
      '\udfff',
      '\udbff\udbff',
    ),
    fc.constantFrom('', ' mới', 'B'),
  )
  .map(([a, b, c]) => `${a}${b}${c}`);

/** Refused by every required text field. */
export const unprintable: fc.Arbitrary<string> = fc.oneof(invisible, brokenText);

// ---------------------------------------------------------------------------------------
// Values of the wrong type.

const nested: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant([]),
  fc.constant({}),
  fc.constant([[[[]]]]),
  fc.constant({ a: { b: { c: {} } } }),
  fc.constant(new RawJson(`${'['.repeat(5000)}${']'.repeat(5000)}`)),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null)), {
    minLength: 1,
    maxLength: 4,
  }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.integer(), { minKeys: 1, maxKeys: 3 }),
);

export const notAString: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e21),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  nested,
);

/** Numbers written as strings among them: refused wherever a JSON number is wanted. */
export const notANumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    '',
    '0',
    '5',
    '1e3',
    '0x10',
    'NaN',
    'Infinity',
    ' 7 ',
    '1,5',
    '١٢',
    '１２',
  ),
  fc.integer().map(String),
  oddString,
  nested,
);

export const notABoolean: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, 0, 1, 'true', 'false', 'yes', '', 'TRUE', [true], { value: true }),
  fc.integer(),
  oddString,
);

export const notAnArray: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, 0, 1.5, '', '[]', 'DV_HTT', { 0: 'a' }),
  oddString,
  fc.dictionary(fc.string({ maxLength: 6 }), fc.integer(), { minKeys: 1, maxKeys: 3 }),
);

/** What JSON.parse reads as ±Infinity, and zod then refuses as a number. */
export const infinity: fc.Arbitrary<RawJson> = fc
  .constantFrom('1e999', '-1e999', '1E+400', '-1.5e308000')
  .map((t) => new RawJson(t));

const negative: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -2_000_000_000, max: -1 }),
  fc.double({ max: -Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-1, -0.5, -Number.MAX_SAFE_INTEGER, -Number.MAX_VALUE, -1e-7),
);
const fraction: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0.5, 1.5, 0.1 + 0.2, 5e-324, 1e-7, 2.000001, 99.999),
  fc.double({ min: 0, max: 1e6, noNaN: true }).filter((x) => !Number.isInteger(x)),
);

/** Refused by z.number().int().min(0).max(max): wrong types, negatives, fractions, too big, ±Infinity. */
export const badWholeNumber = (max: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    notANumber,
    negative,
    fraction,
    infinity,
    fc.integer({ min: max + 1, max: Number.MAX_SAFE_INTEGER }),
    fc.constantFrom(max + 1, 1e21, Number.MAX_VALUE),
  );

/** Refused by z.number().int().min(0): a version number. */
export const badVersion: fc.Arbitrary<unknown> = fc.oneof(notANumber, negative, fraction, infinity);

/**
 * Refused as a target or result `value` of any kind of indicator. Decimal strings ("5",
 * " 7 ") are read as numbers by design (shared/value.ts), so only strings that are no
 * decimal and name no level are taken.
 */
export const badValue = (levels: ReadonlySet<string>): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(null, true, false, [], {}, [5], { value: 5 }),
    negative,
    // More than two decimals, or more digits than any value may have.
    fc.constantFrom(1.234, 0.001, 99.999, 0.1 + 0.2, 5e-324, 1e-7, 1e13, 1e21, 2 ** 53 + 2, Number.MAX_VALUE),
    infinity,
    fc
      .oneof(
        fc.constantFrom(
          '',
          '  ',
          '-5',
          '1e3',
          '0x10',
          '+5',
          '.5',
          '5.',
          '1.234',
          '1,5',
          '1.500.000',
          'NaN',
          'Infinity',
          '5 người',
          '١٢',
          '１２',
          '12%',
        ),
        oddString,
        longText(200),
      )
      .filter((s) => !/^\s*\d+(\.\d+)?\s*$/.test(s) && !levels.has(s)),
    nested,
  );

/** Refused as a result's numerator or denominator whatever the indicator (a non-ratio takes neither). */
export const badRatioPart: fc.Arbitrary<unknown> = fc.oneof(
  notANumber,
  negative,
  fraction,
  infinity,
  fc.constantFrom(1e21, 2 ** 53 + 2),
);

// ---------------------------------------------------------------------------------------
// Path segments, written as they go into the URL.

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

// ---------------------------------------------------------------------------------------
// Broken JSON bodies.

/** A way of sending a JSON object that the server must refuse whatever the object holds. */
export type EncodingFault =
  | { kind: 'content type'; contentType: string | null }
  | { kind: 'cut'; at: number }
  | {
      kind: 'syntax';
      change:
        | 'trailing comma'
        | 'single quotes'
        | 'comment'
        | 'two objects'
        | 'unquoted keys'
        | 'stray character';
    }
  | { kind: 'text'; text: string };

/** Content types that are not JSON, as the server would see them; null sends none. */
export const NOT_JSON_TYPES = [
  null,
  '',
  'text/plain',
  'text/plain;charset=UTF-8',
  'text/html',
  'text/json',
  'text/csv',
  'application/xml',
  'application/octet-stream',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=----ranh-gioi',
  'application/jsonp',
  'json',
  '*/*',
] as const;

export const encodingFault: fc.Arbitrary<EncodingFault> = fc.oneof(
  fc.constantFrom(...NOT_JSON_TYPES).map((contentType) => ({ kind: 'content type' as const, contentType })),
  fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map((at) => ({ kind: 'cut' as const, at })),
  fc
    .constantFrom(
      'trailing comma',
      'single quotes',
      'comment',
      'two objects',
      'unquoted keys',
      'stray character',
    )
    .map((change) => ({ kind: 'syntax' as const, change })),
  fc
    .constantFrom(
      '',
      ' ',
      '\n',
      'NaN',
      'undefined',
      "{'a':1}",
      '{"a":1,}',
      '{"a"}',
      '{"a":01}',
      '{"a":.5}',
      '{"a":+1}',
      '{"a":0x10}',
      '{"a":"\\x41"}',
      '{"a":"\u0000"}',
      ")]}'\n{}",
      '{',
      '}',
      '{"a":[}',
      '"',
      'null',
      'true',
      '0',
      '-1',
      '1e999',
      '"text"',
      '[]',
      '[{}]',
      '[[{}]]',
    )
    .map((text) => ({ kind: 'text' as const, text })),
);

/** The content type and text a fault sends for a JSON object written as `objectText`. */
export function encode(
  fault: EncodingFault,
  objectText: string,
): { contentType: string | null; text: string } {
  const json = 'application/json';
  // A change may, rarely, leave valid JSON ('{}' has no quotes to change): a stray character after it never does.
  const broken = (text: string) => {
    try {
      JSON.parse(text);
      return { contentType: json, text: `${text}#` };
    } catch {
      return { contentType: json, text };
    }
  };
  switch (fault.kind) {
    case 'content type':
      return { contentType: fault.contentType, text: objectText };
    case 'cut':
      return broken(objectText.slice(0, Math.floor(fault.at * objectText.length)));
    case 'text':
      return { contentType: json, text: fault.text };
    case 'syntax':
      return broken(
        {
          'trailing comma': () => objectText.replace(/}$/, ',}'),
          'single quotes': () => objectText.replaceAll('"', "'"),
          comment: () => `/* chú thích */${objectText}`,
          'two objects': () => `${objectText}${objectText}`,
          'unquoted keys': () => objectText.replace(/"([^"\\]+)":/g, '$1:'),
          'stray character': () => `${objectText}x`,
        }[fault.change](),
      );
  }
}

// ---------------------------------------------------------------------------------------
// Files for POST /api/import.

/** One line of a CSV file, quoting the cells that need it. */
export function csvLine(cells: readonly string[], delimiter = ','): string {
  return cells
    .map((c) =>
      c.includes(delimiter) || /["\r\n]/.test(c) || c !== c.trim() ? `"${c.replaceAll('"', '""')}"` : c,
    )
    .join(delimiter);
}

/** Text as UTF-16 little endian with its byte order mark, as Excel saves "Unicode text". */
export function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

/** A multipart/form-data body with one file, written by hand so that it can be broken. */
export function multipartText(boundary: string, field: string, fileName: string, content: string): string {
  return [
    `--${boundary}`,
    `Content-Disposition: form-data; name="${field}"; filename="${fileName}"`,
    'Content-Type: text/csv',
    '',
    content,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

// ---------------------------------------------------------------------------------------
// The refusal itself.

/** Words of English (or of JavaScript) that a Vietnamese message must not show outside the quotes. */
const ENGLISH =
  /\b(invalid|expected|received|unexpected|unsupported|malformed|required|error|exception|stack|cannot|failed|failure|undefined|NaN|Infinity|object Object|must|should|not found|bad request|forbidden|unauthorized|unknown|missing|too (?:small|big|large|long)|at position|SQLITE\w*|TypeError|RangeError|SyntaxError)\b/i;

/** How a message may quote an input: whole, trimmed, in another case, or cut short as the server cuts quotes. */
function quotedForms(sent: string): string[] {
  // A lone surrogate cannot travel as UTF-8 (a form field's name, say): it arrives as U+FFFD.
  const e = sent.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  const forms = [sent, e, e.trim(), e.trim().toLowerCase(), e.trim().toUpperCase()];
  for (const n of [29, 30, 39, 40, 59, 60, 99, 100, 120]) if (e.length > n) forms.push(e.slice(0, n));
  return forms;
}

/** The message with what the request itself said taken out: echoed inputs, then quoted passages. */
function ownWords(message: string, echoes: readonly string[]): string {
  let out = message;
  // Short inputs only when they hold a quote or a line break, which would fool what follows.
  const forms = [...new Set(echoes.flatMap(quotedForms))].filter((f) => f.length >= 3 || /["\r\n]/.test(f));
  for (const f of forms.sort((a, b) => b.length - a.length))
    if (out.includes(f)) out = out.split(f).join(' ');
  return out.replace(/"[^"]*"/g, ' ').replace(/“[^”]*”/g, ' ');
}

export const MAX_MESSAGE = 600;

/**
 * What is wrong with an answer to a request that had to be refused: an empty list when it
 * is a 4xx with the contract's body and one Vietnamese sentence. `echoes` are the strings
 * of the request, which a message may quote.
 */
export function refusalProblems(
  res: { status: number; contentType: string | null; text: string },
  echoes: readonly string[],
): string[] {
  const problems: string[] = [];
  if (res.status < 400 || res.status > 499) problems.push(`status ${res.status}, not a 4xx`);
  if (!/^application\/json/.test(res.contentType ?? '')) problems.push(`content type ${res.contentType}`);
  let body: any;
  try {
    body = JSON.parse(res.text);
  } catch {
    problems.push(`body is not JSON: ${res.text.slice(0, 200)}`);
    return problems;
  }
  const error = body?.error;
  if (typeof error !== 'object' || error === null) return [...problems, 'no "error" object'];
  if (typeof error.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(error.code))
    problems.push(`code ${JSON.stringify(error.code)}`);
  if (error.field !== undefined && (typeof error.field !== 'string' || error.field === ''))
    problems.push(`field ${JSON.stringify(error.field)}`);
  const extra = Object.keys(error).filter((k) => !['code', 'message', 'field'].includes(k));
  if (extra.length) problems.push(`unexpected members of "error": ${extra.join(', ')}`);
  problems.push(...sentenceProblems(error.message, echoes));
  return problems;
}

/** What keeps `message` from being one Vietnamese sentence a person can act on. */
export function sentenceProblems(message: unknown, echoes: readonly string[]): string[] {
  if (typeof message !== 'string' || message.trim() === '') return [`message ${JSON.stringify(message)}`];
  const problems: string[] = [];
  const shown = message.length > 300 ? `${message.slice(0, 300)}…` : message;
  if (message.length > MAX_MESSAGE) problems.push(`message of ${message.length} characters: ${shown}`);
  if (!/[.!?]$/.test(message.trim())) problems.push(`message does not end a sentence: ${shown}`);
  const own = ownWords(message, echoes);
  if (!VIETNAMESE.test(own)) problems.push(`message is not Vietnamese: ${shown}`);
  const english = ENGLISH.exec(own);
  if (english) problems.push(`message shows "${english[0]}": ${shown}`);
  if (/[\r\n]/.test(own)) problems.push(`message spans lines: ${shown}`);
  return problems;
}
