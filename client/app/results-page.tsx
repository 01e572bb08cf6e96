import { useEffect, useMemo, useState } from 'react';
import { appliesAt } from '../../shared/indicator';
import type { DashboardRowDto } from '../../shared/schemas/dashboard';
import type { ResultDto, TargetDto } from '../../shared/schemas/values';
import { EmptyState } from '../components/ui/empty-state';
import { useRights } from '../features/auth/utils/use-rights';
import { useDashboard } from '../features/dashboard/api/get-dashboard';
import { useIndicators } from '../features/indicators/api/get-indicators';
import { ResultsForm } from '../features/results/components/results-form';
import { useValues } from '../features/values/api/get-values';
import { PageStatus, UnitPeriodToolbar } from './page-frame';
import { usePageTitle, useUnitPeriod } from './page-state';

/**
 * "Báo cáo kết quả": a unit reports its results for a period, with a note of evidence, and
 * sees at once whether each meets its target. Unit and period stay in the address.
 */
export function ResultsPage() {
  const indicators = useIndicators();
  const rights = useRights();
  const [showAll, setShowAll] = useState(false);
  usePageTitle('Báo cáo kết quả');

  const { choose, units, list, unitId, unit, periodCode } = useUnitPeriod(
    '/bao-cao-ket-qua',
    (all) => all.find((u) => rights.can('report', u.id)) ?? all[0],
  );
  const params = unitId ? { unit: unitId, period: periodCode } : null;
  const dashboard = useDashboard(params);
  const values = useValues({ unit: unitId ?? '', period: periodCode });

  // The form starts from what was read afresh, then keeps its own state: the refetch after a
  // save must not reset it under the person.
  const viewKey = `${unitId}|${periodCode}`;
  const fresh =
    !!dashboard.data &&
    dashboard.data.unit.id === unitId &&
    dashboard.data.period.code === periodCode &&
    values.isFetchedAfterMount &&
    !values.isFetching &&
    !!indicators.data;
  const [readyKey, setReadyKey] = useState<string | null>(null);
  useEffect(() => {
    if (fresh) setReadyKey(viewKey);
  }, [fresh, viewKey]);

  const data = useMemo(() => {
    const targets = new Map<string, TargetDto>((values.data?.targets ?? []).map((t) => [t.code, t]));
    // A year without a target of its own takes its term's "hằng năm" one: judged and shown so.
    for (const r of dashboard.data?.rows ?? [])
      if (r.target?.from && !targets.has(r.indicator.code) && unitId)
        targets.set(r.indicator.code, {
          unitId,
          code: r.indicator.code,
          period: periodCode,
          value: r.target.value,
          display: r.target.display,
          from: r.target.from,
          version: 0,
          updatedAt: '',
        } as TargetDto);
    const results = new Map<string, ResultDto>((values.data?.results ?? []).map((r) => [r.code, r]));
    const rows = new Map<string, DashboardRowDto>(
      (dashboard.data?.rows ?? []).map((r) => [r.indicator.code, r]),
    );
    // Offered only at the kinds of unit it applies to (what was entered before stays in sight).
    const all = (indicators.data?.indicators ?? []).filter(
      (i) => (!i.archived && (!unit || appliesAt(i, unit.kind))) || results.has(i.code),
    );
    const expected = all.filter(
      (i) => targets.has(i.code) || results.has(i.code) || (!!i.derived && rows.has(i.code)),
    );
    return { targets, results, rows, all, expected };
  }, [values.data, dashboard.data, indicators.data, unit, unitId, periodCode]);

  const shown = showAll ? data.all : data.expected;
  const failed = dashboard.error ?? values.error ?? indicators.error;
  const period = dashboard.data?.period;
  const ratingsHref = `/xep-loai-dang-vien?unit=${unitId ?? ''}&period=${periodCode}`;

  return (
    <div className="page-stack">
      <UnitPeriodToolbar unit={unitId} period={periodCode} onChange={choose} />

      <h1 className="page-title">
        {unit && period ? `Báo cáo kết quả: ${unit.name} — ${period.label}` : 'Báo cáo kết quả'}
      </h1>

      <section className="card" aria-label="Kết quả thực hiện">
        <PageStatus
          bare
          noUnits={units.isSuccess && list.length === 0 && 'Hãy thêm đơn vị ở trang Danh mục trước.'}
          error={readyKey !== viewKey && failed}
          onRetry={() => {
            void dashboard.refetch();
            void values.refetch();
          }}
          loading="Đang tải chỉ tiêu và kết quả…"
        >
          {readyKey === viewKey && unit && period && (
            <>
              <label className="results-show-all">
                <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />{' '}
                Hiện cả các chỉ tiêu chưa được giao cho đơn vị trong kỳ này
              </label>
              {shown.length === 0 ? (
                <EmptyState hint="Đánh dấu ô phía trên để báo cáo cả chỉ tiêu chưa được giao.">
                  {unit.name} chưa được giao chỉ tiêu nào trong {period.label.toLowerCase()}.
                </EmptyState>
              ) : (
                <ResultsForm
                  key={`${viewKey}|${showAll}`}
                  unit={{ id: unit.id, name: unit.name }}
                  period={period}
                  indicators={shown}
                  targets={data.targets}
                  results={data.results}
                  rows={data.rows}
                  lock={dashboard.data?.lock ?? null}
                  canReport={rights.can('report', unit.id)}
                  ratingsHref={ratingsHref}
                />
              )}
            </>
          )}
        </PageStatus>
      </section>
    </div>
  );
}
