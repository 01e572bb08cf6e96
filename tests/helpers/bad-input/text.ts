import fc from 'fast-check';

// Building blocks for tests/api/bad-input.test.ts, in this folder: values that a field refuses
// whatever the rest of the request holds (strings here, wrong types in wrong-values.ts), broken
// JSON (json.ts), broken path segments (segments.ts), and the check that a refusal is worded
// as the contract says (refusal.ts). Every generator is meant to produce input that is wrong
// on its own, so that a request holding one of them, however it is combined, must be refused.

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
