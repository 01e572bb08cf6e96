import type { RefObject } from 'react';
import { formatNumber, formatPercentX100 } from '../../../../shared/format';
import { summarize } from '../../../../shared/judgement';
import type { CompareOverviewDto } from '../../../../shared/schemas/compare';
import { EmptyState } from '../../../components/ui/empty-state';
import { LoadedCard } from '../../../components/ui/loaded-card';
import { Loading, SkeletonRows } from '../../../components/ui/loading';
import { StatusBadge } from '../../../components/ui/status-badge';
import { useFollowLink } from '../../../lib/navigation';
import { useCompareOverview } from '../api/get-compare-overview';
import { dashboardHref } from '../utils/links';
import { PeriodNote } from './period-note';
import '../compare-periods.css';
import { ScrollTable } from '../../../components/ui/scroll-table';

type Cell = CompareOverviewDto['indicators'][number]['cells'][number];

interface CompareOverviewSectionProps {
  unitId: string;
  periods: string[];
  /** "Các năm 2022–2026". */
  choiceText: string;
  /** This page showing one indicator. */
  indicatorHref: (code: string) => string;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** Every indicator of the unit (rows) by the periods chosen (columns), each cell judged in words. */
export function CompareOverviewSection({
  unitId,
  periods,
  choiceText,
  indicatorHref,
  headingRef,
}: CompareOverviewSectionProps) {
  const query = useCompareOverview({ unit: unitId, periods });
  const data = query.data;

  return (
    <LoadedCard
      className="card cmpk-card"
      testId="compare-overview"
      query={query}
      headingRef={headingRef}
      title={
        <>
          Tất cả chỉ tiêu <span className="cmpk-title-range">— {choiceText}</span>
        </>
      }
      aside={
        data &&
        data.indicators.length > 0 && (
          <p className="card-hint">Bấm vào tên một chỉ tiêu để xem biểu đồ và mức thay đổi qua các kỳ.</p>
        )
      }
      errorTitle="Không tải được bảng so sánh"
      loading={<SkeletonRows rows={6} label="Đang tải bảng so sánh…" />}
    >
      {(data) =>
        data.indicators.length === 0 ? (
          <EmptyState hint="Hãy chọn khoảng năm khác, cách so sánh khác, hoặc đơn vị khác ở phía trên.">
            Chưa có số liệu nào của {data.unit.name} trong các kỳ đã chọn.
          </EmptyState>
        ) : (
          <div className={query.isPlaceholderData ? 'is-stale cmpk-stale' : undefined}>
            {query.isPlaceholderData && (
              <div className="stale-note">
                <Loading />
              </div>
            )}
            <OverviewTable
              data={data}
              caption={`Đánh giá các chỉ tiêu của ${data.unit.name} — ${choiceText}`}
              indicatorHref={indicatorHref}
            />
          </div>
        )
      }
    </LoadedCard>
  );
}

function CellBody({ cell }: { cell: Cell }) {
  if (!cell.target && !cell.result) {
    return (
      <>
        <span className="muted" aria-hidden="true">
          —
        </span>
        <span className="visually-hidden">Không có chỉ tiêu và kết quả</span>
      </>
    );
  }
  const r = cell.result;
  return (
    <div className="cmpk-cell">
      <StatusBadge status={cell.status} />
      {r && (
        <span className="cmpk-cell-result">
          <span className="cmpk-cell-value">{r.display}</span>
          {r.numerator !== undefined && r.denominator !== undefined && (
            <span className="result-parts">
              {' '}
              ({formatNumber(r.numerator)}/{formatNumber(r.denominator)})
            </span>
          )}
        </span>
      )}
      {cell.target && <span className="cmpk-cell-target">KH: {cell.target.display}</span>}
    </div>
  );
}

function OverviewTable({
  data,
  caption,
  indicatorHref,
}: {
  data: CompareOverviewDto;
  caption: string;
  indicatorHref: (code: string) => string;
}) {
  const followLink = useFollowLink();
  const unitId = data.unit.id;
  const summaries = data.periods.map((_, i) =>
    summarize(data.indicators.map((row) => row.cells[i]?.status ?? 'no_target')),
  );

  return (
    <ScrollTable label={caption} boxClassName="cmpk-overview-wrap">
      <table className="data-table cmpk-overview">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="cmpk-sticky">
              Chỉ tiêu
            </th>
            {data.periods.map((p) => {
              const href = dashboardHref(unitId, p.code);
              return (
                <th scope="col" key={p.code} data-period={p.code} className="cmpk-period-head">
                  <a href={href} title={`Mở Bảng chỉ tiêu ${p.label}`} onClick={(e) => followLink(e, href)}>
                    {p.label}
                  </a>
                  <PeriodNote period={p} />
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {data.indicators.map(({ indicator, cells }) => {
            const href = indicatorHref(indicator.code);
            return (
              <tr key={indicator.code} data-code={indicator.code}>
                <th scope="row" className="cmpk-sticky">
                  <a className="cmpk-indicator-link" href={href} onClick={(e) => followLink(e, href)}>
                    {indicator.name}
                  </a>
                  <span className="cmpk-unit-label">ĐVT: {indicator.unitLabel}</span>
                </th>
                {cells.map((cell) => (
                  <td key={cell.period} data-period={cell.period} data-status={cell.status}>
                    <CellBody cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="cmpk-sticky">
              Số chỉ tiêu đạt và vượt
            </th>
            {data.periods.map((p, i) => {
              const s = summaries[i];
              return (
                <td key={p.code} data-period={p.code} className="cmpk-share">
                  {s && s.shareX100 !== null ? (
                    <>
                      <strong>
                        {s.achieved}/{s.withTarget}
                      </strong>{' '}
                      ({formatPercentX100(s.shareX100)})
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              );
            })}
          </tr>
        </tfoot>
      </table>
    </ScrollTable>
  );
}
