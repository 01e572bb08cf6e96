import { useEffect, useRef, useState } from 'react';
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
import type { DashboardUnitsDto } from '../../../../shared/schemas/dashboard';
import { STATUS_CHART_COLORS, TARGET_FILL, TARGET_STROKE } from '../../../components/ui/status-colors';
import { formatAchievement } from '../utils/achievement';
import { type ChartDatum, type ChartScale, chartData } from '../utils/chart-data';

// This module carries Recharts and is loaded only when a chart is drawn (React.lazy), so the
// first screen does not wait for it.

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

function axisTick(scale: ChartScale) {
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

/** Unit names, wrapped over up to three lines so long Vietnamese names stay whole. */
function UnitTick({
  x,
  y,
  payload,
  width,
  fontSize,
}: YAxisTickContentProps & { width: number; fontSize?: number }) {
  return (
    <Text
      x={Number(x)}
      y={Number(y)}
      width={width}
      maxLines={3}
      textAnchor="end"
      verticalAnchor="middle"
      fontSize={fontSize ?? 13}
      style={fontSize ? { fontSize } : undefined}
      fill={TEXT}
    >
      {String(payload.value)}
    </Text>
  );
}

/** On a phone the name goes on its own line above its two bars, so the bars keep the width. */
function UnitTickAbove({
  x,
  y,
  payload,
  width,
  offset,
  fontSize,
}: YAxisTickContentProps & { width: number; offset: number; fontSize?: number }) {
  return (
    <Text
      x={Number(x)}
      y={Number(y) - offset}
      width={width}
      maxLines={2}
      textAnchor="start"
      verticalAnchor="end"
      fontSize={fontSize ?? 13}
      style={fontSize ? { fontSize } : undefined}
      fontWeight={600}
      fill={TEXT}
    >
      {String(payload.value)}
    </Text>
  );
}

/** Level names under the value axis, wrapped to the room each one has. */
function LevelTick({
  x,
  y,
  payload,
  width,
  format,
  fontSize,
}: XAxisTickContentProps & { width: number; format: (v: number) => string; fontSize?: number }) {
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

function ChartTooltip({ active, payload }: TooltipContentProps) {
  const datum = payload?.[0]?.payload as ChartDatum | undefined;
  if (!active || !datum) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{datum.name}</p>
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
function ResultBar(props: BarShapeProps) {
  const datum = props.payload as ChartDatum | undefined;
  return <Rectangle {...props} fill={datum ? STATUS_CHART_COLORS[datum.status] : TARGET_STROKE} />;
}

/**
 * "Kế hoạch" and "Thực hiện" per child unit, as horizontal bars so long names stay readable.
 * `scale` enlarges text and bars together, for a screen read from across a room.
 */
export function UnitsChart({ data, scale: size = 1 }: { data: DashboardUnitsDto; scale?: number }) {
  const px = (n: number) => Math.round(n * size);
  // Names wrap by their measured width: an enlarged chart measures them at their own size.
  const tickFont = (n: number) => (size === 1 ? undefined : px(n));
  const [ref, width] = useWidth<HTMLDivElement>();
  const { scale, rows: all } = chartData(data);
  // Units with neither a target nor a result have nothing to draw; the section lists them.
  const rows = all.filter((r) => r.target !== null || r.result !== null);
  const format = axisTick(scale);
  const isLevel = scale.kind === 'level';
  const levelCount = isLevel ? scale.levels.length : 0;

  // Wide screens: names beside the bars. Phones: names above them, bars across the width.
  const stacked = width > 0 && width < 560;
  const barSize = px(stacked ? 12 : 16);
  const nameWidth = stacked ? 0 : Math.round(Math.min(px(260), Math.max(px(140), width * 0.26)));
  const levelWidth = isLevel ? Math.max(60, (width - nameWidth - 8) / (levelCount + 0.5)) : 0;
  // Room on the right for the value written after each bar, or for half the last level's name.
  const labelRoom = isLevel ? Math.round(levelWidth / 2) : px(stacked ? 48 : 64);
  const band = stacked ? 2 * barSize + px(50) : 2 * barSize + px(30);
  const height = Math.max(px(isLevel ? 200 : 180), rows.length * band + px(isLevel ? 110 : 44));

  const maxValue = Math.max(0, ...rows.flatMap((r) => [r.target ?? 0, r.result ?? 0]));
  const ticks = isLevel
    ? Array.from({ length: levelCount + 1 }, (_, i) => i)
    : niceTicks(scale.kind === 'percent' ? Math.max(100, maxValue) : maxValue, scale.kind === 'count');
  const domain: [number, number] = [0, ticks[ticks.length - 1] ?? 1];
  const animate = !prefersReducedMotion();

  return (
    <div ref={ref} className="units-chart-canvas" style={{ minHeight: height }}>
      {width > 0 && (
        <ResponsiveContainer width="100%" height={height}>
          <BarChart
            data={rows}
            layout="vertical"
            margin={{
              top: px(stacked ? 22 : 8),
              right: labelRoom,
              bottom: px(isLevel ? 60 : 4),
              left: stacked ? 0 : 4,
            }}
            barGap={2}
            accessibilityLayer
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
                      <LevelTick {...props} width={levelWidth - 8} format={format} fontSize={tickFont(12)} />
                    )
                  : { fontSize: px(12), fill: MUTED }
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
                      <UnitTickAbove
                        {...props}
                        x={2}
                        width={width - labelRoom}
                        offset={barSize + px(10)}
                        fontSize={tickFont(13)}
                      />
                    )
                  : (props: YAxisTickContentProps) => (
                      <UnitTick {...props} width={nameWidth - 12} fontSize={tickFont(13)} />
                    )
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
              {!isLevel && (
                <LabelList dataKey="targetLabel" position="right" fontSize={px(12)} fill={MUTED} />
              )}
            </Bar>
            <Bar
              dataKey="result"
              name="Thực hiện"
              shape={ResultBar}
              barSize={barSize}
              isAnimationActive={animate}
              animationDuration={400}
            >
              {!isLevel && <LabelList dataKey="resultLabel" position="right" fontSize={px(12)} fill={TEXT} />}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
    </div>
  );
}
