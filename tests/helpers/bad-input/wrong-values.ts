import fc from 'fast-check';
import { RawJson } from './json';
import { longText, oddString } from './text';

// Values of the wrong type for tests/api/bad-input.test.ts, each refused by the field it is
// put in whatever the rest of the request holds.

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
