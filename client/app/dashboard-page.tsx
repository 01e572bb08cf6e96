import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef } from 'react';
import { appliesAt } from '../../shared/indicator';
import { parsePeriod } from '../../shared/period';
import type { DashboardRowDto } from '../../shared/schemas/dashboard';
import { EmptyState } from '../components/ui/empty-state';
import { Loading } from '../components/ui/loading';
import { useRights } from '../features/auth/utils/use-rights';
import { compareUnitsQueryOptions } from '../features/compare-units/api/get-compare-units';
import { useDashboard } from '../features/dashboard/api/get-dashboard';
import { DashboardSummary } from '../features/dashboard/components/dashboard-summary';
import { DashboardTable } from '../features/dashboard/components/dashboard-table';
import { ProgressSection } from '../features/dashboard/components/progress-section';
import { UnitsChartSection } from '../features/dashboard/components/units-chart-section';
import { chartChoice, codesWithResults } from '../features/dashboard/utils/chart-choice';
import { HistoryButton } from '../features/history/components/history-button';
import { useIndicators } from '../features/indicators/api/get-indicators';
import { LockBanner, LockButton } from '../features/locks/components/lock-banner';
import { rootUnits } from '../features/units/utils/unit-tree';
import { EditValueButton } from '../features/values/components/edit-value-button';
import { useFollowLink } from '../lib/navigation';
import { bringIntoView, Card, PageStatus, UnitPeriodToolbar } from './page-frame';
import { usePageTitle, useUnitPeriod, useViewNotice } from './page-state';

const _scrollBehavior = (): ScrollBehavior =>
  window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';

/**
 * "So sánh theo kỳ" of one indicator, for the same kind of period over the five years up to
 * the one shown: a year among years, a first half among first halves.
 */
function trendHref(unit: string, code: string, period: string): string {
  const p = parsePeriod(period);
  const kind = !p
    ? 'year'
    : p.kind === 'half' || p.kind === 'quarter'
      ? p.code.slice(5).toLowerCase()
      : p.kind;
  const to = p
    ? p.kind === 'school_year' || p.kind === 'term'
      ? p.end.slice(0, 4)
      : p.start.slice(0, 4)
    : '';
  const params = new URLSearchParams({ unit, code, kind, ...(to ? { to } : {}) });
  return `/so-sanh-ky?${params.toString()}`;
}

/**
 * The home screen: pick a unit and a period, read the headline and the table of targets
 * against results, and compare the child units on one indicator.
 */
