import { type ReactNode, useEffect, useRef, useState } from 'react';
import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  LabelList,
  Rectangle,
  ResponsiveContainer,
  Text,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  type XAxisTickContentProps,
  YAxis,
  type YAxisTickContentProps,
} from 'recharts';
import { formatNumber } from '../../../../shared/format';
import { STATUS_LABELS } from '../../../../shared/judgement';
import { STATUS_CHART_COLORS, TARGET_FILL, TARGET_STROKE } from '../../../components/ui/status-colors';
import { niceTicks } from '../../dashboard/components/units-chart';
import { formatAchievement } from '../../dashboard/utils/achievement';
import type { ChartScale } from '../../dashboard/utils/chart-data';
import type { PeriodDatum } from '../utils/period-chart-data';

// This module carries Recharts and is loaded only when a chart is drawn (React.lazy). It
// draws like the dashboard's chart by units (units-chart.tsx): the same colours, ticks and
// tooltip. Periods stand side by side as columns when there is room for them, and one under
// the other as bars on a phone or for a rating, whose long level names need the width.

const TEXT = '#1f2937';
const MUTED = '#4b5563';

function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => entry && setWidth(entry.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

function prefersReducedMotion() {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}

function valueFormat(scale: ChartScale) {
  return (v: number) => {
    if (scale.kind === 'level') return scale.levels[v - 1] ?? '';
    return scale.kind === 'percent' ? `${formatNumber(v)}%` : formatNumber(v);
  };
}

function ChartTooltip({ active, payload }: TooltipContentProps) {
  const datum = payload?.[0]?.payload as PeriodDatum | undefined;
  if (!active || !datum) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{datum.label}</p>
      <dl>
        <div>
          <dt>Kế hoạch</dt>
          <dd>{datum.targetLabel || '—'}</dd>
        </div>
        <div>
          <dt>Thực hiện</dt>
          <dd>
            {datum.resultLabel || '—'}
            {datum.parts && ` (${datum.parts})`}
          </dd>
        </div>
        {datum.achievement !== null && (
          <div>
            <dt>Tỷ lệ so với KH</dt>
            <dd>{formatAchievement(datum.achievement)}</dd>
          </div>
        )}
        <div>
          <dt>Đánh giá</dt>
          <dd>
            <span className={`status-badge status-${datum.status}`}>{STATUS_LABELS[datum.status]}</span>
          </dd>
        </div>
      </dl>
    </div>
  );
}

/** The result bar takes the colour of its judgement; the word is under its period. */
function ResultBar(props: BarShapeProps) {
  const datum = props.payload as PeriodDatum | undefined;
  return <Rectangle {...props} fill={datum ? STATUS_CHART_COLORS[datum.status] : TARGET_STROKE} />;
}

/** Under each column: the period, and the judgement in words (wrapped to the column's room). */
function PeriodTickBelow({
  x,
  y,
  payload,
  rows,
  room,
}: XAxisTickContentProps & { rows: PeriodDatum[]; room: number }) {
  const datum = rows[Number(payload.index)];
  const cx = Number(x);
  const cy = Number(y);
  if (!datum) return null;
  const word = STATUS_LABELS[datum.status];
  return (
    <g>
      <Text
        x={cx}
        y={cy + 4}
        textAnchor="middle"
        verticalAnchor="start"
        fontSize={13}
        fontWeight={600}
        fill={TEXT}
      >
        {datum.name}
      </Text>
      <Text
        x={cx}
        y={cy + 24}
        width={room}
        maxLines={2}
        textAnchor="middle"
        verticalAnchor="start"
        fontSize={12}
        fill={MUTED}
      >
        {word}
      </Text>
    </g>
  );
}

