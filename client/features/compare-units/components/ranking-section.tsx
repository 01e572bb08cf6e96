import { lazy, Suspense, useId, useMemo } from 'react';
import { formatNumber } from '../../../../shared/format';
import { STATUS_LABELS, type Status } from '../../../../shared/judgement';
import type { CompareUnitsDto } from '../../../../shared/schemas/compare';
import { EmptyState } from '../../../components/ui/empty-state';
import { Loading } from '../../../components/ui/loading';
import { StatusBadge } from '../../../components/ui/status-badge';
import { STATUS_CHART_COLORS, TARGET_FILL, TARGET_STROKE } from '../../../components/ui/status-colors';
import { useFollowLink } from '../../../lib/navigation';
import { rankingChartData, rankingRule, rankUnits } from '../utils/ranking';

// The dashboard's chart of target against result per unit, drawn here with the units in rank
// order. It carries Recharts, so it comes in its own chunk, after the scorecard is on screen.
const UnitsChart = lazy(() =>
  import('../../dashboard/components/units-chart').then((m) => ({ default: m.UnitsChart })),
);

const LEGEND_STATUSES: Status[] = ['exceeded', 'met', 'not_yet', 'missed', 'no_target'];

interface RankingSectionProps {
  data: CompareUnitsDto;
  /** The indicator ranked: one of data.indicators. */
  code: string;
  onCodeChange: (code: string) => void;
  dashboardHref: (unitId: string) => string;
}

/** "Xếp hạng các đơn vị: <chỉ tiêu> — <kỳ>": the units from best to worst on one indicator. */
export function RankingSection({ data, code, onCodeChange, dashboardHref }: RankingSectionProps) {
  const followLink = useFollowLink();
  const id = useId();
  const indicator = data.indicators.find((i) => i.code === code) ?? data.indicators[0];
  const ranking = useMemo(() => (indicator ? rankUnits(data.rows, indicator) : []), [data.rows, indicator]);
  if (!indicator) return null;

  const level = indicator.kind === 'level';
  const drawn = ranking.filter((r) => r.cell.target !== null || r.cell.result !== null);
  const withoutAny = ranking.filter((r) => r.cell.target === null && r.cell.result === null);
  const chart = rankingChartData(data, indicator, drawn);

  return (
    <section
      className="card chart-card cmpu-ranking"
      data-testid="ranking-chart"
      aria-labelledby={`${id}-title`}
    >
      <div className="card-head chart-head">
        <h2 id={`${id}-title`} className="card-title">
          Xếp hạng các đơn vị: {indicator.name} — {data.period.label}
        </h2>
        <div className="field chart-indicator">
          <label className="field-label" htmlFor={`${id}-code`}>
            Chỉ tiêu
          </label>
          <select
            id={`${id}-code`}
            className="select"
            value={indicator.code}
            onChange={(e) => onCodeChange(e.target.value)}
          >
            {data.indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {i.name}
              </option>
            ))}
          </select>
        </div>
      </div>

      {drawn.length === 0 ? (
        <EmptyState hint="Chọn chỉ tiêu khác hoặc kỳ khác.">
          Chưa đơn vị trực thuộc nào có kế hoạch hay kết quả “{indicator.name}” trong {data.period.label}.
        </EmptyState>
      ) : (
        <>
          <p className="chart-note">{rankingRule(indicator)}</p>
          <ul className="chart-legend" aria-label="Chú giải">
            <li>
              <span
                className="legend-swatch"
                style={{ background: TARGET_FILL, borderColor: TARGET_STROKE }}
              />
              Kế hoạch
            </li>
            <li>
              <span className="legend-label">Thực hiện, tô màu theo đánh giá:</span>
              {LEGEND_STATUSES.map((s) => (
                <span key={s} className="legend-status">
                  <span className="legend-swatch" style={{ background: STATUS_CHART_COLORS[s] }} />
                  {STATUS_LABELS[s]}
                </span>
              ))}
            </li>
          </ul>
          {level && (
            <p className="chart-note">
              Trục ngang là các mức xếp loại, từ thấp đến cao: {indicator.levels?.join(' → ')}.
            </p>
          )}
          <Suspense fallback={<Loading label="Đang vẽ biểu đồ…" />}>
            <UnitsChart data={chart} />
          </Suspense>
        </>
      )}
      {withoutAny.length > 0 && drawn.length > 0 && (
        <p className="chart-note">
          Không có kế hoạch hay kết quả của chỉ tiêu này ({withoutAny.length} đơn vị):{' '}
          {withoutAny.map((r) => r.row.unit.name).join('; ')}.
        </p>
      )}

      <details className="chart-table">
        <summary>Xem dạng bảng</summary>
        <div className="table-wrap">
          <table className="data-table compact-table cmpu-rank-table">
            <caption className="visually-hidden">
              Xếp hạng các đơn vị trực thuộc {data.parent.name} theo “{indicator.name}” — {data.period.label}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Hạng
                </th>
                <th scope="col">Đơn vị</th>
                <th scope="col" className={level ? undefined : 'num'}>
                  Kế hoạch
                </th>
                <th scope="col" className={level ? undefined : 'num'}>
                  Thực hiện
                </th>
                <th scope="col" className="num">
                  Tỷ lệ so với KH
                </th>
                <th scope="col">Đánh giá</th>
              </tr>
            </thead>
            <tbody>
              {ranking.map(({ row, cell, rank }) => (
                <tr key={row.unit.id} data-unit={row.unit.id}>
                  <td className="num" data-label="Hạng">
                    {rank ?? '—'}
                  </td>
                  <th scope="row" data-label="Đơn vị">
                    <a
                      href={dashboardHref(row.unit.id)}
                      onClick={(e) => followLink(e, dashboardHref(row.unit.id))}
                    >
                      {row.unit.name}
                    </a>
                  </th>
                  <td className={level ? 'text-value' : 'num'} data-label="Kế hoạch">
                    {cell.target?.display ?? '—'}
                  </td>
                  <td className={level ? 'text-value' : 'num'} data-label="Thực hiện">
                    {cell.result?.display ?? '—'}
                    {cell.result?.numerator !== undefined && cell.result.denominator !== undefined && (
                      <span className="result-parts">
                        {' '}
                        ({formatNumber(cell.result.numerator)}/{formatNumber(cell.result.denominator)})
                      </span>
                    )}
                  </td>
                  <td className="num" data-label="Tỷ lệ so với KH">
                    {cell.achievement === null ? '—' : `${formatNumber(cell.achievement)}%`}
                  </td>
                  <td data-label="Đánh giá">
                    <StatusBadge status={cell.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
