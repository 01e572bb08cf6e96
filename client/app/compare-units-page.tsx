import { useId, useMemo, useRef } from 'react';
import { formatDate } from '../../shared/format';
import { EmptyState } from '../components/ui/empty-state';
import { Loading } from '../components/ui/loading';
import { ScrollTable } from '../components/ui/scroll-table';
import { useCompareUnits } from '../features/compare-units/api/get-compare-units';
import { RankingSection } from '../features/compare-units/components/ranking-section';
import { ScorecardTable } from '../features/compare-units/components/scorecard-table';
import { describeSort, nextSort, readSort, sortRows } from '../features/compare-units/utils/scorecard';
import { chartChoice, codesWithResults } from '../features/dashboard/utils/chart-choice';
import { rootUnits } from '../features/units/utils/unit-tree';
import { useFollowLink } from '../lib/navigation';
import { bringIntoView, Card, PageStatus, UnitPeriodToolbar } from './page-frame';
import { usePageTitle, useUnitPeriod } from './page-state';
import { stringifySearch } from './search';
import '../features/compare-units/compare-units.css';

/**
 * "So sánh đơn vị": the units under one unit side by side for a period, each indicator's
 * verdict in its column, sortable, with a ranking chart of one indicator. Every choice stays
 * in the address (?unit=…&period=…&code=…&sort=…&dir=…), so Back undoes it and a link opens
 * the same view.
 */
export function CompareUnitsPage() {
  const headingId = useId();
  // Defaults when the address does not say: the first root unit and the current year.
  const {
    search: params,
    choose,
    unitId: parentId,
    unit,
    periodCode,
    periodLabel,
    noUnits,
  } = useUnitPeriod('/so-sanh-don-vi', (list) => rootUnits(list)[0]);
  const followLink = useFollowLink();
  const chartRef = useRef<HTMLDivElement>(null);
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
  // The ranking opens on the first column that a unit has a result of; a code asked for (in the
  // address) stays if this scorecard holds it, results or not (utils/chart-choice.ts).
  const asked = indicators.some((i) => i.code === params.code) ? params.code : undefined;
  const choice = useMemo(
    () =>
      data
        ? chartChoice(
            data.indicators.map((i) => i.code),
            asked,
            codesWithResults(data),
          )
        : null,
    [data, asked],
  );
  const chartCode = choice?.code ?? undefined;

  const unitName = unit?.name ?? data?.parent.name;
  usePageTitle(unitName ? `So sánh đơn vị: ${unitName} — ${periodLabel}` : 'So sánh đơn vị');

  const dashboardHref = (unitId: string) => `/?unit=${unitId}&period=${encodeURIComponent(periodCode)}`;
  const compareHref = (unitId: string) =>
    `/so-sanh-don-vi${stringifySearch({ ...params, unit: unitId, period: periodCode })}`;

  const onSort = (key: string) => {
    const next = nextSort(sort, key);
    choose({ sort: next.key, dir: next.dir });
  };

  const showChart = (code: string) => {
    choose({ code });
    bringIntoView(chartRef);
  };

  return (
    <div className="page-stack cmpu-page">
      <UnitPeriodToolbar unit={parentId} period={periodCode} onChange={choose} />
      <PageStatus
        heading={
          unitName
            ? `So sánh các đơn vị trực thuộc ${unitName} — ${periodLabel}`
            : 'So sánh các đơn vị trực thuộc'
        }
        noUnits={noUnits && 'Hãy thêm Đảng bộ và các đơn vị trực thuộc trước.'}
        error={!data && query.error}
        onRetry={() => query.refetch()}
        loading="Đang tải bảng so sánh…"
      >
        {data && (
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
                <Card
                  className="card cmpu-card"
                  title={
                    <>
                      Bảng so sánh: {data.rows.length} đơn vị, {indicators.length} chỉ tiêu
                    </>
                  }
                  hint="Bấm tiêu đề cột để sắp xếp; bấm tên đơn vị để mở bảng chỉ tiêu của đơn vị."
                >
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
                    <abbr title="Thực hiện">TH</abbr>: thực hiện · <abbr title="Kế hoạch">KH</abbr>: kế hoạch
                    · Tỷ lệ: tỷ lệ so với kế hoạch
                  </p>
                  {/* The table scrolls sideways in its own box; tabbing through its headings and
                    links brings each into view, and the arrow keys scroll it from there. */}
                  <ScrollTable
                    label={`Bảng so sánh các đơn vị trực thuộc ${data.parent.name}`}
                    boxClassName="cmpu-scroll"
                  >
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
                  </ScrollTable>
                </Card>

                <div ref={chartRef} className="chart-anchor">
                  <RankingSection
                    data={data}
                    code={chartCode ?? null}
                    firstWithResults={choice?.firstWithResults ?? null}
                    onCodeChange={(code) => choose({ code })}
                    dashboardHref={dashboardHref}
                  />
                </div>
              </>
            )}
          </div>
        )}
      </PageStatus>
    </div>
  );
}
