import { useQueries } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { appliesAt } from '../../shared/indicator';
import { parsePeriod } from '../../shared/period';
import type { TargetDto } from '../../shared/schemas/values';
import { currentYear } from '../../shared/vietnam-time';
import { EmptyState } from '../components/ui/empty-state';
import { useRights } from '../features/auth/utils/use-rights';
import { useIndicators } from '../features/indicators/api/get-indicators';
import { useLocks } from '../features/locks/api/get-locks';
import { FIRST_YEAR } from '../features/periods/utils/period-options';
import { TargetGrid } from '../features/targets/components/target-grid';
import { TargetsBelowDialog } from '../features/targets/components/targets-below-dialog';
import { unitsBelow } from '../features/targets/utils/below';
import { cellKey, gridPeriods, lockCloses } from '../features/targets/utils/target-grid';
import { UnitPicker } from '../features/units/components/unit-picker';
import { valuesQueryOptions } from '../features/values/api/get-values';
import { Notice, PageStatus } from './page-frame';
import { usePageTitle, useUnitPeriod } from './page-state';

/**
 * "Giao chỉ tiêu": a committee sets one unit's targets for a year, its halves and its term in
 * one grid (on a phone, one period at a time), and under it the same target for each unit
 * below. The unit and the year stay in the address (?unit=…&period=2026).
 */
export function TargetsPage() {
  const id = useId();
  const indicators = useIndicators();
  const rights = useRights();
  const thisYear = currentYear();
  usePageTitle('Giao chỉ tiêu');
  const [belowOpen, setBelowOpen] = useState(false);
  const [notice, setNotice] = useState<{ at: string; text: string } | null>(null);

  // Defaults: the first unit the user plans for (else the first one shown), this year.
  const { search, change, units, list, unitId, unit } = useUnitPeriod(
    '/giao-chi-tieu',
    (all) => all.find((u) => rights.can('plan', u.id)) ?? all[0],
  );
  const chosen = search.period ? parsePeriod(search.period) : null;
  const year = chosen ? Number(chosen.start.slice(0, 4)) : thisYear;
  const periods = useMemo(() => gridPeriods(year), [year]);

  const values = useQueries({
    queries: periods.map((p) => ({
      ...valuesQueryOptions({ unit: unitId ?? '', period: p.code }),
      enabled: !!unitId,
    })),
  });
  const locks = useLocks(unitId);

  const years: number[] = [];
  for (let y = thisYear + 1; y >= FIRST_YEAR; y--) years.push(y);

  const loading = values.some((v) => v.isPending) || indicators.isPending || locks.isPending;
  const failed = values.find((v) => v.isError)?.error ?? indicators.error ?? locks.error;
  // The grid starts from what is stored once everything has been read afresh, and then keeps
  // its own state: the refetch after a save must not reset it (and its message) under the person.
  const viewKey = `${unitId}|${year}`;
  const fresh = values.every((v) => v.isFetchedAfterMount && !v.isFetching);
  const [readyKey, setReadyKey] = useState<string | null>(null);
  useEffect(() => {
    if (fresh && !loading && unitId) setReadyKey(viewKey);
  }, [fresh, loading, unitId, viewKey]);

  const stored = new Map<string, TargetDto>();
  for (const v of values) for (const t of v.data?.targets ?? []) stored.set(cellKey(t.code, t.period), t);
  const closing = new Map(
    periods.flatMap((p) => {
      // Only locks on the unit itself or above it close its values.
      const lock = (locks.data?.locks ?? []).find(
        (l) => isSelfOrAbove(l.unit.id, unitId, list) && lockCloses(l.period.code, p.code),
      );
      return lock ? [[p.code, lock] as const] : [];
    }),
  );
  // Only what applies at this kind of unit, and what was set before whatever it is.
  const shownIndicators = (indicators.data?.indicators ?? []).filter(
    (i) =>
      (!i.archived && (!unit || appliesAt(i, unit.kind))) ||
      periods.some((p) => stored.has(cellKey(i.code, p.code))),
  );

  return (
    <div className="page-stack">
      <section className="card toolbar" aria-label="Chọn đơn vị và năm">
        <UnitPicker value={unitId} onChange={(u) => change({ unit: u, period: String(year) })} />
        <div className="field year-picker">
          <label className="field-label" htmlFor={`${id}-year`}>
            Năm
          </label>
          <select
            id={`${id}-year`}
            className="select"
            value={year}
            onChange={(e) => change({ unit: unitId, period: e.target.value })}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                Năm {y}
              </option>
            ))}
          </select>
        </div>
      </section>

      <h1 className="page-title">{unit ? `Giao chỉ tiêu: ${unit.name} — năm ${year}` : 'Giao chỉ tiêu'}</h1>

      <section className="card" aria-label="Bảng giao chỉ tiêu">
        <PageStatus
          bare
          noUnits={units.isSuccess && list.length === 0 && 'Hãy thêm đơn vị ở trang Danh mục trước.'}
          error={failed}
          onRetry={() => {
            for (const v of values) void v.refetch();
          }}
          loading="Đang tải chỉ tiêu đã giao…"
        >
          {readyKey === viewKey &&
            unit &&
            (shownIndicators.length === 0 ? (
              <EmptyState hint="Hãy thêm chỉ tiêu ở trang Danh mục trước.">
                Danh mục chưa có chỉ tiêu nào.
              </EmptyState>
            ) : (
              <TargetGrid
                key={viewKey}
                unit={{ id: unit.id, name: unit.name }}
                periods={periods}
                indicators={shownIndicators}
                stored={stored}
                locks={closing}
                canPlan={rights.can('plan', unit.id)}
              />
            ))}
        </PageStatus>
      </section>

      {unit && rights.can('plan', unit.id) && unitsBelow(list, unit.id).length > 0 && (
        <section className="card below-card" aria-label="Giao cho các đơn vị trực thuộc">
          <p className="card-hint">
            Cùng một chỉ tiêu cho mỗi chi bộ, đoàn thể… trực thuộc {unit.name} (ví dụ “các đoàn thể đạt vững
            mạnh”), lưu thành chỉ tiêu riêng của từng đơn vị.
          </p>
          <button type="button" className="button button-secondary" onClick={() => setBelowOpen(true)}>
            Giao cho từng đơn vị trực thuộc…
          </button>
          <Notice text={notice?.at === viewKey ? notice.text : null} />
        </section>
      )}
      {belowOpen && unit && (
        <TargetsBelowDialog
          unit={{ id: unit.id, name: unit.name }}
          units={list}
          indicators={indicators.data?.indicators ?? []}
          periods={periods}
          onClose={() => setBelowOpen(false)}
          onDone={(text) => setNotice({ at: viewKey, text })}
        />
      )}
    </div>
  );
}

function isSelfOrAbove(
  lockUnit: string,
  unitId: string | undefined,
  list: { id: string; parentId: string | null }[],
) {
  const parent = new Map(list.map((u) => [u.id, u.parentId]));
  for (let cur: string | null | undefined = unitId; cur; cur = parent.get(cur))
    if (cur === lockUnit) return true;
  return false;
}
