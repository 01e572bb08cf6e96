import { useEffect, useRef, useState } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../../../shared/format';
import { niceTicks, OneBar, prefersReducedMotion } from '../../dashboard/components/chart-parts';
import type { PartBar, PartScale } from '../utils/slides';

// Recharts comes with this module, loaded when the first slide with a chart is drawn
// (React.lazy). Two bars per part, target over result, sized from the room the slide gives:
// the text grows with the chart so that it reads from the back of a hall.

const TEXT = '#111827';
const MUTED = '#374151';

function useSize<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = (width: number, height: number) =>
      setSize((s) =>
        s.width === Math.round(width) && s.height === Math.round(height)
          ? s
          : { width: Math.round(width), height: Math.round(height) },
      );
    const box = el.getBoundingClientRect();
    read(box.width, box.height);
    const observer = new ResizeObserver(
      ([entry]) => entry && read(entry.contentRect.width, entry.contentRect.height),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, size] as const;
}

/** Room after the bars for the longest figure written there. */
function labelRoomFor(labelChars: number | undefined, bars: PartBar[], font: number): number {
  const longest = labelChars ?? Math.max(...bars.map((b) => b.label.length));
  return Math.round(longest * font * 0.6 + font);
}

/** "Kế hoạch" and "Thực hiện" of one part as two bars on a percent axis or a count axis. */
export function PartChart({
  bars,
  scale,
  labelChars,
}: {
  bars: PartBar[];
  scale: Exclude<PartScale, 'level'>;
  /** The longest figure written after a bar on the slide, so every part's axis ends alike. */
  labelChars?: number;
}) {
  const [ref, { width, height }] = useSize<HTMLDivElement>();
  // Text in proportion to the chart, within what a projector and a phone can show.
  const font = Math.round(Math.min(30, Math.max(14, Math.min(width / 34, height / 5.2))));
  const barSize = Math.max(10, Math.round(Math.min(height * 0.27, font * 1.7)));
  const maxValue = Math.max(0, ...bars.map((b) => b.value ?? 0));
  const labelRoom = labelRoomFor(labelChars, bars, font);
  const nameWidth = Math.round(font * 6.4);
  const all = niceTicks(scale === 'percent' ? Math.max(100, maxValue) : maxValue, scale === 'count');
  // A narrow chart (a phone) keeps only the ends of its axis rather than crowd the numbers.
  const plotWidth = width - nameWidth - labelRoom;
  const ticks = plotWidth / Math.max(1, all.length - 1) < font * 2.6 ? [all[0]!, all[all.length - 1]!] : all;
  const format = (v: number) => (scale === 'percent' ? `${formatNumber(v)}%` : formatNumber(v));
  const animate = !prefersReducedMotion();

  return (
    <div ref={ref} className="conf-part-canvas">
      {width > 0 && height > 0 && (
        <BarChart
          width={width}
          height={height}
          // A missing figure keeps its row and its words ("chưa có số liệu"), with no bar.
          data={bars.map((b) => ({ ...b, plotted: b.value ?? 0 }))}
          layout="vertical"
          margin={{ top: 4, right: labelRoom, bottom: 0, left: 4 }}
          barCategoryGap="18%"
        >
          <CartesianGrid horizontal={false} stroke="#d1d5db" />
          <XAxis
            type="number"
            domain={[0, ticks[ticks.length - 1] ?? 1]}
            ticks={ticks}
            interval={0}
            allowDecimals={scale !== 'count'}
            tickFormatter={format}
            tick={{ fontSize: Math.round(font * 0.78), fill: MUTED }}
            height={Math.round(font * 1.3)}
            stroke="#6b7280"
          />
          <YAxis
            type="category"
            dataKey="name"
            width={nameWidth}
            interval={0}
            tick={{ fontSize: font, fill: TEXT, fontWeight: 600 }}
            stroke="#6b7280"
          />
          <Bar
            dataKey="plotted"
            shape={OneBar}
            barSize={barSize}
            isAnimationActive={animate}
            animationDuration={450}
          >
            <LabelList dataKey="label" position="right" fontSize={font} fontWeight={700} fill={TEXT} />
          </Bar>
        </BarChart>
      )}
    </div>
  );
}
