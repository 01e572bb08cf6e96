import { formatDateLong, formatNumber, padCount } from './format';
import { STATUS_LABELS, type Status } from './judgement';
import { PACE_LABELS, type Pace } from './progress';

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
  /** Against the longer period, in a report of progress (a half-year against its year). */
  pace?: Pace | undefined;
}

export interface ReportLine {
  text: string;
  status: Status;
  parts: ReportPart[];
}

export interface ReportModel {
  unit: { id: string; name: string };
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
  summary: { total: number; achieved: number; share: number | null; onPace?: number | undefined };
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

/** One part of a line: "tỷ lệ đảng viên … 100% (60/60), kế hoạch 90%, đạt 111,11% kế hoạch". */
export function partText(part: ReportPart, mode: ReportModel['mode'], basisLabel: string): string {
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
    return `${name} lũy kế ${result} (${against}${share}${pace})`;
  }
  const planned = target ? `, kế hoạch ${target}` : ', chưa giao kế hoạch';
  const share =
    part.achievement !== null && part.achievement !== 100
      ? `, đạt ${formatNumber(part.achievement)}% kế hoạch`
      : '';
  return `${name} ${result}${planned}${share}`;
}

/** "- <sentence>: <Verdict>. Thực hiện: <part>; <part>." */
export function lineText(line: ReportLine, model: Pick<ReportModel, 'mode' | 'basis'>): string {
  const verdict = STATUS_LABELS[line.status];
  const parts = line.parts.map((p) => partText(p, model.mode, model.basis.label));
  const head = `- ${line.text.replace(/[.:;\s]+$/, '')}: ${verdict}.`;
  // Nothing reported at all: the verdict says it, the parts would only repeat it.
  if (parts.length === 0 || line.parts.every((p) => !p.result)) return head;
  return `${head} Thực hiện: ${parts.join('; ')}.`;
}

/** "Có 6/7 chỉ tiêu đạt và vượt (85,71%)." */
export function summaryText(summary: ReportModel['summary']): string {
  const share = summary.share === null ? '' : ` (${formatNumber(summary.share)}%)`;
  return `Có ${summary.achieved}/${summary.total} chỉ tiêu đạt và vượt${share}.`;
}

export function reportTitle(model: Pick<ReportModel, 'unit' | 'period'>): string[] {
  return ['KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU', `${model.unit.name} — ${model.period.label}`];
}

/** "Kết quả thực hiện một số chỉ tiêu chủ yếu năm 2021:" */
export function introText(model: Pick<ReportModel, 'period' | 'mode' | 'basis'>): string {
  const against = model.mode === 'progress' ? ` (so với kế hoạch ${lower(model.basis.label)})` : '';
  return `Kết quả thực hiện một số chỉ tiêu chủ yếu ${lower(model.period.label)}${against}:`;
}

/** The whole text, as it is copied into the conference's report. */
export function reportText(model: ReportModel): string {
  const out = [
    ...reportTitle(model),
    `(Số liệu tính đến ${formatDateLong(model.countedTo)})`,
    '',
    introText(model),
    '',
    ...model.lines.map((l) => lineText(l, model)),
    '',
  ];
  if (model.mode === 'progress' && model.summary.onPace !== undefined)
    out.push(
      `Có ${model.summary.onPace}/${model.summary.total} chỉ tiêu đúng tiến độ so với kế hoạch ${lower(model.basis.label)}.`,
    );
  out.push(summaryText(model.summary));
  return `${out.join('\n')}\n`;
}
