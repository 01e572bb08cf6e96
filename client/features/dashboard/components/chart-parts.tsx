import { type ReactElement, type ReactNode, useEffect, useRef, useState } from 'react';
import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  LabelList,
  Rectangle,
  Text,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  type XAxisTickContentProps,
  YAxis,
  type YAxisTickContentProps,
} from 'recharts';
import { formatNumber } from '../../../../shared/format';
import { STATUS_LABELS, type Status } from '../../../../shared/judgement';
import { STATUS_CHART_COLORS, TARGET_FILL, TARGET_STROKE } from '../../../components/ui/status-colors';
import { formatAchievement } from '../utils/achievement';
import type { BarDatum, ChartScale } from '../utils/chart-data';

// What the charts of target against result share: the chart by units of the dashboard
// (units-chart.tsx), the chart of an indicator across periods (compare-periods) and the
// slides' charts (conference). Recharts comes with this module; it is loaded only with them.

export const TEXT = '#1f2937';
export const MUTED = '#4b5563';
const AXIS = '#9ca3af';
const GRID = '#e5e7eb';

/** The width of an element, followed as it changes. */
export function useWidth<T extends HTMLElement>() {
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

export function prefersReducedMotion() {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}

/** A value on the value axis: a level's name, a percentage, or a number. */
export function valueFormat(scale: ChartScale) {
  return (v: number) => {
    if (scale.kind === 'level') return scale.levels[v - 1] ?? '';
    return scale.kind === 'percent' ? `${formatNumber(v)}%` : formatNumber(v);
  };
}

/** Round ticks from zero (0, 500, 1.000 …), at most five steps, whole numbers for counts. */
export function niceTicks(max: number, integer: boolean): number[] {
  const top = Math.max(max, integer ? 1 : 0.01);
  const exponent = Math.floor(Math.log10(top / 5));
  let step = 0;
  for (let k = exponent; step === 0; k++) {
    for (const m of [1, 2, 2.5, 5]) {
      const candidate = m * 10 ** k;
      if (integer && !Number.isInteger(candidate)) continue;
      if (Math.ceil(top / candidate - 1e-9) <= 5) {
        step = candidate;
        break;
      }
    }
  }
  const count = Math.ceil(top / step - 1e-9);
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toFixed(6)));
}

/** The value axis of target and result bars: every level of a scale, else round numbers from 0 (100% at least). */
export function valueTicks(scale: ChartScale, rows: { target: number | null; result: number | null }[]) {
  const maxValue = Math.max(0, ...rows.flatMap((r) => [r.target ?? 0, r.result ?? 0]));
  const ticks =
    scale.kind === 'level'
      ? Array.from({ length: scale.levels.length + 1 }, (_, i) => i)
      : niceTicks(scale.kind === 'percent' ? Math.max(100, maxValue) : maxValue, scale.kind === 'count');
  return { ticks, domain: [0, ticks[ticks.length - 1] ?? 1] as [number, number] };
}

