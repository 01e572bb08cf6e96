import type { IndicatorDef } from '../../../../shared/indicator';
import { type Period, samePeriodLastYear } from '../../../../shared/period';
import type { TargetDto } from '../../../../shared/schemas/values';
import { cellKey, storedText } from './target-grid';

/**
 * "Chép từ năm trước": last year's targets of the same unit into the empty cells of the year
 * and its halves (a term is not copied: it is one and the same), as they would be typed; the
 * cells already filled are kept. What to put, and the sentence that says what was done.
 */
export async function previousYearTexts<I extends IndicatorDef>(
  read: (period: string) => Promise<{ targets: TargetDto[] }>,
  grid: {
    periods: readonly Period[];
    indicators: readonly I[];
    locked: (period: string) => boolean;
    textOf: (ind: I, period: string) => string;
  },
): Promise<{ writes: Map<string, string>; notice: { tone: 'ok' | 'info'; text: string } }> {
  const previous = grid.periods
    .filter((p) => p.kind !== 'term')
    .map((p) => [p, samePeriodLastYear(p)] as const);
  const answers = await Promise.all(previous.map(([, prev]) => read(prev.code)));
  const writes = new Map<string, string>();
  let kept = 0;
  previous.forEach(([p], i) => {
    if (grid.locked(p.code)) return;
    for (const t of answers[i]!.targets) {
      const ind = grid.indicators.find((x) => x.code === t.code);
      if (!ind) continue;
      if (grid.textOf(ind, p.code).trim() !== '') kept++;
      else writes.set(cellKey(t.code, p.code), storedText(ind, t));
    }
  });
  const year = previous[0]?.[1].label.toLowerCase() ?? 'năm trước';
  return {
    writes,
    notice:
      writes.size === 0 && kept === 0
        ? { tone: 'info', text: `Đơn vị chưa được giao chỉ tiêu nào trong ${year} để chép.` }
        : {
            tone: 'ok',
            text:
              `Đã chép ${writes.size} chỉ tiêu từ ${year} vào các ô còn trống` +
              (kept ? `; ${kept} ô đã có giá trị được giữ nguyên` : '') +
              '. Điều chỉnh rồi bấm “Lưu”.',
          },
  };
}
