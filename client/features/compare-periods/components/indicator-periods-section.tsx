import { lazy, type RefObject } from 'react';
import type { ComparePeriodsDto } from '../../../../shared/schemas/compare';
import { EmptyState } from '../../../components/ui/empty-state';
import { LoadedCard } from '../../../components/ui/loaded-card';
import { SkeletonRows } from '../../../components/ui/loading';
import { useFollowLink } from '../../../lib/navigation';
import { ChartLegend, ChartSuspense, LevelAxisNote } from '../../dashboard/components/chart-notes';
import { useComparePeriods } from '../api/get-compare-periods';
import { chartSummary, periodChartData } from '../utils/period-chart-data';
import { IndicatorPeriodsTable } from './indicator-periods-table';
import '../compare-periods.css';

// Recharts is heavy: it comes in its own chunk, after the table is on screen.
const IndicatorPeriodsChart = lazy(() =>
  import('./indicator-periods-chart').then((m) => ({ default: m.IndicatorPeriodsChart })),
);

interface IndicatorPeriodsSectionProps {
  unitId: string;
  code: string;
  periods: string[];
  /** "Các năm 2022–2026". */
  choiceText: string;
  /** The indicator's name from the catalogue, to title the section before the answer comes. */
  name: string | undefined;
  /** This page with every indicator: the way back to the overview. */
  overviewHref: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** One indicator of one unit across the periods chosen: a chart, then its figures in a table. */
export function IndicatorPeriodsSection({
  unitId,
  code,
  periods,
  choiceText,
  name: catalogueName,
  overviewHref,
  headingRef,
}: IndicatorPeriodsSectionProps) {
  const followLink = useFollowLink();
  const query = useComparePeriods({ unit: unitId, code, periods });
  const data = query.data;
  // While another indicator loads, the previous one stays dimmed under the new one's name.
  const fresh = data?.indicator.code === code ? data : undefined;
  const name = fresh?.indicator.name ?? catalogueName ?? code;

  return (
    <LoadedCard
      className="card cmpk-card"
      testId="compare-indicator"
      query={query}
      headingRef={headingRef}
      title={
        <>
          {name} <span className="cmpk-title-range">— {choiceText}</span>
        </>
      }
      aside={
        <a className="cmpk-back" href={overviewHref} onClick={(e) => followLink(e, overviewHref)}>
          <span aria-hidden="true">← </span>Tất cả chỉ tiêu
        </a>
      }
      errorTitle="Không tải được số liệu so sánh"
      loading={<SkeletonRows rows={5} label="Đang tải số liệu các kỳ…" />}
    >
      {(data) => (
        <SectionBody data={data} stale={query.isPlaceholderData} name={name} choiceText={choiceText} />
      )}
    </LoadedCard>
  );
}

function SectionBody({
  data,
  stale,
  name,
  choiceText,
}: {
  data: ComparePeriodsDto;
  stale: boolean;
  name: string;
  choiceText: string;
}) {
  if (data.rows.every((r) => !r.target && !r.result)) {
    return (
      <EmptyState hint="Hãy chọn khoảng năm khác, cách so sánh khác, hoặc đơn vị khác ở phía trên.">
        Chưa có số liệu nào của {data.unit.name} về “{name}” trong các kỳ đã chọn.
      </EmptyState>
    );
  }
  const { scale, rows } = periodChartData(data);
  const title = `${name} của ${data.unit.name}, ${choiceText.charAt(0).toLowerCase()}${choiceText.slice(1)}`;
  const level = scale.kind === 'level';

  return (
    <div className={stale ? 'is-stale' : undefined}>
      <ChartLegend resultWords="Thực hiện, tô màu theo đánh giá (ghi kèm từng kỳ):" />
      {level && <LevelAxisNote levels={data.indicator.levels} />}
      <div role="img" aria-label={chartSummary(title, rows)} className="cmpk-chart">
        <ChartSuspense>
          <IndicatorPeriodsChart scale={scale} rows={rows} />
        </ChartSuspense>
      </div>
      <h3 className="cmpk-subtitle">Số liệu từng kỳ</h3>
      <IndicatorPeriodsTable data={data} caption={title} />
    </div>
  );
}
