import { formatDateLong, formatNumber, formatX100, padCount } from './format';
import { STATUS_LABELS, type Status } from './judgement';
import { PACE_LABELS, type Pace } from './progress';
import { kindsText } from './unit';

// "Kết quả thực hiện các chỉ tiêu chủ yếu": the report a secretary writes after a review, in
// the manner of the 2021 report the demo reproduces (docs/rules.md, "The report") — each main target, its verdict and the figures behind it — written
// from the data. Pure: the server assembles a ReportModel, these functions word it.

export interface ReportFigure {
  display: string;
  value: number | string;
  numerator?: number | undefined;
  denominator?: number | undefined;
}

export interface ReportPart {
  code: string;
  name: string;
  unitLabel: string;
  kind: 'count' | 'percent' | 'ratio' | 'level';
  target: ReportFigure | null;
  result: ReportFigure | null;
  status: Status;
  achievement: number | null;
  /**
   * Against the longer period, in a report of progress (a half-year against its year), or
   * against the days passed of the period itself while it runs (a term at mid-term).
   */
  pace?: Pace | undefined;
  /** Where the result comes from (entered, units, periods, derived), as the dashboard says. */
  source?: string | undefined;
  /** How a result so far is found, when it is one: added up over the periods, or the latest. */
  soFar?: 'sum' | 'last' | undefined;
  /**
   * A part judged at the units below of some kinds: how many of those holding the target
   * are met or exceeded, and each of them.
   */
  units?:
    | {
        below: string[];
        achieved: number;
        total: number;
        rows: { name: string; result: ReportFigure | null; status: Status }[];
      }
    | undefined;
}

export interface ReportLine {
  text: string;
  status: Status;
  parts: ReportPart[];
}

/** A result reported without a target: "kết nạp 01 đảng viên" (docs/rules.md, "The report"). */
export interface ReportOther {
  code: string;
  name: string;
  unitLabel: string;
  kind: ReportPart['kind'];
  result: ReportFigure;
}

