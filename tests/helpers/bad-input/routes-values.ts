import fc from 'fast-check';
import { UNIT_KINDS } from '../../../shared/unit';
import { listWithBadItem, malformed, type ObjectSpec } from './faults';
import { copy } from './json';
import {
  badCodeSegment,
  badPeriodSegment,
  badText,
  badUnitId,
  badUnitSegment,
  key,
  keySegments,
  lockedPeriod,
  notIn,
  period,
  resultItem,
  resultValue,
  sentence,
  staleVersion,
  targetItem,
  targetValue,
  unit,
  unitSet,
  validLine,
  versionFaults,
} from './pieces';
import { badCodeText, badIdText, badPeriodText } from './segments';
import { brokenText, longText } from './text';
import { type Body, EMPTY_PERIOD, LOCKED, type Req, STALE, w } from './world';
import { badRatioPart, badValue, badWholeNumber, notABoolean, notAnArray, notAString } from './wrong-values';

// Malformed requests to the write routes of values: targets, results, the batch, locks,
// member ratings and main targets.

export const itemKeyFaults = () => ({
  unitId: fc.oneof(notAString, badIdText(unitSet())),
  code: fc.oneof(notAString, badCodeText(new Set(w.codes)), longText(40)),
  period: fc.oneof(notAString, badPeriodText),
  remove: fc.constantFrom(false, 'true', 1, 0, null, 'yes'),
  ...versionFaults,
});
export const batchTargetSpec = (): ObjectSpec => ({
  bad: { ...itemKeyFaults(), value: badValue(w.levels) },
  required: ['unitId', 'code', 'period'],
  // A value and a removal at once; no fault here removes the value, which would leave a valid removal.
  special: fc.constant({ label: 'remove and a value', patch: { remove: true } }),
});
export const batchResultSpec = (): ObjectSpec => ({
  bad: {
    ...itemKeyFaults(),
    value: badValue(w.levels),
    numerator: badRatioPart,
    denominator: fc.oneof(badRatioPart, fc.constant(0)),
    note: fc.oneof(notAString, longText(2000), brokenText),
  },
  required: ['unitId', 'code', 'period'],
  special: fc.constant({ label: 'remove and a value', patch: { remove: true } }),
});

/** Lists of batch items refused as a whole: not a list, a bad item, a repeated key, a locked period, a stale version, too many. */
export const badItems = (valid: () => fc.Arbitrary<Body>, spec: () => ObjectSpec) =>
  fc.oneof(
    notAnArray,
    listWithBadItem(valid(), spec()),
    fc.array(valid(), { minLength: 1, maxLength: 3 }).map((a) => [...a, copy(a[0]!)]),
    valid().map((i) => [{ ...i, period: LOCKED }]),
    valid().map((i) => [{ ...i, version: STALE }]),
    valid().map((i) => Array.from({ length: 5001 }, () => i)),
  );

export const lineSpec = (): ObjectSpec => ({
  bad: {
    text: badText(1000),
    // Parts at the units below: not a list, an unknown indicator, bad kinds, no kinds.
    parts: fc.oneof(
      notAnArray,
      fc.constant([{ code: 'KHONG_CO_CHI_TIEU', below: ['doan_the'] }]),
      fc.tuple(fc.constantFrom(...w.codes), badKinds()).map(([code, below]) => [{ code, below }]),
      fc.constantFrom(...w.codes).map((code) => [{ code }]),
    ),
    codes: fc.oneof(
      notAnArray,
      fc.constant([]),
      fc.constant(w.codes.slice(0, 11)),
      fc.constantFrom(...w.codes).map((c) => [c, c]),
      fc
        .tuple(fc.constantFrom(...w.codes), fc.oneof(notAString, badCodeText(new Set(w.codes))))
        .map(([a, b]) => [a, b]),
    ),
  },
  required: ['text', 'codes'],
});

/** Kinds of units refused: not a list, empty, an unknown kind, a kind twice. */
export const badKinds = () =>
  fc.oneof(
    notAnArray,
    fc.constant([]),
    fc.tuple(fc.constantFrom(...UNIT_KINDS), notIn(UNIT_KINDS)).map(([a, b]) => [a, b]),
    fc.constantFrom(...UNIT_KINDS).map((k) => [k, k]),
  );

