import { lazy, Suspense, useId } from 'react';
import { formatNumber } from '../../../../shared/format';
import { STATUS_LABELS, type Status } from '../../../../shared/judgement';
import type { DashboardRowDto, DashboardUnitsDto } from '../../../../shared/schemas/dashboard';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { Loading } from '../../../components/ui/loading';
import { StatusBadge } from '../../../components/ui/status-badge';
import { STATUS_CHART_COLORS, TARGET_FILL, TARGET_STROKE } from '../../../components/ui/status-colors';
import { useFollowLink } from '../../../lib/navigation';
import { useDashboardUnits } from '../api/get-dashboard-units';
import { formatAchievement } from '../utils/achievement';

// Recharts is heavy: it comes in its own chunk, after the table is on screen.
const UnitsChart = lazy(() => import('./units-chart').then((m) => ({ default: m.UnitsChart })));

const LEGEND_STATUSES: Status[] = ['exceeded', 'met', 'not_yet', 'missed', 'no_target'];

interface UnitsChartSectionProps {
  parentId: string;
  period: { code: string; label: string };
  /** The dashboard's rows: the indicators one may chart. */
  indicators: DashboardRowDto['indicator'][];
  /** Indicators outside the table, for units below that hold their own targets. */
  otherIndicators?: { code: string; name: string }[];
  code: string;
  onCodeChange: (code: string) => void;
}

/** "<chỉ tiêu> theo đơn vị trực thuộc — <kỳ>": target against result for every child unit. */
export function UnitsChartSection({
  parentId,
  period,
  indicators,
  otherIndicators = [],
  code,
  onCodeChange,
}: UnitsChartSectionProps) {
  const id = useId();
  const query = useDashboardUnits({ parent: parentId, code, period: period.code });
  const indicator = indicators.find((i) => i.code === code) ?? otherIndicators.find((i) => i.code === code);
  // A code from a link that the lists do not hold (yet): keep it selectable as it is.
  const missing = indicator ? null : { code, name: query.data?.indicator.name ?? code };
  const name = indicator?.name ?? query.data?.indicator.name ?? code;
  const data = query.data;

  return (
    <section
      className="card chart-card"
      data-testid="units-chart"
      aria-labelledby={`${id}-title`}
      aria-busy={query.isFetching}
    >
      <div className="card-head chart-head">
        <h2 id={`${id}-title`} className="card-title">
          {name} theo đơn vị trực thuộc — {period.label}
        </h2>
        <div className="field chart-indicator">
          <label className="field-label" htmlFor={`${id}-code`}>
            Chỉ tiêu
          </label>
          <select
            id={`${id}-code`}
            className="select"
            value={code}
            onChange={(e) => onCodeChange(e.target.value)}
          >
            {otherIndicators.length === 0 ? (
              indicators.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.name}
                </option>
              ))
            ) : (
              <>
                <optgroup label="Các chỉ tiêu trong bảng">
                  {indicators.map((i) => (
                    <option key={i.code} value={i.code}>
                      {i.name}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Chỉ tiêu khác">
                  {otherIndicators.map((i) => (
                    <option key={i.code} value={i.code}>
                      {i.name}
                    </option>
                  ))}
                </optgroup>
              </>
            )}
            {missing && <option value={missing.code}>{missing.name}</option>}
          </select>
        </div>
      </div>

      {query.isError && !data ? (
        <ErrorState title="Không tải được biểu đồ" error={query.error} onRetry={() => query.refetch()} />
      ) : !data ? (
        <Loading label="Đang tải biểu đồ…" />
      ) : (
        <ChartBody
          data={data}
          stale={query.isPlaceholderData}
          periodLabel={period.label}
          name={name}
          hrefOf={(unitId) => `/?unit=${unitId}&period=${period.code}&code=${code}`}
        />
      )}
    </section>
  );
}

function ChartBody({
  data,
  stale,
  periodLabel,
  name,
  hrefOf,
}: {
  data: DashboardUnitsDto;
  stale: boolean;
  periodLabel: string;
  name: string;
  /** The dashboard of a unit below: where a click on its name leads. */
  hrefOf: (unitId: string) => string;
}) {
  const followLink = useFollowLink();
  if (data.rows.length === 0) {
    return (
      <EmptyState hint="Chọn một Đảng bộ hoặc đơn vị có đơn vị trực thuộc để so sánh.">
        Đơn vị này không có đơn vị trực thuộc.
      </EmptyState>
    );
  }
  if (data.rows.every((r) => !r.target && !r.result)) {
    return (
      <EmptyState hint="Chọn chỉ tiêu khác hoặc kỳ khác.">
        Chưa đơn vị trực thuộc nào có chỉ tiêu hay kết quả “{name}” trong {periodLabel}.
      </EmptyState>
    );
  }
  const level = data.indicator.kind === 'level';
  const withoutData = data.rows.filter((r) => !r.target && !r.result).map((r) => r.unit.name);

  return (
    <div className={stale ? 'is-stale' : undefined}>
      <ul className="chart-legend" aria-label="Chú giải">
        <li>
          <span className="legend-swatch" style={{ background: TARGET_FILL, borderColor: TARGET_STROKE }} />
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
          Trục ngang là các mức xếp loại, từ thấp đến cao: {data.indicator.levels?.join(' → ')}.
        </p>
      )}
      <Suspense fallback={<Loading label="Đang vẽ biểu đồ…" />}>
        <UnitsChart data={data} />
      </Suspense>
      {withoutData.length > 0 && (
        <p className="chart-note">
          Không có kế hoạch hay kết quả của chỉ tiêu này ({withoutData.length} đơn vị):{' '}
          {withoutData.join('; ')}.
        </p>
      )}
      <nav className="drill-units" aria-label="Mở bảng chỉ tiêu của một đơn vị trực thuộc">
        <span className="drill-units-label">Xem chi tiết:</span>
        {data.rows.map((r) => (
          <a key={r.unit.id} href={hrefOf(r.unit.id)} onClick={(e) => followLink(e, hrefOf(r.unit.id))}>
            {r.unit.name}
          </a>
        ))}
      </nav>
      <details className="chart-table">
        <summary>Xem dạng bảng</summary>
        <div className="table-wrap">
          <table className="data-table compact-table">
            <caption className="visually-hidden">
              {name} theo đơn vị trực thuộc — {periodLabel}
            </caption>
            <thead>
              <tr>
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
              {data.rows.map((r) => (
                <tr key={r.unit.id} data-unit={r.unit.id}>
                  <th scope="row" data-label="Đơn vị">
                    <a href={hrefOf(r.unit.id)} onClick={(e) => followLink(e, hrefOf(r.unit.id))}>
                      {r.unit.name}
                    </a>
                  </th>
                  <td className={level ? 'text-value' : 'num'} data-label="Kế hoạch">
                    {r.target?.display ?? '—'}
                  </td>
                  <td className={level ? 'text-value' : 'num'} data-label="Thực hiện">
                    {r.result?.display ?? '—'}
                    {r.result?.numerator !== undefined && r.result.denominator !== undefined && (
                      <span className="result-parts">
                        {' '}
                        ({formatNumber(r.result.numerator)}/{formatNumber(r.result.denominator)})
                      </span>
                    )}
                  </td>
                  <td className="num" data-label="Tỷ lệ so với KH">
                    {formatAchievement(r.achievement)}
                  </td>
                  <td data-label="Đánh giá">
                    <StatusBadge status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
