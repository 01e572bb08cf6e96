import type { ReactNode } from 'react';
import {
  ResponsiveContainer,
  Text,
  type TooltipContentProps,
  type XAxisTickContentProps,
  type YAxisTickContentProps,
} from 'recharts';
import { STATUS_LABELS } from '../../../../shared/judgement';
import {
  barsAcross,
  barsUpright,
  ChartTooltip,
  levelRoom,
  MUTED,
  TEXT,
  useWidth,
} from '../../dashboard/components/chart-parts';
import type { ChartScale } from '../../dashboard/utils/chart-data';
import type { PeriodDatum } from '../utils/period-chart-data';

// This module carries Recharts and is loaded only when a chart is drawn (React.lazy). It
// draws like the dashboard's chart by units (units-chart.tsx): the same colours, ticks and
// tooltip. Periods stand side by side as columns when there is room for them, and one under
// the other as bars on a phone or for a rating, whose long level names need the width.

const PeriodTooltip = (props: TooltipContentProps) => (
  <ChartTooltip {...props} title={(d: PeriodDatum) => d.label} />
);

/**
 * The period over its judgement in words: under each column (the word wrapped to the
 * column's room), or beside the bars of a rating on a wide screen.
 */
function PeriodTick({
  x,
  y,
  payload,
  rows,
  room,
}: (XAxisTickContentProps | YAxisTickContentProps) & { rows: PeriodDatum[]; room?: number }) {
  const datum = rows[Number(payload.index)];
  if (!datum) return null;
  const below = room !== undefined;
  const at = (dy: number) => ({
    x: Number(x),
    y: Number(y) + dy,
    textAnchor: below ? ('middle' as const) : ('end' as const),
    verticalAnchor: below ? ('start' as const) : ('middle' as const),
  });
  return (
    <g>
      <Text {...at(below ? 4 : -9)} fontSize={13} fontWeight={600} fill={TEXT}>
        {datum.name}
      </Text>
      <Text {...at(below ? 24 : 9)} width={room} maxLines={below ? 2 : undefined} fontSize={12} fill={MUTED}>
        {STATUS_LABELS[datum.status]}
      </Text>
    </g>
  );
}

/** On a phone: the period and its judgement on a line above its two bars. */
function PeriodTickAbove({
  y,
  payload,
  rows,
  width,
  offset,
}: YAxisTickContentProps & { rows: PeriodDatum[]; width: number; offset: number }) {
  const datum = rows[Number(payload.index)];
  if (!datum) return null;
  return (
    <Text
      x={2}
      y={Number(y) - offset}
      width={width}
      maxLines={2}
      textAnchor="start"
      verticalAnchor="end"
      fontSize={13}
      fontWeight={600}
      fill={TEXT}
    >
      {`${datum.label} · ${STATUS_LABELS[datum.status]}`}
    </Text>
  );
}

/** Room a value label needs, roughly, at 12 px: for choosing whether labels fit over the columns. */
const labelWidth = (text: string) => text.length * 7 + 6;

interface IndicatorPeriodsChartProps {
  scale: ChartScale;
  rows: PeriodDatum[];
}

/** "Kế hoạch" beside "Thực hiện" for every period compared. */
export function IndicatorPeriodsChart({ scale, rows }: IndicatorPeriodsChartProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const isLevel = scale.kind === 'level';

  // Columns when each period has room for two bars and their figures; else bars across.
  const axisWidth = scale.kind === 'percent' ? 52 : 44;
  const band = rows.length > 0 ? (width - axisWidth - 16) / rows.length : 0;
  const columns = !isLevel && width > 0 && band >= 80;

  let chart: ReactNode = null;
  let height = 320;

  if (width > 0 && columns) {
    const barSize = Math.round(Math.min(44, Math.max(16, band * 0.28)));
    const gap = 4;
    const widest = Math.max(
      0,
      ...rows.flatMap((r) => [labelWidth(r.targetLabel), labelWidth(r.resultLabel)]),
    );
    height = 356;
    chart = barsUpright({
      rows,
      scale,
      tooltip: PeriodTooltip,
      barSize,
      gap,
      axisWidth,
      labels: barSize + gap >= widest ? 'top' : null,
      nameTick: (props: XAxisTickContentProps) => <PeriodTick {...props} rows={rows} room={band - 6} />,
    });
  } else if (width > 0) {
    // Bars across: on a phone the period's name goes above its bars, so they keep the width.
    const stacked = width < 560;
    const barSize = stacked ? 12 : 16;
    const nameWidth = stacked ? 0 : 110;
    const levelWidth = levelRoom(scale, width, nameWidth);
    const labelRoom = isLevel ? Math.round(levelWidth / 2) : stacked ? 56 : 64;
    const rowBand = stacked ? 2 * barSize + 50 : 2 * barSize + 34;
    height = Math.max(isLevel ? 200 : 180, rows.length * rowBand + (isLevel ? 110 : 44));
    chart = barsAcross({
      rows,
      scale,
      tooltip: PeriodTooltip,
      barSize,
      nameWidth,
      levelWidth,
      stacked,
      margin: { top: stacked ? 22 : 8, right: labelRoom, bottom: isLevel ? 60 : 4, left: stacked ? 8 : 4 },
      nameTick: stacked
        ? (props: YAxisTickContentProps) => (
            <PeriodTickAbove {...props} rows={rows} width={width - 8} offset={barSize + 10} />
          )
        : (props: YAxisTickContentProps) => <PeriodTick {...props} rows={rows} />,
    });
  }

  return (
    <div ref={ref} className="units-chart-canvas cmpk-chart-canvas" style={{ minHeight: height }}>
      {chart && (
        <ResponsiveContainer width="100%" height={height}>
          {chart}
        </ResponsiveContainer>
      )}
    </div>
  );
}
