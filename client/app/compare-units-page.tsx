import { useEffect, useId, useMemo, useRef } from 'react';
import { formatDate } from '../../shared/format';
import { parsePeriod } from '../../shared/period';
import { currentYear } from '../../shared/vietnam-time';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorState } from '../components/ui/error-state';
import { Loading, SkeletonRows } from '../components/ui/loading';
import { useCompareUnits } from '../features/compare-units/api/get-compare-units';
import { RankingSection } from '../features/compare-units/components/ranking-section';
import { ScorecardTable } from '../features/compare-units/components/scorecard-table';
import { describeSort, nextSort, readSort, sortRows } from '../features/compare-units/utils/scorecard';
import { PeriodPicker } from '../features/periods/components/period-picker';
import { useUnits } from '../features/units/api/get-units';
import { UnitPicker } from '../features/units/components/unit-picker';
import { rootUnits } from '../features/units/utils/unit-tree';
import { followLink } from '../lib/location';
import { patchSearchParams, useSearchParams } from '../lib/url-state';
import '../features/compare-units/compare-units.css';

const PATH = '/so-sanh-don-vi';

const scrollBehavior = (): ScrollBehavior =>
  window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';

/**
 * "So sánh đơn vị": the units under one unit side by side for a period, each indicator's
 * verdict in its column, sortable, with a ranking chart of one indicator. Every choice stays
 * in the address (?unit=…&period=…&code=…&sort=…&dir=…), so Back undoes it and a link opens
 * the same view.
 */
