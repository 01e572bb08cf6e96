import { formatNumber } from '../../../../shared/format';
import { STATUS_LABELS, type Status } from '../../../../shared/judgement';
import { sourceWords } from '../../../../shared/rollup-words';
import type { DashboardRowDto } from '../../../../shared/schemas/dashboard';
import type { TargetLineDto, TargetLinesDto } from '../../../../shared/schemas/target-lines';
import { kindsText } from '../../../../shared/unit';

// What the conference screen shows, worked out from GET /api/target-lines alone: the order of
// the slides, their words and their figures. Pure, so the tests read like the slides.

export type Slide =
  | { kind: 'title' }
  | { kind: 'line' /** 1-based, as the resolution numbers its lines. */; number: number; line: TargetLineDto }
  | { kind: 'closing' };

/** A title slide, one slide per line in the resolution's order, and a closing slide. */
export function buildSlides(lines: TargetLineDto[]): Slide[] {
  if (lines.length === 0) return [];
  return [
    { kind: 'title' },
    ...lines.map((line, i): Slide => ({ kind: 'line', number: i + 1, line })),
    { kind: 'closing' },
  ];
}

/**
 * The slide a `?slide=` parameter names, 1-based, kept inside the deck: a reload after the
 * list got shorter lands on the last slide rather than nowhere. Null when there is no deck.
 */
export function slideFromParam(param: string | undefined, total: number): number | null {
  if (total <= 0 || param === undefined) return null;
  const n = /^\d+$/.test(param.trim()) ? Number(param.trim()) : 1;
  return Math.min(total, Math.max(1, n));
}

/** Verdicts in the order a review reads them, best first. */
export const VERDICT_ORDER: Status[] = ['exceeded', 'met', 'not_yet', 'missed', 'no_data', 'no_target'];

/** How many lines have each verdict; only the verdicts that occur, best first. */
export function verdictCounts(lines: Pick<TargetLineDto, 'status'>[]): { status: Status; count: number }[] {
  return VERDICT_ORDER.map((status) => ({
    status,
    count: lines.filter((l) => l.status === status).length,
  })).filter((c) => c.count > 0);
}

/** "Có 6/7 chỉ tiêu chủ yếu đạt và vượt (85,71%)", the headline of every summary. */
export function summarySentence(summary: TargetLinesDto['summary']): string {
  const share = summary.share ?? 0;
  return `Có ${summary.achieved}/${summary.total} chỉ tiêu chủ yếu đạt và vượt (${formatNumber(share)}%)`;
}

/** "13/15 chỉ tiêu cụ thể đạt và vượt (86,67%)": the single targets, under the lines; null without. */
export function singleSentence(
  single: { achieved: number; total: number; share: number | null } | null | undefined,
) {
  if (!single || single.total === 0) return null;
  return `${single.achieved}/${single.total} chỉ tiêu cụ thể đạt và vượt${single.share === null ? '' : ` (${formatNumber(single.share)}%)`}`;
}

/** "Năm 2021" inside a sentence: "năm 2021", "quý I/2023", "nhiệm kỳ 2020–2025". */
export function periodInSentence(label: string): string {
  return label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);
}

/** The empty deck: "<unit> chưa có chỉ tiêu chủ yếu nào trong <period>." */
export function emptyMessage(unitName: string, periodLabel: string): string {
  return `${unitName} chưa có chỉ tiêu chủ yếu nào trong ${periodInSentence(periodLabel)}.`;
}

/**
 * How large the sentence of a line can be and still fit beside its figures: the seed's
 * longest sentences are about 150 characters; a resolution may hold up to 1.000.
 */
export function sentenceSize(text: string): 'xl' | 'l' | 'm' | 's' {
  const n = text.length;
  if (n <= 70) return 'xl';
  if (n <= 150) return 'l';
  if (n <= 260) return 'm';
  return 's';
}

/** The name of a slide in the list before starting and in what a screen reader announces. */
export function slideLabel(slide: Slide): string {
  switch (slide.kind) {
    case 'title':
      return 'Trang mở đầu';
    case 'closing':
      return 'Tổng hợp kết quả';
    case 'line':
      return `Chỉ tiêu ${slide.number}: ${slide.line.text}`;
  }
}

/** Said when a slide comes on screen: "Trang 3/9. Chỉ tiêu 2: … Đánh giá: Vượt." */
export function slideAnnouncement(
  slide: Slide,
  at: number,
  total: number,
  data: Pick<TargetLinesDto, 'unit' | 'period' | 'summary'>,
): string {
  const where = `Trang ${at}/${total}.`;
  switch (slide.kind) {
    case 'title':
      return `${where} ${data.unit.name}. Kết quả thực hiện các chỉ tiêu chủ yếu — ${data.period.label}. ${summarySentence(data.summary)}.`;
    case 'closing':
      return `${where} Tổng hợp kết quả. ${summarySentence(data.summary)}.`;
    case 'line':
      return `${where} ${slideLabel(slide)}. Đánh giá: ${STATUS_LABELS[slide.line.status]}.`;
  }
}

