import { lazy, type ReactNode, Suspense } from 'react';
import { formatNumber } from '../../../../shared/format';
import { STATUS_LABELS, type Status } from '../../../../shared/judgement';
import { Loading } from '../../../components/ui/loading';
import { StatusBadge } from '../../../components/ui/status-badge';
import { STATUS_CHART_COLORS, TARGET_FILL, TARGET_STROKE } from '../../../components/ui/status-colors';

// What stands around a chart of target against result, wherever it is drawn (the dashboard's
// chart by units, the ranking of units, an indicator across periods): the legend, the note on
// a level axis, the units left out, and the table of the same figures.

// Recharts is heavy: the chart by units comes in its own chunk, after the page is on screen.
const UnitsChartChunk = lazy(() => import('./units-chart').then((m) => ({ default: m.UnitsChart })));

/** A chart drawn once its chunk is in, with words meanwhile. */
export function ChartSuspense({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading label="Đang vẽ biểu đồ…" />}>{children}</Suspense>;
}

export function LazyUnitsChart(props: Parameters<typeof UnitsChartChunk>[0]) {
  return (
    <ChartSuspense>
      <UnitsChartChunk {...props} />
    </ChartSuspense>
  );
}

const LEGEND_STATUSES: Status[] = ['exceeded', 'met', 'not_yet', 'missed', 'no_target'];

/** "Kế hoạch" in grey, "Thực hiện" in the colour of each judgement. */
export function ChartLegend({ resultWords = 'Thực hiện, tô màu theo đánh giá:' }: { resultWords?: string }) {
  return (
    <ul className="chart-legend" aria-label="Chú giải">
      <li>
        <span className="legend-swatch" style={{ background: TARGET_FILL, borderColor: TARGET_STROKE }} />
        Kế hoạch
      </li>
      <li>
        <span className="legend-label">{resultWords}</span>
        {LEGEND_STATUSES.map((s) => (
          <span key={s} className="legend-status">
            <span className="legend-swatch" style={{ background: STATUS_CHART_COLORS[s] }} />
            {STATUS_LABELS[s]}
          </span>
        ))}
      </li>
    </ul>
  );
}

/** Under the legend of a rating: the levels along the axis, lowest first. */
export function LevelAxisNote({ levels }: { levels: readonly string[] | undefined }) {
  return (
    <p className="chart-note">Trục ngang là các mức xếp loại, từ thấp đến cao: {levels?.join(' → ')}.</p>
  );
}

/** The units the chart leaves out, having neither a target nor a result. */
export function WithoutDataNote({ names }: { names: string[] }) {
  if (names.length === 0) return null;
  return (
    <p className="chart-note">
      Không có kế hoạch hay kết quả của chỉ tiêu này ({names.length} đơn vị): {names.join('; ')}.
    </p>
  );
}

/**
 * Instead of a chart of targets alone: no unit below has a result of the indicator asked for,
 * so there is nothing to compare. Says so, how many units hold a target (in the table below),
 * and offers the first indicator that has results, when there is one.
 */
export function NoResultsNote({
  name,
  periodLabel,
  withTarget,
  other,
  onOther,
}: {
  name: string;
  periodLabel: string;
  /** How many units below hold a target of it. */
  withTarget: number;
  other?: { code: string; name: string } | null | undefined;
  onOther?: ((code: string) => void) | undefined;
}) {
  return (
    <div className="empty-state chart-no-results" data-testid="chart-no-results">
      <p className="empty-message">
        Chưa đơn vị trực thuộc nào có kết quả “{name}” trong {periodLabel}, nên chưa có gì để so sánh.
      </p>
      {withTarget > 0 && (
        <p className="empty-hint">{withTarget} đơn vị đã được giao kế hoạch: xem ở dạng bảng bên dưới.</p>
      )}
      {other && onOther && (
        <p className="empty-hint">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => onOther(other.code)}
          >
            Xem “{other.name}”, chỉ tiêu đầu tiên đã có kết quả
          </button>
        </p>
      )}
    </div>
  );
}

/** No indicator has a result at any unit below for the period: a sentence, and no chart. */
export function NothingToCompareNote({ periodLabel }: { periodLabel: string }) {
  return (
    <div className="empty-state chart-no-results" data-testid="chart-no-results">
      <p className="empty-message">
        Chưa đơn vị trực thuộc nào có kết quả của chỉ tiêu nào trong {periodLabel}, nên chưa có biểu đồ để so
        sánh.
      </p>
      <p className="empty-hint">
        Biểu đồ sẽ hiện khi các đơn vị báo cáo kết quả; vẫn có thể chọn một chỉ tiêu ở trên để xem kế hoạch đã
        giao.
      </p>
    </div>
  );
}

/** The class of a column of values: numbers to the right, a level's name as text. */
export const valueClass = (level: boolean) => (level ? 'text-value' : 'num');

/** The heads of the four columns every table of target against result has. */
export function FigureHeads({
  level,
  target = 'Kế hoạch',
  result = 'Thực hiện',
  judgement = 'Đánh giá',
}: {
  level: boolean;
  target?: ReactNode;
  result?: ReactNode;
  judgement?: ReactNode;
}) {
  return (
    <>
      <th scope="col" className={valueClass(level)}>
        {target}
      </th>
      <th scope="col" className={valueClass(level)}>
        {result}
      </th>
      <th scope="col" className="num">
        Tỷ lệ so với KH
      </th>
      <th scope="col">{judgement}</th>
    </>
  );
}

/** Their cells: the target, the result, the achievement, and the judgement (a status by default). */
export function FigureCells({
  level,
  target,
  result,
  achievement,
  status,
  judgement,
  labels = ['Kế hoạch', 'Thực hiện', 'Đánh giá'],
  judgementClass,
}: {
  level: boolean;
  target: ReactNode;
  result: ReactNode;
  achievement: ReactNode;
  status?: Status;
  judgement?: ReactNode;
  /** What each cell is called on a phone, where the row becomes a card. */
  labels?: readonly [string, string, string];
  judgementClass?: string;
}) {
  return (
    <>
      <td className={valueClass(level)} data-label={labels[0]}>
        {target}
      </td>
      <td className={valueClass(level)} data-label={labels[1]}>
        {result}
      </td>
      <td className="num" data-label="Tỷ lệ so với KH">
        {achievement}
      </td>
      <td className={judgementClass} data-label={labels[2]}>
        {judgement ?? (status && <StatusBadge status={status} />)}
      </td>
    </>
  );
}

/** A result with the counts of its ratio: "92,86% (13/14)". */
export function ResultWithParts({
  result,
}: {
  result:
    | { display: string; numerator?: number | undefined; denominator?: number | undefined }
    | null
    | undefined;
}) {
  return (
    <>
      {result?.display ?? '—'}
      {result?.numerator !== undefined && result.denominator !== undefined && (
        <span className="result-parts">
          {' '}
          ({formatNumber(result.numerator)}/{formatNumber(result.denominator)})
        </span>
      )}
    </>
  );
}