/** The tooltip of a pair of bars, titled by `title` (the unit's name, the period's). */
export function ChartTooltip<D extends BarDatum>({
  active,
  payload,
  title,
}: TooltipContentProps & { title: (d: D) => string }) {
  const datum = payload?.[0]?.payload as D | undefined;
  if (!active || !datum) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{title(datum)}</p>
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

/** The result bar takes the colour of its judgement. */
export function ResultBar(props: BarShapeProps) {
  const datum = props.payload as BarDatum | undefined;
  return <Rectangle {...props} fill={datum ? STATUS_CHART_COLORS[datum.status] : TARGET_STROKE} />;
}

/**
 * A bar that is its own row (a slide's target, then its result): the result in the colour of
 * its verdict, the target neutral; a missing figure draws nothing.
 */
export function OneBar(props: BarShapeProps) {
  const bar = props.payload as { value: number | null; status?: Status | null } | undefined;
  if (bar?.value === null) return <g />;
  const fill = bar?.status ? STATUS_CHART_COLORS[bar.status] : TARGET_FILL;
  const stroke = bar?.status ? undefined : TARGET_STROKE;
  return <Rectangle {...props} fill={fill} stroke={stroke} />;
}

/** Level names under the value axis, wrapped to the room each one has. */
export function LevelTick({
  x,
  y,
  payload,
  width,
  format,
  fontSize,
}: XAxisTickContentProps & { width: number; format: (v: number) => string; fontSize?: number | undefined }) {
  return (
    <Text
      x={Number(x)}
      y={Number(y) + 4}
      width={width}
      maxLines={4}
      textAnchor="middle"
      verticalAnchor="start"
      fontSize={fontSize ?? 12}
      style={fontSize ? { fontSize } : undefined}
      fill={MUTED}
    >
      {format(Number(payload.value))}
    </Text>
  );
}

/**
 * "Kế hoạch" (neutral) and "Thực hiện" (in the colour of its judgement), each with its figure
 * written after it (`right`) or over it (`top`), or none.
 */
export function targetResultBars({
  barSize,
  labels,
  fontSize = 12,
}: {
  barSize: number;
  labels: 'right' | 'top' | null;
  fontSize?: number;
}): ReactElement[] {
  const animate = !prefersReducedMotion();
  const common = { barSize, isAnimationActive: animate, animationDuration: 400 };
  return [
    <Bar key="target" dataKey="target" name="Kế hoạch" fill={TARGET_FILL} stroke={TARGET_STROKE} {...common}>
      {labels && <LabelList dataKey="targetLabel" position={labels} fontSize={fontSize} fill={MUTED} />}
    </Bar>,
    <Bar key="result" dataKey="result" name="Thực hiện" shape={ResultBar} {...common}>
      {labels && <LabelList dataKey="resultLabel" position={labels} fontSize={fontSize} fill={TEXT} />}
    </Bar>,
  ];
}

/**
 * Target and result as bars across, one pair per row named on the category axis (beside the
 * bars, or above them on a phone, as `nameTick` draws it); a scale's levels along the value
 * axis, else round numbers with each figure after its bar.
 */
export function barsAcross<D extends BarDatum>({
  rows,
  scale,
  tooltip,
  barSize,
  nameWidth,
  levelWidth,
  stacked,
  nameTick,
  margin,
  fontSize = 12,
  levelFont,
  accessible,
}: {
  rows: D[];
  scale: ChartScale;
  tooltip: (props: TooltipContentProps) => ReactNode;
  barSize: number;
  nameWidth: number;
  levelWidth: number;
  stacked: boolean;
  nameTick: (props: YAxisTickContentProps) => ReactElement;
  margin: { top: number; right: number; bottom: number; left: number };
  /** The size of the figures and the ticks: 12, or larger on a chart enlarged for a room. */
  fontSize?: number;
  /** The size level names are wrapped at, when not the default. */
  levelFont?: number | undefined;
  accessible?: boolean;
}) {
  const isLevel = scale.kind === 'level';
  const format = valueFormat(scale);
  const { ticks, domain } = valueTicks(scale, rows);
  return (
    <BarChart data={rows} layout="vertical" margin={margin} barGap={2} accessibilityLayer={accessible}>
      <CartesianGrid horizontal={false} stroke={GRID} />
      <XAxis
        type="number"
        domain={domain}
        ticks={ticks}
        allowDecimals={scale.kind !== 'count'}
        tickFormatter={format}
        tick={
          isLevel
            ? (props: XAxisTickContentProps) => (
                <LevelTick {...props} width={levelWidth - 8} format={format} fontSize={levelFont} />
              )
            : { fontSize, fill: MUTED }
        }
        interval={0}
        stroke={AXIS}
      />
      <YAxis
        type="category"
        dataKey="name"
        width={stacked ? 1 : nameWidth}
        interval={0}
        tickLine={!stacked}
        tick={nameTick}
        stroke={AXIS}
      />
      <Tooltip content={tooltip} cursor={{ fill: '#f3f4f6' }} />
      {targetResultBars({ barSize, labels: isLevel ? null : 'right', fontSize })}
    </BarChart>
  );
}

/**
 * Target and result as columns, one pair per period side by side (`nameTick` under each),
 * round numbers up the value axis and, when they fit, each figure over its column.
 */
export function barsUpright<D extends BarDatum>({
  rows,
  scale,
  tooltip,
  barSize,
  gap,
  axisWidth,
  labels,
  nameTick,
}: {
  rows: D[];
  scale: ChartScale;
  tooltip: (props: TooltipContentProps) => ReactNode;
  barSize: number;
  gap: number;
  axisWidth: number;
  labels: 'top' | null;
  nameTick: (props: XAxisTickContentProps) => ReactElement;
}) {
  const { ticks, domain } = valueTicks(scale, rows);
  return (
    <BarChart data={rows} margin={{ top: 24, right: 8, bottom: 8, left: 0 }} barGap={gap}>
      <CartesianGrid vertical={false} stroke={GRID} />
      <XAxis dataKey="name" interval={0} height={62} tick={nameTick} stroke={AXIS} />
      <YAxis
        type="number"
        domain={domain}
        ticks={ticks}
        width={axisWidth}
        allowDecimals={scale.kind !== 'count'}
        tickFormatter={valueFormat(scale)}
        tick={{ fontSize: 12, fill: MUTED }}
        interval={0}
        stroke={AXIS}
      />
      <Tooltip content={tooltip} cursor={{ fill: '#f3f4f6' }} />
      {targetResultBars({ barSize, labels })}
    </BarChart>
  );
}

/** The room a level axis gives each level, for names wrapped under it. */
export const levelRoom = (scale: ChartScale, width: number, nameWidth: number) =>
  scale.kind === 'level' ? Math.max(60, (width - nameWidth - 8) / (scale.levels.length + 0.5)) : 0;
