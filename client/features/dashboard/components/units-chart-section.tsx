import { useId } from 'react';
import type { DashboardRowDto, DashboardUnitsDto } from '../../../../shared/schemas/dashboard';
import { EmptyState } from '../../../components/ui/empty-state';
import { SelectField } from '../../../components/ui/field';
import { LoadedCard } from '../../../components/ui/loaded-card';
import { Loading } from '../../../components/ui/loading';
import { useFollowLink } from '../../../lib/navigation';
import { useDashboardUnits } from '../api/get-dashboard-units';
import { formatAchievement } from '../utils/achievement';
import {
  ChartLegend,
  FigureCells,
  FigureHeads,
  LazyUnitsChart,
  LevelAxisNote,
  ResultWithParts,
  WithoutDataNote,
} from './chart-notes';

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
  // With indicators outside the table, the choice is in two groups.
  const groups = [
    ['Các chỉ tiêu trong bảng', indicators],
    ['Chỉ tiêu khác', otherIndicators],
  ] as const;

  return (
    <LoadedCard
      className="card chart-card"
      testId="units-chart"
      query={query}
      headClassName="card-head chart-head"
      title={`${name} theo đơn vị trực thuộc — ${period.label}`}
      aside={
        <SelectField
          id={`${id}-code`}
          className="chart-indicator"
          label="Chỉ tiêu"
          value={code}
          onChange={onCodeChange}
          options={otherIndicators.length === 0 ? indicators.map((i) => [i.code, i.name] as const) : []}
        >
          {otherIndicators.length > 0 &&
            groups.map(([label, group]) => (
              <optgroup key={label} label={label}>
                {group.map((i) => (
                  <option key={i.code} value={i.code}>
                    {i.name}
                  </option>
                ))}
              </optgroup>
            ))}
          {missing && <option value={missing.code}>{missing.name}</option>}
        </SelectField>
      }
      errorTitle="Không tải được biểu đồ"
      loading={<Loading label="Đang tải biểu đồ…" />}
    >
      {(data) => (
        <ChartBody
          data={data}
          stale={query.isPlaceholderData}
          periodLabel={period.label}
          name={name}
          hrefOf={(unitId) => `/?unit=${unitId}&period=${period.code}&code=${code}`}
        />
      )}
    </LoadedCard>
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
      <ChartLegend />
      {level && <LevelAxisNote levels={data.indicator.levels} />}
      <LazyUnitsChart data={data} />
      <WithoutDataNote names={withoutData} />
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
                <FigureHeads level={level} />
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
                  <FigureCells
                    level={level}
                    target={r.target?.display ?? '—'}
                    result={<ResultWithParts result={r.result} />}
                    achievement={formatAchievement(r.achievement)}
                    status={r.status}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
