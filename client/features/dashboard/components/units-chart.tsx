import { ResponsiveContainer, Text, type TooltipContentProps, type YAxisTickContentProps } from 'recharts';
import type { DashboardUnitsDto } from '../../../../shared/schemas/dashboard';
import { type ChartDatum, chartData } from '../utils/chart-data';
import { barsAcross, ChartTooltip, levelRoom, TEXT, useWidth } from './chart-parts';

// This module carries Recharts and is loaded only when a chart is drawn (React.lazy), so the
// first screen does not wait for it.

const UnitTooltip = (props: TooltipContentProps) => (
  <ChartTooltip {...props} title={(d: ChartDatum) => d.name} />
);

/**
 * A unit's name by its bars: wrapped over up to three lines beside them, so long Vietnamese
 * names stay whole; on a phone on its own line above its two bars, so the bars keep the width.
 */
function UnitTick({
  y,
  payload,
  width,
  fontSize,
  above,
  x,
}: YAxisTickContentProps & { width: number; fontSize?: number | undefined; above?: number }) {
  return (
    <Text
      x={Number(x)}
      y={Number(y) - (above ?? 0)}
      width={width}
      maxLines={above === undefined ? 3 : 2}
      lineHeight="1.2em"
      textAnchor={above === undefined ? 'end' : 'start'}
      verticalAnchor={above === undefined ? 'middle' : 'end'}
      fontSize={fontSize ?? 13}
      style={fontSize ? { fontSize } : undefined}
      fontWeight={above === undefined ? undefined : 600}
      fill={TEXT}
    >
      {String(payload.value)}
    </Text>
  );
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
  const isLevel = scale.kind === 'level';

  // Wide screens: names beside the bars. Phones: names above them, bars across the width.
  const stacked = width > 0 && width < 560;
  const barSize = px(stacked ? 12 : 16);
  const nameWidth = stacked ? 0 : Math.round(Math.min(px(260), Math.max(px(140), width * 0.26)));
  const levelWidth = levelRoom(scale, width, nameWidth);
  // Room on the right for the value written after each bar, or for half the last level's name.
  const labelRoom = isLevel ? Math.round(levelWidth / 2) : px(stacked ? 48 : 64);
  const band = stacked ? 2 * barSize + px(50) : 2 * barSize + px(30);
  // On a phone the bars start at the left edge: room for half of the first tick ("0%") there.
  const inset = stacked && !isLevel ? px(14) : 0;
  const height = Math.max(px(isLevel ? 200 : 180), rows.length * band + px(isLevel ? 110 : 44));

  return (
    <div ref={ref} className="units-chart-canvas" style={{ minHeight: height }}>
      {width > 0 && (
        <ResponsiveContainer width="100%" height={height}>
          {barsAcross({
            rows,
            scale,
            tooltip: UnitTooltip,
            barSize,
            nameWidth,
            levelWidth,
            stacked,
            margin: {
              top: px(stacked ? 22 : 8),
              right: labelRoom,
              bottom: px(isLevel ? 60 : 4),
              left: stacked ? inset : 4,
            },
            fontSize: px(12),
            levelFont: tickFont(12),
            accessible: true,
            nameTick: stacked
              ? (props) => (
                  <UnitTick
                    {...props}
                    x={inset + 2}
                    width={width - labelRoom - inset}
                    above={barSize + px(10)}
                    fontSize={tickFont(13)}
                  />
                )
              : (props) => <UnitTick {...props} width={nameWidth - 12} fontSize={tickFont(13)} />,
          })}
        </ResponsiveContainer>
      )}
    </div>
  );
}