export function CompareUnitsPage() {
  const headingId = useId();
  const params = useSearchParams();
  const units = useUnits();
  const chartRef = useRef<HTMLDivElement>(null);

  // Defaults when the address does not say: the first root unit and the current year.
  const list = units.data?.units ?? [];
  const parentId = params.unit || rootUnits(list)[0]?.id;
  const periodCode = params.period || String(currentYear());
  const query = useCompareUnits(parentId ? { parent: parentId, period: periodCode } : null);
  const data = query.data;

  const indicators = data?.indicators ?? [];
  const sort = readSort(params, indicators);
  const sortKey = sort?.key;
  const sortDir = sort?.dir;
  const rows = useMemo(
    () =>
      data
        ? sortRows(data.rows, data.indicators, sortKey && sortDir ? { key: sortKey, dir: sortDir } : null)
        : [],
    [data, sortKey, sortDir],
  );
  // A code from the address that this scorecard does not hold falls back to its first column.
  const chartCode = indicators.some((i) => i.code === params.code) ? params.code : indicators[0]?.code;

  const unitName = list.find((u) => u.id === parentId)?.name ?? data?.parent.name;
  const periodLabel = parsePeriod(periodCode)?.label ?? periodCode;
  useEffect(() => {
    document.title = unitName
      ? `So sánh đơn vị: ${unitName} — ${periodLabel} · Chỉ tiêu`
      : 'So sánh đơn vị · Chỉ tiêu';
  }, [unitName, periodLabel]);

  const dashboardHref = (unitId: string) => `/?unit=${unitId}&period=${encodeURIComponent(periodCode)}`;
  const compareHref = (unitId: string) => {
    const next = new URLSearchParams(window.location.search);
    next.set('unit', unitId);
    next.set('period', periodCode);
    return `${PATH}?${next}`;
  };

  const choose = (patch: Record<string, string | undefined>) =>
    patchSearchParams({ unit: parentId, period: periodCode, ...patch });

  const onSort = (key: string) => {
    const next = nextSort(sort, key);
    choose({ sort: next.key, dir: next.dir });
  };

  const showChart = (code: string) => {
    choose({ code });
    // Bring the chart into view when it is off screen, as the click asked to see it.
    requestAnimationFrame(() => {
      const el = chartRef.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight - 120) {
        el.scrollIntoView({ behavior: scrollBehavior(), block: 'start' });
      }
    });
  };

  const noUnits = units.isSuccess && list.length === 0 && !params.unit;
  const fallbackHeading = unitName
    ? `So sánh các đơn vị trực thuộc ${unitName} — ${periodLabel}`
    : 'So sánh các đơn vị trực thuộc';

  return (
    <div className="page-stack cmpu-page">
      <section className="card toolbar" aria-label="Chọn đơn vị và kỳ">
        <UnitPicker value={parentId} onChange={(unit) => choose({ unit })} />
        <PeriodPicker value={periodCode} onChange={(period) => choose({ period })} />
      </section>

      {noUnits ? (
        <>
          <h1 className="page-title">So sánh các đơn vị trực thuộc</h1>
          <div className="card">
            <EmptyState hint="Hãy thêm Đảng bộ và các đơn vị trực thuộc trước.">
              Chưa có đơn vị nào.
            </EmptyState>
          </div>
        </>
      ) : query.isError && !data ? (
        <>
          <h1 className="page-title">{fallbackHeading}</h1>
          <div className="card">
            <ErrorState error={query.error} onRetry={() => query.refetch()} />
          </div>
        </>
      ) : !data ? (
        <>
          <h1 className="page-title">{fallbackHeading}</h1>
          <div className="card">
            <SkeletonRows label="Đang tải bảng so sánh…" />
          </div>
        </>
      ) : (
        <div className={`page-stack cmpu-body${query.isPlaceholderData ? ' is-stale' : ''}`}>
          {query.isPlaceholderData && (
            <div className="stale-note">
              <Loading />
            </div>
          )}
          <section className="card cmpu-heading" aria-labelledby={headingId}>
            <h1 id={headingId} className="page-title">
              So sánh các đơn vị trực thuộc {data.parent.name} — {data.period.label}
            </h1>
            <p className="period-line">
              <span>
                Từ {formatDate(data.period.start)} đến {formatDate(data.period.end)}
              </span>
              <span className={`period-state ${data.period.open ? 'is-open' : 'is-over'}`}>
                {data.period.open ? 'Kỳ đang diễn ra' : 'Kỳ đã kết thúc'}
              </span>
            </p>
            <p className="cmpu-links">
              <a
                href={dashboardHref(data.parent.id)}
                onClick={(e) => followLink(e, dashboardHref(data.parent.id))}
              >
                Mở bảng chỉ tiêu của {data.parent.name}
              </a>
            </p>
          </section>

          {data.rows.length === 0 ? (
            <div className="card">
              <EmptyState hint="Hãy chọn một Đảng bộ hoặc đơn vị có đơn vị trực thuộc ở phía trên.">
                {data.parent.name} không có đơn vị trực thuộc.
              </EmptyState>
            </div>
          ) : indicators.length === 0 ? (
            <div className="card">
              <EmptyState hint="Hãy chọn kỳ khác ở phía trên.">
                Chưa đơn vị trực thuộc nào của {data.parent.name} có chỉ tiêu hay kết quả trong{' '}
                {data.period.label}.
              </EmptyState>
            </div>
          ) : (
            <>
              <section className="card cmpu-card" aria-labelledby={`${headingId}-table`}>
                <div className="card-head">
                  <h2 id={`${headingId}-table`} className="card-title">
                    Bảng so sánh: {data.rows.length} đơn vị, {indicators.length} chỉ tiêu
                  </h2>
                  <p className="card-hint">
                    Bấm tiêu đề cột để sắp xếp; bấm tên đơn vị để mở bảng chỉ tiêu của đơn vị.
                  </p>
                </div>
                <p className="cmpu-sort-line" role="status">
                  {sort ? (
                    <>
                      Đang xếp {describeSort(sort, indicators)}.{' '}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => choose({ sort: undefined, dir: undefined })}
                      >
                        Về thứ tự ban đầu
                      </button>
                    </>
                  ) : (
                    'Theo thứ tự trong danh mục đơn vị.'
                  )}
                </p>
                <p className="cmpu-abbr">
                  <abbr title="Thực hiện">TH</abbr>: thực hiện · <abbr title="Kế hoạch">KH</abbr>: kế hoạch ·
                  Tỷ lệ: tỷ lệ so với kế hoạch
                </p>
                {/* The table scrolls sideways in its own box; tabbing through its headings and
                    links brings each into view, and the arrow keys scroll it from there. */}
                <div className="table-wrap cmpu-scroll">
                  <ScorecardTable
                    data={data}
                    rows={rows}
                    sort={sort}
                    onSort={onSort}
                    chartCode={chartCode}
                    onChart={showChart}
                    dashboardHref={dashboardHref}
                    compareHref={compareHref}
                  />
                </div>
              </section>

              {chartCode && (
                <div ref={chartRef} className="chart-anchor">
                  <RankingSection
                    data={data}
                    code={chartCode}
                    onCodeChange={(code) => choose({ code })}
                    dashboardHref={dashboardHref}
                  />
                </div>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