function counts(n: number): string {
  return formatNumber(n);
}

/** The unit after a count, so "3" reads "3 chi bộ"; a percentage carries its own sign. */
function withUnit(part: DashboardRowDto, display: string): string {
  const unitLabel = part.indicator.unitLabel.trim();
  if (part.indicator.kind !== 'count' || unitLabel === '' || unitLabel === '%') return display;
  return `${display} ${unitLabel}`;
}

export interface PartFigures {
  /** "90%", "3 chi bộ", a level's name; null when no target was set. */
  target: string | null;
  /** "100%", "1.560 học sinh"; null when no result was reported. */
  result: string | null;
  /** "60/60" behind a ratio. */
  ratio: string | null;
  /** "111,11%": result / target, when it has a meaning. */
  achievement: string | null;
  /** Where a result nobody entered came from, in the words of shared/rollup-words.ts. */
  source: string | null;
}

/** A part judged at the units below: their kinds in words, how many met or exceeded, and each unit. */
export function belowUnits(part: DashboardRowDto) {
  const p = part as DashboardRowDto & {
    below?: string[];
    units?: { achieved: number; total: number };
    unitRows?: { unit: { id: string; name: string }; result: { display: string } | null; status: Status }[];
  };
  if (!p.below || !p.units) return null;
  return { kinds: kindsText(p.below), ...p.units, rows: p.unitRows ?? [] };
}

/** The figures of one part, as "Kế hoạch 90% → Thực hiện 100% (60/60)" reads them. */
export function partFigures(part: DashboardRowDto): PartFigures {
  const result = part.result;
  const source = result ? sourceWords(result, part.indicator) : null;
  // A part at the units below: how many of those holding the target met or exceeded it.
  const units = belowUnits(part);
  if (units)
    return {
      target: part.target ? `${withUnit(part, part.target.display)} ở mỗi ${units.kinds}` : null,
      result: `${counts(units.achieved)}/${counts(units.total)} ${units.kinds} đạt và vượt`,
      ratio: null,
      achievement: null,
      source: null,
    };
  return {
    target: part.target ? withUnit(part, part.target.display) : null,
    result: result ? withUnit(part, result.display) : null,
    ratio:
      result?.numerator !== undefined && result.denominator !== undefined
        ? `${counts(result.numerator)}/${counts(result.denominator)}`
        : null,
    achievement: part.achievement === null ? null : `${formatNumber(part.achievement)}%`,
    source,
  };
}

/** One line of text for what the chart of a part draws, for those who cannot see it. */
export function partDescription(part: DashboardRowDto): string {
  const f = partFigures(part);
  const target = f.target ?? 'chưa giao';
  const result = f.result ? `${f.result}${f.ratio ? ` (${f.ratio})` : ''}` : 'chưa có số liệu';
  const achievement = f.achievement ? `, bằng ${f.achievement} kế hoạch` : '';
  return `${part.indicator.name}: kế hoạch ${target}, thực hiện ${result}${achievement}; ${STATUS_LABELS[part.status]}.`;
}

export type PartScale = 'percent' | 'count' | 'level';

/** Percent and ratio share an axis in percent; counts have their own; levels are words. */
export function partScale(part: DashboardRowDto): PartScale {
  const kind = part.indicator.kind;
  if (kind === 'level') return 'level';
  return kind === 'count' ? 'count' : 'percent';
}

export interface PartBar {
  name: 'Kế hoạch' | 'Thực hiện';
  value: number | null;
  label: string;
  /** The verdict colours the result; the target is always the neutral bar. */
  status: Status | null;
}

/** The two bars of a part's chart: its target and its result, each with the text at its end. */
export function partBars(part: DashboardRowDto): PartBar[] {
  const numeric = (v: number | string | undefined) => (typeof v === 'number' ? v : null);
  const f = partFigures(part);
  return [
    {
      name: 'Kế hoạch',
      value: numeric(part.target?.value),
      label: part.target?.display ?? 'chưa giao',
      status: null,
    },
    {
      name: 'Thực hiện',
      value: numeric(part.result?.value),
      label: part.result ? `${part.result.display}${f.ratio ? ` (${f.ratio})` : ''}` : 'chưa có số liệu',
      status: part.status,
    },
  ];
}

/** Where a level part stands: its scale from the lowest level, with the target and the result marked. */
export function levelSteps(part: DashboardRowDto): { level: string; target: boolean; result: boolean }[] {
  const levels = part.indicator.levels ?? [];
  const target = part.target?.value;
  const result = part.result?.value;
  return levels.map((level) => ({ level, target: level === target, result: level === result }));
}
