import { useId, useMemo } from 'react';
import { formatNumber } from '../../../../shared/format';
import type { CompareUnitsDto } from '../../../../shared/schemas/compare';
import { SelectField } from '../../../components/ui/field';
import { ScrollTable } from '../../../components/ui/scroll-table';
import { useFollowLink } from '../../../lib/navigation';
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
} from '../../dashboard/components/chart-notes';
import { rankingChartData, rankingRule, rankUnits } from '../utils/ranking';
import '../ranking.css';

// The dashboard's chart of target against result per unit, drawn here with the units in rank
// order; it comes in its own chunk, after the scorecard is on screen.

interface RankingSectionProps {
  data: CompareUnitsDto;
  /** The indicator ranked: one of data.indicators; null when no unit has a result of any. */
  code: string | null;
  /** The first indicator with results, offered when the one ranked has none. */
  firstWithResults: string | null;
  onCodeChange: (code: string) => void;
  dashboardHref: (unitId: string) => string;
}

/** "Xếp hạng các đơn vị: <chỉ tiêu> — <kỳ>": the units from best to worst on one indicator. */
export function RankingSection({
  data,
  code,
  firstWithResults,
  onCodeChange,
  dashboardHref,
}: RankingSectionProps) {
  const followLink = useFollowLink();
  const id = useId();
  const indicator = data.indicators.find((i) => i.code === code);
  const ranking = useMemo(() => (indicator ? rankUnits(data.rows, indicator) : []), [data.rows, indicator]);
  const select = (
    <SelectField
      id={`${id}-code`}
      className="chart-indicator"
      label="Chỉ tiêu"
      value={indicator?.code ?? ''}
      onChange={(next) => next && onCodeChange(next)}
      options={[
        ...(indicator ? [] : [['', 'Chọn một chỉ tiêu…'] as const]),
        ...data.indicators.map((i) => [i.code, i.name] as const),
      ]}
    />
  );
  // No unit has a result of any indicator: a sentence, no chart, the choice still offered.
  if (!indicator)
    return (
      <section
        className="card chart-card cmpu-ranking"
        data-testid="ranking-chart"
        aria-labelledby={`${id}-title`}
      >
        <div className="card-head chart-head">
          <h2 id={`${id}-title`} className="card-title">
            Xếp hạng các đơn vị — {data.period.label}
          </h2>
          {select}
        </div>
        <NothingToCompareNote periodLabel={data.period.label} />
      </section>
    );

  const level = indicator.kind === 'level';
  const drawn = ranking.filter((r) => r.cell.target !== null || r.cell.result !== null);
  const withoutAny = ranking.filter((r) => r.cell.target === null && r.cell.result === null);
  const reported = ranking.some((r) => r.cell.result !== null);
  const chart = rankingChartData(data, indicator, drawn);
  const other =
    firstWithResults && firstWithResults !== indicator.code
      ? data.indicators.find((i) => i.code === firstWithResults)
      : null;

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
        {select}
      </div>

      {reported ? (
        <>
          <p className="chart-note">{rankingRule(indicator)}</p>
          <ChartLegend />
          {level && <LevelAxisNote levels={indicator.levels} />}
          <LazyUnitsChart data={chart} />
          <WithoutDataNote names={withoutAny.map((r) => r.row.unit.name)} />
        </>
      ) : (
        // Targets alone rank nothing: a sentence instead of grey bars, the targets in the table.
        <NoResultsNote
          name={indicator.name}
          periodLabel={data.period.label}
          withTarget={drawn.length}
          other={other}
          onOther={onCodeChange}
        />
      )}

      <details className="chart-table">
        <summary>Xem dạng bảng</summary>
        <ScrollTable label={`Xếp hạng các đơn vị theo “${indicator.name}”, dạng bảng`}>
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
                <FigureHeads level={level} />
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
                  <FigureCells
                    level={level}
                    target={cell.target?.display ?? '—'}
                    result={<ResultWithParts result={cell.result} />}
                    achievement={cell.achievement === null ? '—' : `${formatNumber(cell.achievement)}%`}
                    status={cell.status}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </details>
    </section>
  );
}
