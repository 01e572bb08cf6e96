import { useId } from 'react';
import type { DashboardRowDto, DashboardUnitsDto } from '../../../../shared/schemas/dashboard';
import { EmptyState } from '../../../components/ui/empty-state';
import { SelectField } from '../../../components/ui/field';
import { LoadedCard } from '../../../components/ui/loaded-card';
import { Loading } from '../../../components/ui/loading';
import { ScrollTable } from '../../../components/ui/scroll-table';
import { useFollowLink } from '../../../lib/navigation';
import { useDashboardUnits } from '../api/get-dashboard-units';
import { formatAchievement } from '../utils/achievement';
import {
  ChartLegend,
  FigureCells,
  FigureHeads,
  LazyUnitsChart,
  LevelAxisNote,
  NoResultsNote,
  NothingToCompareNote,
  ResultWithParts,
  WithoutDataNote,
} from './chart-notes';

type Choice = { code: string; name: string };

interface UnitsChartSectionProps {
  parentId: string;
  period: { code: string; label: string };
  /** The dashboard's rows: the indicators one may chart. */
  indicators: DashboardRowDto['indicator'][];
  /** Indicators outside the table, for units below that hold their own targets. */
  otherIndicators?: Choice[];
  /**
   * The indicator charted (utils/chart-choice.ts); null when no unit below has a result of
   * any, undefined while that is being found out.
   */
  code: string | null | undefined;
  /** The first indicator with results, offered when the one charted has none. */
  firstWithResults?: string | null | undefined;
  onCodeChange: (code: string) => void;
}

/** "<chỉ tiêu> theo đơn vị trực thuộc — <kỳ>": target against result for every child unit. */
export function UnitsChartSection(props: UnitsChartSectionProps) {
  const { period, indicators, otherIndicators = [], code, onCodeChange } = props;
  const id = useId();
  if (typeof code === 'string') return <IndicatorChart {...props} code={code} />;
  // Nothing charted: the same card, the choice of an indicator, and a sentence instead of a chart.
  return (
    <section className="card chart-card" data-testid="units-chart" aria-labelledby={`${id}-title`}>
      <div className="card-head chart-head">
        <h2 id={`${id}-title`} className="card-title">
          Biểu đồ theo đơn vị trực thuộc — {period.label}
        </h2>
        <IndicatorSelect
          id={`${id}-code`}
          value=""
          indicators={indicators}
          otherIndicators={otherIndicators}
          onChange={onCodeChange}
        />
      </div>
      {code === undefined ? (
        <Loading label="Đang tìm chỉ tiêu đã có kết quả…" />
      ) : (
        <NothingToCompareNote periodLabel={period.label} />
      )}
    </section>
  );
}

/** The choice of an indicator: the table's, then the others, in two groups when there are others. */
function IndicatorSelect({
  id,
  value,
  indicators,
  otherIndicators,
  missing,
  onChange,
}: {
  id: string;
  value: string;
  indicators: Choice[];
  otherIndicators: Choice[];
  /** A code from a link that the lists do not hold (yet): kept selectable as it is. */
  missing?: Choice | null;
  onChange: (code: string) => void;
}) {
  const groups = [
    ['Các chỉ tiêu trong bảng', indicators],
    ['Chỉ tiêu khác', otherIndicators],
  ] as const;
  return (
    <SelectField
      id={id}
      className="chart-indicator"
      label="Chỉ tiêu"
      value={value}
      onChange={(next) => next && onChange(next)}
      options={otherIndicators.length === 0 ? indicators.map((i) => [i.code, i.name] as const) : []}
    >
      {value === '' && <option value="">Chọn một chỉ tiêu…</option>}
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
  );
}

function IndicatorChart({
  parentId,
  period,
  indicators,
  otherIndicators = [],
  code,
  firstWithResults,
  onCodeChange,
}: UnitsChartSectionProps & { code: string }) {
  const id = useId();
  const query = useDashboardUnits({ parent: parentId, code, period: period.code });
  const all = [...indicators, ...otherIndicators];
  const indicator = all.find((i) => i.code === code);
  const missing = indicator ? null : { code, name: query.data?.indicator.name ?? code };
  const name = indicator?.name ?? query.data?.indicator.name ?? code;
  const other =
    firstWithResults && firstWithResults !== code ? all.find((i) => i.code === firstWithResults) : null;

  return (
    <LoadedCard
      className="card chart-card"
      testId="units-chart"
      query={query}
      headClassName="card-head chart-head"
      title={`${name} theo đơn vị trực thuộc — ${period.label}`}
      aside={
        <IndicatorSelect
          id={`${id}-code`}
          value={code}
          indicators={indicators}
          otherIndicators={otherIndicators}
          missing={missing}
          onChange={onCodeChange}
        />
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
          other={other}
          onOther={onCodeChange}
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
  other,
  onOther,
  hrefOf,
}: {
  data: DashboardUnitsDto;
  stale: boolean;
  periodLabel: string;
  name: string;
  other: Choice | null | undefined;
  onOther: (code: string) => void;
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
  const withTarget = data.rows.filter((r) => r.target).length;
  // Targets alone compare nothing: a sentence instead of grey bars, the targets in the table.
  if (!data.rows.some((r) => r.result)) {
    return (
      <div className={stale ? 'is-stale' : undefined}>
        <NoResultsNote
          name={name}
          periodLabel={periodLabel}
          withTarget={withTarget}
          other={other}
          onOther={onOther}
        />
        {withTarget > 0 && <ChartTable data={data} periodLabel={periodLabel} name={name} hrefOf={hrefOf} />}
      </div>
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
      <ChartTable data={data} periodLabel={periodLabel} name={name} hrefOf={hrefOf} />
    </div>
  );
}

/** "Xem dạng bảng": the chart's figures, one row per unit below. */
function ChartTable({
  data,
  periodLabel,
  name,
  hrefOf,
}: {
  data: DashboardUnitsDto;
  periodLabel: string;
  name: string;
  hrefOf: (unitId: string) => string;
}) {
  const followLink = useFollowLink();
  const level = data.indicator.kind === 'level';
  return (
    <details className="chart-table">
      <summary>Xem dạng bảng</summary>
      <ScrollTable label={`${name} theo đơn vị trực thuộc — ${periodLabel}, dạng bảng`}>
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
      </ScrollTable>
    </details>
  );
}