export function valueRoutes(): Record<string, fc.Arbitrary<Req>> {
  const valueParams = { unitId: badUnitSegment(), code: badCodeSegment(), period: badPeriodSegment };
  const nothingStored = fc.constant({
    label: `nothing stored in ${EMPTY_PERIOD}`,
    params: { period: EMPTY_PERIOD },
  });
  /** Removing a value: a bad key, a locked period, or nothing stored there. */
  const removal = (route: string) =>
    malformed(route, {
      base: key().map((k) => ({ params: keySegments(k) })),
      params: valueParams,
      special: fc.oneof(lockedPeriod(), nothingStored),
    });
  return {
    'PUT /api/targets/{unitId}/{code}/{period}': malformed('PUT /api/targets/{unitId}/{code}/{period}', {
      base: key().chain((k) =>
        targetValue(k.ind).map((value) => ({ params: keySegments(k), body: { value } })),
      ),
      params: valueParams,
      special: lockedPeriod(),
      body: {
        bad: { value: badValue(w.levels), ...versionFaults },
        required: ['value'],
        special: fc.constant(staleVersion),
      },
    }),
    'DELETE /api/targets/{unitId}/{code}/{period}': removal('DELETE /api/targets/{unitId}/{code}/{period}'),
    'PUT /api/results/{unitId}/{code}/{period}': malformed('PUT /api/results/{unitId}/{code}/{period}', {
      base: key().chain((k) => resultValue(k.ind).map((body) => ({ params: keySegments(k), body }))),
      params: valueParams,
      special: lockedPeriod(),
      body: {
        bad: {
          value: badValue(w.levels),
          numerator: badRatioPart,
          denominator: fc.oneof(badRatioPart, fc.constant(0)),
          note: fc.oneof(notAString, longText(2000), brokenText),
          ...versionFaults,
        },
        special: fc.constantFrom(
          staleVersion,
          { label: 'no value', patch: { value: undefined, numerator: undefined, denominator: undefined } },
          // Above the denominator for a ratio; a numerator at all for any other kind.
          { label: 'numerator above denominator', patch: { numerator: 7, denominator: 3 } },
        ),
      },
    }),
    'DELETE /api/results/{unitId}/{code}/{period}': removal('DELETE /api/results/{unitId}/{code}/{period}'),
    'POST /api/values/batch': malformed('POST /api/values/batch', {
      base: fc
        .record({
          targets: fc.array(targetItem(), { maxLength: 3 }),
          results: fc.array(resultItem(), { maxLength: 3 }),
        })
        .map((body) => ({ params: {}, body: body as Body })),
      body: {
        bad: {
          targets: badItems(targetItem, batchTargetSpec),
          results: badItems(resultItem, batchResultSpec),
        },
        special: fc.constantFrom(
          { label: 'no items', patch: { targets: [], results: [] } },
          { label: 'no lists', patch: { targets: undefined, results: undefined } },
        ),
      },
    }),
    'POST /api/targets/below': malformed('POST /api/targets/below', {
      base: key().chain((k) =>
        fc
          .tuple(targetValue(k.ind), fc.subarray([...UNIT_KINDS], { minLength: 1 }), fc.boolean())
          .map(([value, kinds, replace]) => ({
            params: {},
            body: { unitId: k.unitId, code: k.ind.code, period: k.period, value, kinds, replace },
          })),
      ),
      body: {
        bad: {
          unitId: badUnitId(),
          code: fc.oneof(notAString, badCodeText(new Set(w.codes)), longText(40)),
          period: fc.oneof(notAString, badPeriodText),
          value: badValue(w.levels),
          kinds: badKinds(),
          replace: notABoolean,
        },
        required: ['unitId', 'code', 'period', 'value', 'kinds'],
        special: fc.constant({ label: `locked period ${LOCKED}`, patch: { period: LOCKED } }),
      },
    }),
    'PUT /api/locks/{unitId}/{period}': malformed('PUT /api/locks/{unitId}/{period}', {
      base: fc
        .tuple(unit(), period, fc.oneof(fc.constant({}), fc.record({ note: sentence })))
        .map(([unitId, p, body]) => ({ params: { unitId, period: p }, body })),
      params: { unitId: badUnitSegment(), period: badPeriodSegment },
      body: { bad: { note: fc.oneof(notAString, longText(500), brokenText) } },
    }),
    // Nothing is locked in these periods, so even the base request finds no lock to lift.
    'DELETE /api/locks/{unitId}/{period}': malformed('DELETE /api/locks/{unitId}/{period}', {
      base: fc
        .tuple(unit(), period, sentence)
        .map(([unitId, p, reason]) => ({ params: { unitId, period: p }, body: { reason } })),
      params: { unitId: badUnitSegment(), period: badPeriodSegment },
      body: { bad: { reason: badText(500) }, required: ['reason'] },
    }),
    'PUT /api/member-ratings/{unitId}/{period}': malformed('PUT /api/member-ratings/{unitId}/{period}', {
      base: fc
        .tuple(
          unit(),
          period,
          fc.tuple(fc.integer({ min: 1, max: 40 }), fc.nat(10), fc.nat(10), fc.nat(3)),
          fc.option(fc.boolean(), { nil: undefined }),
        )
        .map(([unitId, p, [good, excellent, complete, notComplete], outstanding]) => ({
          params: { unitId, period: p },
          body: {
            excellent,
            good,
            complete,
            notComplete,
            ...(outstanding === undefined ? {} : { outstanding }),
          },
        })),
      params: { unitId: badUnitSegment(), period: badPeriodSegment },
      special: lockedPeriod(),
      body: {
        bad: {
          excellent: badWholeNumber(1_000_000),
          good: badWholeNumber(1_000_000),
          complete: badWholeNumber(1_000_000),
          notComplete: badWholeNumber(1_000_000),
          unrated: badWholeNumber(1_000_000),
          outstanding: notABoolean,
          note: fc.oneof(notAString, longText(2000), brokenText),
          ...versionFaults,
        },
        required: ['excellent', 'good', 'complete', 'notComplete'],
        special: fc.constantFrom(staleVersion, {
          label: 'nobody rated',
          patch: { excellent: 0, good: 0, complete: 0, notComplete: 0 },
        }),
      },
    }),
    'PUT /api/target-lines/{unitId}/{period}': malformed('PUT /api/target-lines/{unitId}/{period}', {
      base: fc
        .tuple(unit(), period, fc.array(validLine(), { maxLength: 3 }))
        .map(([unitId, p, lines]) => ({ params: { unitId, period: p }, body: { lines } })),
      params: { unitId: badUnitSegment(), period: badPeriodSegment },
      special: lockedPeriod(),
      body: {
        bad: {
          lines: fc.oneof(
            notAnArray,
            listWithBadItem(validLine(), lineSpec()),
            validLine().map((l) => Array.from({ length: 101 }, () => l)),
          ),
          ...versionFaults,
        },
        required: ['lines'],
        special: fc.constant(staleVersion),
      },
    }),
  };
}