/** Beside the bars (a rating on a wide screen): the period over its judgement. */
function PeriodTickBeside({ x, y, payload, rows }: YAxisTickContentProps & { rows: PeriodDatum[] }) {
  const datum = rows[Number(payload.index)];
  if (!datum) return null;
  return (
    <g>
      <Text
        x={Number(x)}
        y={Number(y) - 9}
        textAnchor="end"
        verticalAnchor="middle"
        fontSize={13}
        fontWeight={600}
        fill={TEXT}
      >
        {datum.name}
      </Text>
      <Text
        x={Number(x)}
        y={Number(y) + 9}
        textAnchor="end"
        verticalAnchor="middle"
        fontSize={12}
        fill={MUTED}
      >
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

/** Level names along the value axis, wrapped to the room each one has. */
function LevelTick({
  x,
  y,
  payload,
  width,
  format,
}: XAxisTickContentProps & { width: number; format: (v: number) => string }) {
  return (
    <Text
      x={Number(x)}
      y={Number(y) + 4}
      width={width}
      maxLines={4}
      textAnchor="middle"
      verticalAnchor="start"
      fontSize={12}
      fill={MUTED}
    >
      {format(Number(payload.value))}
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
  const format = valueFormat(scale);
  const isLevel = scale.kind === 'level';
  const levelCount = isLevel ? scale.levels.length : 0;
  const animate = !prefersReducedMotion();

  const maxValue = Math.max(0, ...rows.flatMap((r) => [r.target ?? 0, r.result ?? 0]));
  const ticks = isLevel
    ? Array.from({ length: levelCount + 1 }, (_, i) => i)
    : niceTicks(scale.kind === 'percent' ? Math.max(100, maxValue) : maxValue, scale.kind === 'count');
  const domain: [number, number] = [0, ticks[ticks.length - 1] ?? 1];

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
    const showLabels = barSize + gap >= widest;
    height = 356;
    chart = (
      <BarChart data={rows} margin={{ top: 24, right: 8, bottom: 8, left: 0 }} barGap={gap}>
        <CartesianGrid vertical={false} stroke="#e5e7eb" />
        <XAxis
          dataKey="name"
          interval={0}
          height={62}
          tick={(props: XAxisTickContentProps) => <PeriodTickBelow {...props} rows={rows} room={band - 6} />}
          stroke="#9ca3af"
        />
        <YAxis
          type="number"
          domain={domain}
          ticks={ticks}
          width={axisWidth}
          allowDecimals={scale.kind !== 'count'}
          tickFormatter={format}
          tick={{ fontSize: 12, fill: MUTED }}
          interval={0}
          stroke="#9ca3af"
        />
        <Tooltip content={ChartTooltip} cursor={{ fill: '#f3f4f6' }} />
        <Bar
          dataKey="target"
          name="Kế hoạch"
          fill={TARGET_FILL}
          stroke={TARGET_STROKE}
          barSize={barSize}
          isAnimationActive={animate}
          animationDuration={400}
        >
          {showLabels && <LabelList dataKey="targetLabel" position="top" fontSize={12} fill={MUTED} />}
        </Bar>
        <Bar
          dataKey="result"
          name="Thực hiện"
          shape={ResultBar}
          barSize={barSize}
          isAnimationActive={animate}
          animationDuration={400}
        >
          {showLabels && <LabelList dataKey="resultLabel" position="top" fontSize={12} fill={TEXT} />}
        </Bar>
      </BarChart>
    );
  } else if (width > 0) {
    // Bars across: on a phone the period's name goes above its bars, so they keep the width.
    const stacked = width < 560;
    const barSize = stacked ? 12 : 16;
    const nameWidth = stacked ? 0 : 110;
    const levelWidth = isLevel ? Math.max(60, (width - nameWidth - 8) / (levelCount + 0.5)) : 0;
    const labelRoom = isLevel ? Math.round(levelWidth / 2) : stacked ? 56 : 64;
    const rowBand = stacked ? 2 * barSize + 50 : 2 * barSize + 34;
    height = Math.max(isLevel ? 200 : 180, rows.length * rowBand + (isLevel ? 110 : 44));
    chart = (
      <BarChart
        data={rows}
        layout="vertical"
        margin={{ top: stacked ? 22 : 8, right: labelRoom, bottom: isLevel ? 60 : 4, left: stacked ? 8 : 4 }}
        barGap={2}
      >
        <CartesianGrid horizontal={false} stroke="#e5e7eb" />
        <XAxis
          type="number"
          domain={domain}
          ticks={ticks}
          allowDecimals={scale.kind !== 'count'}
          tickFormatter={format}
          tick={
            isLevel
              ? (props: XAxisTickContentProps) => (
                  <LevelTick {...props} width={levelWidth - 8} format={format} />
                )
              : { fontSize: 12, fill: MUTED }
          }
          interval={0}
          stroke="#9ca3af"
        />
        <YAxis
          type="category"
          dataKey="name"
          width={stacked ? 1 : nameWidth}
          interval={0}
          tickLine={!stacked}
          tick={
            stacked
              ? (props: YAxisTickContentProps) => (
                  <PeriodTickAbove {...props} rows={rows} width={width - 8} offset={barSize + 10} />
                )
              : (props: YAxisTickContentProps) => <PeriodTickBeside {...props} rows={rows} />
          }
          stroke="#9ca3af"
        />
        <Tooltip content={ChartTooltip} cursor={{ fill: '#f3f4f6' }} />
        <Bar
          dataKey="target"
          name="Kế hoạch"
          fill={TARGET_FILL}
          stroke={TARGET_STROKE}
          barSize={barSize}
          isAnimationActive={animate}
          animationDuration={400}
        >
          {!isLevel && <LabelList dataKey="targetLabel" position="right" fontSize={12} fill={MUTED} />}
        </Bar>
        <Bar
          dataKey="result"
          name="Thực hiện"
          shape={ResultBar}
          barSize={barSize}
          isAnimationActive={animate}
          animationDuration={400}
        >
          {!isLevel && <LabelList dataKey="resultLabel" position="right" fontSize={12} fill={TEXT} />}
        </Bar>
      </BarChart>
    );
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
