import fc from 'fast-check';
import {
  DIRECTIONS,
  INDICATOR_KINDS,
  MEMBER_RATING_SHARES,
  TIME_AGGREGATES,
} from '../../../shared/indicator';
import { UNIT_KINDS } from '../../../shared/unit';
import { changes, malformed, patchOf } from './faults';
import {
  badCodeSegment,
  badText,
  badUnitId,
  badUnitSegment,
  notIn,
  sentence,
  staleVersion,
  unit,
  unitName,
  validReportSettings,
  versionFaults,
} from './pieces';
import { blank, longText, oddString, unprintable } from './text';
import { type Body, type Req, w } from './world';
import { badWholeNumber, notABoolean, notAnArray, notAString } from './wrong-values';

// Malformed requests to the catalogue's write routes: units and indicators.

export const levelsFaults = fc.oneof(
  notAnArray,
  fc.constantFrom(
    [],
    ['Khá'],
    ['A', 'A'],
    ['Tốt', ' Tốt '.trim()],
    Array.from({ length: 13 }, (_, i) => `Mức ${i}`),
  ),
  fc.tuple(fc.constantFrom('Khá', 'Tốt'), fc.oneof(notAString, blank, longText(120))).map(([a, b]) => [a, b]),
);

/** Unit kinds refused: not a list, empty, an unknown kind, a kind twice. */
const badKindList = fc.oneof(
  notAnArray.filter((v) => v !== null),
  fc.constant([]),
  fc.tuple(fc.constantFrom(...UNIT_KINDS), notIn(UNIT_KINDS)).map(([a, b]) => [a, b]),
  fc.constantFrom(...UNIT_KINDS).map((k) => [k, k]),
);

/** Derived rules refused whatever the indicator: not an object, an unknown indicator, bad kinds. */
const badDerived = fc.oneof(
  fc.constantFrom('countUnits', 1, true, [], { countUnits: null }, { countUnits: {} }),
  fc.constant({ countUnits: { indicator: 'KHONG_CO_CHI_TIEU', atLeast: 'Tốt', kinds: ['chi_bo'] } }),
  badKindList.map((kinds) => ({
    countUnits: { indicator: 'XL_DANG_BO', atLeast: 'Hoàn thành nhiệm vụ', kinds },
  })),
);

const mayBeEmpty = (max: number) => fc.oneof(notAString, longText(max), unprintable);

export function catalogueRoutes(): Record<string, fc.Arbitrary<Req>> {
  const unitParents = fc.oneof(fc.constant(null), unit());
  return {
    'POST /api/units': malformed('POST /api/units', {
      base: fc
        .record({ parentId: unitParents, name: unitName, kind: fc.constantFrom(...UNIT_KINDS) })
        .map((body) => ({ params: {}, body })),
      body: {
        bad: { parentId: badUnitId(), name: badText(200), kind: notIn(UNIT_KINDS) },
        required: ['parentId', 'name', 'kind'],
      },
    }),
    'PATCH /api/units/{id}': malformed('PATCH /api/units/{id}', {
      base: patchOf('id', unit(), [
        fc.record({ name: unitName }),
        fc.record({ kind: fc.constantFrom(...UNIT_KINDS) }),
        fc.record({ position: fc.nat(1_000_000) }),
      ]),
      params: { id: badUnitSegment() },
      body: changes({
        parentId: badUnitId(),
        name: badText(200),
        kind: notIn(UNIT_KINDS),
        position: badWholeNumber(1_000_000),
      }),
    }),
    'DELETE /api/units/{id}': malformed('DELETE /api/units/{id}', {
      base: unit().map((id) => ({ params: { id } })),
      params: { id: badUnitSegment() },
      special: fc
        .constantFrom(...w.undeletable)
        .map((id) => ({ label: `unit ${id} holds units, values or grants`, params: { id } })),
    }),
    // A field that may be empty is refused only when it is not text, too long or unprintable.
    'PUT /api/units/{id}/report-settings': malformed('PUT /api/units/{id}/report-settings', {
      base: unit().map((id) => ({ params: { id }, body: validReportSettings() })),
      params: { id: badUnitSegment() },
      body: {
        bad: {
          above: mayBeEmpty(200),
          issuer: badText(200),
          number: mayBeEmpty(20),
          symbol: badText(30),
          place: mayBeEmpty(100),
          onBehalf: mayBeEmpty(100),
          signerTitle: badText(100),
          signer: mayBeEmpty(100),
          recipients: fc.oneof(
            notAnArray,
            fc.constant(Array.from({ length: 13 }, () => 'Lưu Văn phòng Đảng ủy')),
            badText(200).map((bad) => ['Lưu Văn phòng Đảng ủy', bad]),
          ),
          ...versionFaults,
        },
        required: [...Object.keys(validReportSettings())],
        special: fc.constant(staleVersion),
      },
    }),
    'POST /api/indicators': malformed('POST /api/indicators', {
      base: fc
        .record({
          code: fc.stringMatching(/^NEW_[A-Z0-9_]{1,30}$/),
          name: sentence,
          unitLabel: fc.constantFrom('%', 'người', 'đề tài'),
          kind: fc.constantFrom('count', 'percent', 'ratio'),
          direction: fc.constantFrom(...DIRECTIONS),
          timeAggregate: fc.constantFrom(...TIME_AGGREGATES),
        })
        .map((body) => ({ params: {}, body: body as Body })),
      body: {
        bad: {
          code: fc.oneof(
            notAString,
            fc.constantFrom(...w.codes),
            fc
              .oneof(fc.constantFrom('', 'A', 'ab', 'AB-C', 'AB C', 'ĐV', 'A'.repeat(41), 'ab_cd'), oddString)
              .filter((s) => !/^[A-Z0-9_]{2,40}$/.test(s)),
          ),
          name: badText(500),
          unitLabel: badText(40),
          kind: notIn(INDICATOR_KINDS),
          direction: notIn(DIRECTIONS),
          timeAggregate: notIn(TIME_AGGREGATES),
          levels: levelsFaults,
          // Both shares are bound in the demo catalogue, and only a ratio takes one.
          memberRating: fc.oneof(
            notIn(MEMBER_RATING_SHARES).filter((v) => v !== null),
            fc.constantFrom(...MEMBER_RATING_SHARES),
          ),
          appliesTo: badKindList,
          derived: badDerived,
        },
        required: ['code', 'name', 'unitLabel', 'kind'],
      },
    }),
    'PATCH /api/indicators/{code}': malformed('PATCH /api/indicators/{code}', {
      base: patchOf('code', fc.constantFrom(...w.codes), [
        fc.record({ name: sentence }),
        fc.record({ direction: fc.constantFrom(...DIRECTIONS) }),
        fc.record({ position: fc.nat(1000) }),
      ]),
      params: { code: badCodeSegment() },
      body: changes({
        name: badText(500),
        unitLabel: badText(40),
        kind: notIn(INDICATOR_KINDS),
        direction: notIn(DIRECTIONS),
        timeAggregate: notIn(TIME_AGGREGATES),
        levels: levelsFaults,
        memberRating: notIn(MEMBER_RATING_SHARES).filter((v) => v !== null),
        appliesTo: badKindList,
        derived: badDerived,
        position: badWholeNumber(1_000_000),
        archived: notABoolean,
      }),
    }),
  };
}
