import fc from 'fast-check';
import { ROLES } from '../../../shared/accounts';
import { REPORT_SETTINGS } from '../report-settings';
import { badCodeText, badIdText, badPeriodText, badSegment, mayBePeriod } from './segments';
import { blank, longText, oddString, unprintable } from './text';
import { type Body, type Indicator, LOCKED_PERIODS, STALE, WRITE_PERIODS, w } from './world';
import { badVersion, notAString } from './wrong-values';

// ---------------------------------------------------------------------------------------
// Valid pieces.

export const unitName = fc.constantFrom(
  'Chi bộ mới',
  'Tổ đảng Khoa Toán – Tin',
  'Chi bộ Thư viện',
  'Phòng Công tác sinh viên',
  'Chi bộ Khoa Ngoại ngữ (mới)',
  'Tổ đảng Khoa Vă\u0301n',
);
export const sentence = fc.constantFrom(
  'Đã tổng kết năm học',
  'Theo báo cáo của chi bộ',
  'Số liệu đã được cấp ủy thông qua',
  'Có 90% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên',
);

export const targetValue = (ind: Indicator): fc.Arbitrary<unknown> => {
  switch (ind.kind) {
    case 'count':
      return fc.oneof(fc.nat(10_000), fc.nat(10_000).map(String));
    case 'percent':
      return fc.integer({ min: 0, max: 30_000 }).map((x) => x / 100);
    case 'ratio':
      return fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100);
    case 'level':
      return fc.constantFrom(...ind.levels!);
  }
};

export const resultValue = (ind: Indicator): fc.Arbitrary<Body> =>
  ind.kind === 'ratio'
    ? fc
        .tuple(fc.nat(500), fc.nat(500))
        .map(([a, b]) => ({ numerator: Math.min(a, b), denominator: Math.max(a, b, 1) }))
    : targetValue(ind).map((value) => ({ value }));

export const indicator = () => fc.constantFrom(...w.indicators);
export const unit = () => fc.constantFrom(...w.units);
export const period = fc.constantFrom(...WRITE_PERIODS);

/** A unit, an indicator and a period, as path segments, with the indicator at hand. */
export const key = (units = w.units) =>
  fc.record({ unitId: fc.constantFrom(...units), ind: indicator(), period });

export const keySegments = (k: { unitId: string; ind: Indicator; period: string }) => ({
  unitId: k.unitId,
  code: k.ind.code,
  period: k.period,
});

export const unitSet = () => new Set(w.units);
export const badUnitSegment = () => badSegment((s) => unitSet().has(s), w.units, badIdText(unitSet()));
export const badCodeSegment = () =>
  badSegment((s) => w.codes.includes(s), w.codes, badCodeText(new Set(w.codes)));
export const badPeriodSegment = badSegment(mayBePeriod, WRITE_PERIODS, badPeriodText);

export const lockedPeriod = () =>
  fc.constantFrom(...LOCKED_PERIODS).map((p) => ({ label: `locked period ${p}`, params: { period: p } }));

/** An id refused by the schema's pattern, or naming no unit. */
export const badUnitId = () =>
  fc.oneof(
    notAString.filter((v) => v !== null),
    badIdText(unitSet()),
    oddString.filter((s) => !unitSet().has(s)),
  );
export const badText = (max: number) => fc.oneof(notAString, blank, longText(max), unprintable);
export const notIn = (values: readonly string[]) =>
  fc.oneof(
    notAString,
    fc
      .oneof(
        oddString,
        fc.constantFrom(
          ...values.flatMap((v) => [v.toUpperCase(), ` ${v}`, `${v} `, `${v}\u200b`, v.replace('_', '-')]),
        ),
      )
      .filter((s) => !values.includes(s)),
  );

export const versionFaults = { version: badVersion };
export const staleVersion = { label: `stale version ${STALE}`, patch: { version: STALE } };

export const targetItem = () =>
  key().chain((k) =>
    targetValue(k.ind).map(
      (value) => ({ unitId: k.unitId, code: k.ind.code, period: k.period, value }) as Body,
    ),
  );
export const resultItem = () =>
  key().chain((k) =>
    resultValue(k.ind).map((v) => ({ unitId: k.unitId, code: k.ind.code, period: k.period, ...v }) as Body),
  );
export const validLine = () =>
  fc.record({
    text: sentence,
    codes: fc.uniqueArray(fc.constantFrom(...w.codes), { minLength: 1, maxLength: 3 }),
  }) as fc.Arbitrary<Body>;
export const validGrant = () =>
  fc.record({
    role: fc.constantFrom(...ROLES),
    unitId: fc.oneof(fc.constant(null), unit()),
  }) as fc.Arbitrary<Body>;

/** A valid body of PUT /api/units/{id}/report-settings (version 0: nothing stored yet). */
export const validReportSettings = (): Body => ({ ...REPORT_SETTINGS, version: 0 });