export function DashboardPage() {
  const headingId = useId();
  // Defaults when the address does not say: the first unit at the top of what the user may
  // read (the organisation's root, or a chi bộ for its own reporter) and the current year.
  const { search, choose, units, unitId, unit, periodCode, periodLabel, noUnits } = useUnitPeriod(
    '/',
    (list) => rootUnits(list)[0],
  );
  const indicators = useIndicators();
  const rights = useRights();
  const followLink = useFollowLink();
  const chartRef = useRef<HTMLDivElement>(null);

  const dashboard = useDashboard(unitId ? { unit: unitId, period: periodCode } : null);
  const data = dashboard.data;
  const rows = data?.rows ?? [];
  // The chart offers the table's indicators first, then the rest of the catalogue, since a
  // child unit may hold targets its parent does not (a mass organisation's rating).
  const catalogue = indicators.data?.indicators.filter((i) => !i.archived);
  const otherIndicators = (catalogue ?? [])
    .filter((i) => !rows.some((r) => r.indicator.code === i.code))
    .map((i) => ({ code: i.code, name: i.name }));
  const known = (c: string) =>
    rows.some((r) => r.indicator.code === c) || !catalogue || catalogue.some((i) => i.code === c);
  const asked = search.code && known(search.code) ? search.code : undefined;

  // A unit with nothing under it has nobody to compare: no chart, and no hint pointing at one.
  const hasChildren = units.data ? units.data.units.some((u) => u.parentId === unitId) : true;
  // The chart opens on the first indicator that a unit below has a result of, unless one was
  // asked for (utils/chart-choice.ts); the units' results come from the units' scorecard.
  const childResults = useQuery({
    ...compareUnitsQueryOptions({ parent: unitId ?? '', period: periodCode }),
    enabled: !!unitId && hasChildren && rows.length > 0,
  });
  const offered = [...rows.map((r) => r.indicator.code), ...otherIndicators.map((i) => i.code)];
  const choice =
    childResults.data || childResults.isError
      ? chartChoice(offered, asked, childResults.data ? codesWithResults(childResults.data) : null)
      : undefined;
  const code = choice ? choice.code : asked;

  const catalogueByCode = useMemo(
    () => new Map(indicators.data?.indicators.map((i) => [i.code, i])),
    [indicators.data],
  );

  // What the signed-in user may do on this unit: the rest is not offered (shared/rights.ts).
  const shownUnitId = data?.unit.id;
  const mayPlan = shownUnitId ? rights.can('plan', shownUnitId) : false;
  const mayReport = shownUnitId ? rights.can('report', shownUnitId) : false;
  const lock = data?.lock ?? null;

  // "Đã khóa…", "Đã mở khóa…": said once, for the unit and period it was about.
  const viewKey = data ? `${data.unit.id}:${data.period.code}` : '';
  const [notice, say] = useViewNotice(viewKey);

  const rowActions = (row: DashboardRowDto) => {
    if (!data) return null;
    const unit = { id: data.unit.id, name: data.unit.name };
    // The catalogue has the levels and the time aggregate; the row alone will do meanwhile.
    const indicator = catalogueByCode.get(row.indicator.code) ?? { ...row.indicator, timeAggregate: 'none' };
    // Nothing is entered where the indicator does not apply; a derived result is never typed.
    const applies = !('appliesTo' in indicator) || appliesAt(indicator, data.unit.kind);
    const plan = mayPlan && applies;
    const report = mayReport && applies && !('derived' in indicator && indicator.derived);
    return (
      <>
        {(plan || report) && (
          <EditValueButton
            key={`${unit.id}:${data.period.code}`}
            unit={unit}
            period={data.period}
            indicator={indicator}
            row={row}
            rights={{ plan, report }}
            locked={lock !== null}
          />
        )}
        <HistoryButton unit={unit} period={data.period} indicator={row.indicator} />
        <a
          className="button button-secondary button-quiet button-small"
          href={trendHref(unit.id, row.indicator.code, data.period.code)}
          onClick={(e) => followLink(e, trendHref(unit.id, row.indicator.code, data.period.code))}
          aria-label={`Qua các kỳ: ${row.indicator.name}`}
        >
          Qua các kỳ
        </a>
      </>
    );
  };

  // What the tab says, so several open tabs and the history list stay apart.
  const unitName = unit?.name ?? data?.unit.name;
  usePageTitle(unitName ? `${unitName} — ${periodLabel}` : null);

  const selectForChart = (next: string) => {
    choose({ code: next });
    bringIntoView(chartRef);
  };

  // The way up: the units above the one shown, from the top, each a link to its dashboard.
  const trail = useMemo(() => {
    const all = units.data?.units ?? [];
    const byId = new Map(all.map((u) => [u.id, u]));
    const out: { id: string; name: string }[] = [];
    for (let p = byId.get(data?.unit.id ?? '')?.parentId; p; p = byId.get(p)?.parentId) {
      const u = byId.get(p);
      if (!u) break;
      out.unshift({ id: u.id, name: u.name });
    }
    return out;
  }, [units.data, data?.unit.id]);

  return (
    <div className="dashboard">
      <UnitPeriodToolbar unit={unitId} period={periodCode} onChange={choose} />
      <PageStatus
        heading={unitName ? `${unitName} — ${periodLabel}` : 'Bảng chỉ tiêu'}
        noUnits={noUnits && 'Hãy thêm Đảng bộ và các đơn vị trực thuộc trước khi giao chỉ tiêu.'}
        error={!data && dashboard.error}
        onRetry={() => dashboard.refetch()}
        loading="Đang tải bảng chỉ tiêu…"
      >
        {data && (
          <div className={`dashboard-body${dashboard.isPlaceholderData ? ' is-stale' : ''}`}>
            {dashboard.isPlaceholderData && (
              <div className="stale-note">
                <Loading />
              </div>
            )}
            {trail.length > 0 && (
              <nav className="unit-trail" aria-label="Đơn vị cấp trên">
                <span>Thuộc:</span>
                <ol>
                  {trail.map((u) => {
                    const href = `/?unit=${u.id}&period=${data.period.code}`;
                    return (
                      <li key={u.id}>
                        <a href={href} onClick={(e) => followLink(e, href)}>
                          {u.name}
                        </a>
                      </li>
                    );
                  })}
                </ol>
              </nav>
            )}
            <section className="card summary-card" aria-labelledby={headingId}>
              <DashboardSummary
                data={data}
                headingId={headingId}
                banner={
                  data.lock && (
                    <LockBanner
                      unit={data.unit}
                      period={data.period}
                      lock={data.lock}
                      canUnlock={rights.canUnlock}
                      onUnlocked={say}
                    />
                  )
                }
                footer={
                  <>
                    {!data.lock && mayPlan && (
                      <LockButton
                        unit={data.unit}
                        period={data.period}
                        canUnlockAfter={rights.canUnlock(data.unit.id)}
                        onLocked={say}
                      />
                    )}
                    <p className="form-success lock-notice" role="status">
                      {notice}
                    </p>
                  </>
                }
              />
            </section>

            {rows.length === 0 ? (
              <div className="card">
                <EmptyState hint="Hãy chọn kỳ khác, hoặc đơn vị khác, ở phía trên.">
                  Chưa có chỉ tiêu hay kết quả nào của {data.unit.name} trong {data.period.label}.
                </EmptyState>
              </div>
            ) : (
              <>
                <Card
                  className="card table-card"
                  title="Kết quả thực hiện các chỉ tiêu"
                  hint={hasChildren && 'Bấm vào tên một chỉ tiêu để xem biểu đồ theo đơn vị trực thuộc.'}
                >
                  <DashboardTable
                    rows={rows}
                    caption={`Kết quả thực hiện các chỉ tiêu của ${data.unit.name} — ${data.period.label}`}
                    selectedCode={code ?? undefined}
                    onSelect={hasChildren ? selectForChart : undefined}
                    actions={rowActions}
                  />
                </Card>

                <ProgressSection rows={rows} period={data.period} asOf={data.asOf} />

                {hasChildren && (
                  <div ref={chartRef} className="chart-anchor">
                    <UnitsChartSection
                      parentId={data.unit.id}
                      period={data.period}
                      indicators={rows.map((r) => r.indicator)}
                      otherIndicators={otherIndicators}
                      code={code}
                      firstWithResults={choice?.firstWithResults}
                      onCodeChange={(next) => choose({ code: next })}
                    />
                  </div>
                )}
              </>
            )}
          </div>
        )}
      </PageStatus>
    </div>
  );
}