export interface ReportModel {
  unit: { id: string; name: string; kind: string };
  period: { code: string; label: string; start: string; end: string; open: boolean };
  /** The day the figures are counted to: the period's last day, or today while it runs. */
  countedTo: string;
  /**
   * "period": the period's own targets judged. "progress": a half-year or a quarter without
   * main targets of its own, judged against the year's (the mid-year review).
   */
  mode: 'period' | 'progress';
  /** Whose target lines the report follows; the year's in a report of progress. */
  basis: { code: string; label: string };
  /** Whether the lines are the committee's sentences, or made from the indicators for want of them. */
  fromIndicators: boolean;
  lines: ReportLine[];
  /** Results of the period without a target and outside the lines: "Các kết quả khác". */
  others: ReportOther[];
  /** Nothing to report: no target, no line and no result in the period. */
  empty: boolean;
  /**
   * While the reported period runs, the share of its days passed (hundredths of a percent)
   * against which each cumulative result's pace is told; absent once it has ended.
   */
  elapsedX100?: number | undefined;
  /** Over the lines: "N/M chỉ tiêu chủ yếu đạt và vượt", or without lines of the committee, over its targets. */
  summary: { total: number; achieved: number; share: number | null; onPace?: number | undefined };
  /**
   * Over the single targets of the unit and period, as the dashboard counts them ("chỉ tiêu cụ
   * thể"); null when the lines are already made of them (the committee wrote none).
   */
  targets: { total: number; achieved: number; share: number | null } | null;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** A figure as a formal report writes it: "04 chi bộ", "1.560 học sinh", "100% (60/60)". */
export function figureText(part: Pick<ReportPart, 'kind' | 'unitLabel'>, f: ReportFigure): string {
  switch (part.kind) {
    case 'count':
      return typeof f.value === 'number'
        ? `${f.value === 0 ? '0' : padCount(f.value)} ${part.unitLabel}`
        : f.display;
    case 'ratio':
      return f.numerator !== undefined && f.denominator !== undefined
        ? `${f.display} (${formatNumber(f.numerator)}/${formatNumber(f.denominator)})`
        : f.display;
    default:
      return f.display;
  }
}

/**
 * A part at the units below: "xếp loại tổ chức đoàn thể 2/2 đoàn thể đạt và vượt (Công đoàn
 * Trường Vững mạnh; Đoàn Thanh niên Trường Vững mạnh tiêu biểu), kế hoạch Vững mạnh".
 */
function partBelowText(part: ReportPart, units: NonNullable<ReportPart['units']>): string {
  const name = lower(part.name);
  const kinds = kindsText(units.below);
  if (units.total === 0) return `${name}: chưa giao kế hoạch cho ${kinds} nào`;
  const each = units.rows
    .map((r) => `${r.name} ${r.result ? figureText(part, r.result) : 'chưa có số liệu'}`)
    .join('; ');
  const target = part.target ? `, kế hoạch ${figureText(part, part.target)}` : '';
  return `${name} ${units.achieved}/${units.total} ${kinds} đạt và vượt (${each})${target}`;
}

/** Whether a part has anything reported. */
const reported = (p: ReportPart) => (p.units ? p.units.rows.some((r) => r.result) : p.result !== null);

/** A result so far: "số đề tài lũy kế 04 đề tài", or the latest, "xếp loại … Vững mạnh (kỳ gần nhất)". */
const soFarText = (part: ReportPart, name: string, result: string) =>
  part.soFar === 'last' ? `${name} ${result} (kỳ gần nhất)` : `${name} lũy kế ${result}`;

/** One part of a line: "tỷ lệ đảng viên … 100% (60/60), kế hoạch 90%, đạt 111,11% kế hoạch". */
export function partText(
  part: ReportPart,
  mode: ReportModel['mode'],
  basisLabel: string,
  elapsedX100?: number,
): string {
  if (part.units) return partBelowText(part, part.units);
  const name = lower(part.name);
  const target = part.target ? figureText(part, part.target) : null;
  if (!part.result) return `${name} chưa có số liệu${target ? ` (kế hoạch ${target})` : ''}`;
  const result = figureText(part, part.result);
  if (mode === 'progress') {
    const against = target
      ? `kế hoạch ${lower(basisLabel)} ${target}`
      : `chưa có kế hoạch ${lower(basisLabel)}`;
    const share = part.achievement !== null ? `, bằng ${formatNumber(part.achievement)}% kế hoạch` : '';
    const pace = part.pace ? `, ${lower(PACE_LABELS[part.pace])}` : '';
    return `${soFarText(part, name, result)} (${against}${share}${pace})`;
  }
  const planned = target ? `, kế hoạch ${target}` : ', chưa giao kế hoạch';
  const share =
    part.achievement !== null && part.achievement !== 100
      ? `, đạt ${formatNumber(part.achievement)}% kế hoạch`
      : '';
  // A period that runs: the result so far, and whether it keeps pace with the days passed.
  if (part.pace && elapsedX100 !== undefined)
    return `${part.soFar ? soFarText(part, name, result) : `${name} ${result}`}${planned}${share}, ${lower(PACE_LABELS[part.pace])} (đã qua ${formatX100(elapsedX100)}% thời gian)`;
  return `${name} ${result}${planned}${share}`;
}

/** "- <sentence>: <Verdict>. Thực hiện: <part>; <part>." */
export function lineText(
  line: ReportLine,
  model: Pick<ReportModel, 'mode' | 'basis' | 'elapsedX100'>,
): string {
  const verdict = STATUS_LABELS[line.status];
  const parts = line.parts.map((p) => partText(p, model.mode, model.basis.label, model.elapsedX100));
  const head = `- ${line.text.replace(/[.:;\s]+$/, '')}: ${verdict}.`;
  // Nothing reported at all: the verdict says it, the parts would only repeat it.
  if (parts.length === 0 || !line.parts.some(reported)) return head;
  return `${head} Thực hiện: ${parts.join('; ')}.`;
}

const counted = (s: { total: number; achieved: number; share: number | null }, what: string) =>
  `Có ${s.achieved}/${s.total} ${what} đạt và vượt${s.share === null ? '' : ` (${formatNumber(s.share)}%)`}.`;

/**
 * The close of the report, in order (docs/rules.md, "One headline"): the pace while the period
 * runs or at a mid-year review, then the counts, the one the dashboard heads with last. Over the
 * committee's lines: "Có 13/15 chỉ tiêu cụ thể đạt và vượt (86,67%)." then "Có 5/7 chỉ tiêu chủ
 * yếu đạt và vượt (71,43%)."; without lines, over the targets, "Có 6/7 chỉ tiêu đạt và vượt
 * (85,71%)."; at a mid-year review, the year's lines already met, then the period's own targets.
 */
export function closingText(model: ReportModel): string[] {
  const out: string[] = [];
  if (model.summary.onPace !== undefined)
    out.push(
      `Có ${model.summary.onPace}/${model.summary.total} chỉ tiêu đúng tiến độ so với kế hoạch ${lower(model.basis.label)}.`,
    );
  if (model.mode === 'progress') {
    const { achieved, total } = model.summary;
    out.push(`Có ${achieved}/${total} chỉ tiêu chủ yếu đã đạt và vượt kế hoạch ${lower(model.basis.label)}.`);
    if (model.targets && model.targets.total > 0) out.push(counted(model.targets, 'chỉ tiêu'));
    return out;
  }
  const targets = targetsText(model);
  if (targets) out.push(targets);
  // Results without any target: nothing to count, and "0/0" would say nothing.
  out.push(
    model.summary.total === 0
      ? `Chưa có chỉ tiêu nào được giao trong ${lower(model.period.label)}.`
      : counted(model.summary, model.fromIndicators ? 'chỉ tiêu' : 'chỉ tiêu chủ yếu'),
  );
  return out;
}

/** The report's last sentence, the one read out last: see closingText. */
export const summaryText = (model: ReportModel): string => closingText(model).at(-1)!;

/**
 * Beside the committee's lines of the period, the single targets: "Có 13/15 chỉ tiêu cụ thể đạt
 * và vượt (86,67%)."; null without (and at a mid-year review, where the period's own targets
 * close the report).
 */
export function targetsText(model: Pick<ReportModel, 'targets' | 'mode'>): string | null {
  return model.mode === 'period' && model.targets && model.targets.total > 0
    ? counted(model.targets, 'chỉ tiêu cụ thể')
    : null;
}

/**
 * What heads every summary of the unit and period, as the dashboard heads with it: the
 * committee's lines of the period (null without), and its single targets (null without).
 */
export function headlineOf(model: ReportModel): {
  lines: { total: number; achieved: number; share: number | null } | null;
  single: { total: number; achieved: number; share: number | null } | null;
} {
  const lines =
    model.mode === 'period' && !model.fromIndicators
      ? { total: model.summary.total, achieved: model.summary.achieved, share: model.summary.share }
      : null;
  const single = model.fromIndicators
    ? model.summary.total > 0
      ? { total: model.summary.total, achieved: model.summary.achieved, share: model.summary.share }
      : null
    : model.targets && model.targets.total > 0
      ? model.targets
      : null;
  return { lines, single };
}

export function reportTitle(model: Pick<ReportModel, 'unit' | 'period'>): string[] {
  return ['KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU', `${model.unit.name} — ${model.period.label}`];
}
/** "Kết quả thực hiện một số chỉ tiêu chủ yếu năm 2021:" */
export function introText(model: Pick<ReportModel, 'period' | 'mode' | 'basis'>): string {
  const against = model.mode === 'progress' ? ` (so với kế hoạch ${lower(model.basis.label)})` : '';
  return `Kết quả thực hiện một số chỉ tiêu chủ yếu ${lower(model.period.label)}${against}:`;
}

/** "Năm 2023, Đảng bộ … chưa có chỉ tiêu nào được giao và chưa có kết quả nào được báo cáo." */
export function emptyText(model: Pick<ReportModel, 'unit' | 'period'>): string {
  const label = model.period.label;
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}, ${model.unit.name} chưa có chỉ tiêu nào được giao và chưa có kết quả nào được báo cáo.`;
}

/** "+ Kết nạp đảng viên mới: 01 đảng viên." — a result without a target, under "Các kết quả khác". */
export function otherText(other: ReportOther): string {
  return `+ ${other.name}: ${figureText(other, other.result)}.`;
}

export const OTHERS_HEADING = 'Các kết quả khác:';

/** "(Số liệu tính đến ngày 31 tháng 12 năm 2021)" */
export const countedToText = (model: Pick<ReportModel, 'countedTo'>) =>
  `(Số liệu tính đến ${formatDateLong(model.countedTo)})`;

/**
 * The body in order, as every form of the report writes it: the intro, one sentence per main
 * target, the results without a target, and the closing counts, the sentence over the lines
 * last. A period with nothing is one sentence.
 */
export function bodyText(model: ReportModel): string[][] {
  if (model.empty) return [[emptyText(model)]];
  const blocks = [[introText(model)], model.lines.map((l) => lineText(l, model))];
  if (model.others.length > 0) blocks.push([OTHERS_HEADING, ...model.others.map(otherText)]);
  blocks.push(closingText(model));
  return blocks.filter((b) => b.length > 0);
}

/** The whole text, as it is copied into the conference's report. */
export function reportText(model: ReportModel): string {
  const out = [...reportTitle(model), countedToText(model)];
  for (const block of bodyText(model)) out.push('', ...block);
  return `${out.join('\n')}\n`;
}
