import type ExcelJS from 'exceljs';
import { formatDateLong } from '../../shared/format';
import { STATUS_LABELS } from '../../shared/judgement';
import { PACE_LABELS } from '../../shared/progress';
import {
  closingText,
  emptyText,
  introText,
  lineText,
  OTHERS_HEADING,
  otherText,
  reportTitle,
} from '../../shared/report';
import type { DashboardRowDto } from '../../shared/schemas/dashboard';
import { excel } from '../lib/excel';
import type { Report } from './report';

// The report as a workbook: the text of the main targets, then the table TT, Chỉ tiêu, ĐVT,
// Kế hoạch, Thực hiện, Tỷ lệ so với kế hoạch, Đánh giá with real number cells (percentages as
// fractions formatted 0.00%, counts as whole numbers), laid out for A4 in the administrative
// manner (Times New Roman, margins 20 mm top and bottom, 30 mm left, 15 mm right).

const FONT = 'Times New Roman';
const MM = 1 / 25.4;
const THIN = { style: 'thin' as const, color: { argb: 'FF7F7F7F' } };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const COLUMNS = ['TT', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ so với kế hoạch', 'Đánh giá'];

/** A percentage with two decimals as the fraction Excel formats: 66.67 → 0.6667, exactly as written. */
const fraction = (percent: number) => Math.round(percent * 100) / 10000;

type Figure = { value: number | string } | null;

/** A target or result as a cell: a number where it is one, with the format people read. */
function valueCell(kind: DashboardRowDto['indicator']['kind'], f: Figure) {
  if (!f) return { value: null, numFmt: undefined };
  if (typeof f.value === 'string') return { value: f.value, numFmt: undefined };
  if (kind === 'count') return { value: f.value, numFmt: '#,##0' };
  // Percent and ratio: the fraction, so that Excel computes with it as a percentage.
  return { value: fraction(f.value), numFmt: '0.00%' };
}

function setupSheet(ws: ExcelJS.Worksheet, widths: number[]) {
  ws.columns = widths.map((width) => ({ width }));
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM, header: 8 * MM, footer: 8 * MM },
  };
  ws.properties.defaultRowHeight = 18;
}

function textRow(
  ws: ExcelJS.Worksheet,
  text: string,
  span: number,
  opts: Partial<ExcelJS.Font> = {},
  center = false,
) {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, span);
  const cell = row.getCell(1);
  cell.font = { name: FONT, size: 13, ...opts };
  cell.alignment = { wrapText: true, vertical: 'top', horizontal: center ? 'center' : 'justify' };
  // Merged cells do not grow with their text: give long lines room, about 95 characters a line.
  row.height = Math.max(18, Math.ceil(text.length / 95) * 18);
  return row;
}

function headerRow(ws: ExcelJS.Worksheet, labels: string[]) {
  const row = ws.addRow(labels);
  row.eachCell((cell) => {
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = BOX;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  row.height = 32;
}

function bodyCells(row: ExcelJS.Row, numFmts: (string | undefined)[]) {
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    cell.font = { name: FONT, size: 12 };
    cell.border = BOX;
    cell.alignment = { wrapText: true, vertical: 'top', horizontal: col === 2 ? 'left' : 'center' };
    const fmt = numFmts[col - 1];
    if (fmt) {
      cell.numFmt = fmt;
      cell.alignment = { ...cell.alignment, horizontal: 'right' };
    }
  });
}

/** One row per indicator: TT, Chỉ tiêu, ĐVT, a target, a result, its share of the target, a word. */
function tableRows(
  ws: ExcelJS.Worksheet,
  rows: DashboardRowDto[],
  figures: (r: DashboardRowDto) => {
    target: Figure;
    result: Figure;
    achievement: number | null;
    word: string;
  },
) {
  rows.forEach((r, i) => {
    const f = figures(r);
    const kind = r.indicator.kind;
    const target = valueCell(kind, f.target);
    const result = valueCell(kind, f.result);
    const row = ws.addRow([
      i + 1,
      r.indicator.name,
      r.indicator.unitLabel,
      target.value,
      result.value,
      f.achievement === null ? null : fraction(f.achievement),
      f.word,
    ]);
    bodyCells(row, [undefined, undefined, undefined, target.numFmt, result.numFmt, '0.00%', undefined]);
  });
}

export async function reportWorkbook(report: Report): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'Chỉ tiêu';
  wb.created = new Date(`${report.countedTo}T00:00:00Z`);
  const ws = wb.addWorksheet('Báo cáo');
  setupSheet(ws, [6, 44, 11, 13, 15, 14, 13]);
  const span = COLUMNS.length;

  const [title, subtitle] = reportTitle(report);
  textRow(ws, title!, span, { bold: true, size: 14 }, true);
  textRow(ws, subtitle!, span, { bold: true }, true);
  textRow(ws, `(Số liệu tính đến ${formatDateLong(report.countedTo)})`, span, { italic: true }, true);
  ws.addRow([]);
  // A period with nothing: its one sentence, and no table.
  if (report.empty) {
    textRow(ws, emptyText(report), span);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }
  textRow(ws, introText(report), span, { bold: true });
  for (const line of report.lines) textRow(ws, lineText(line, report), span);
  if (report.others.length > 0) {
    textRow(ws, OTHERS_HEADING, span, { bold: true });
    for (const other of report.others) textRow(ws, otherText(other), span);
  }
  // The pace, the single targets, and last, in bold, the sentence over the lines.
  const close = closingText(report);
  for (const [i, text] of close.entries())
    textRow(ws, text, span, i === close.length - 1 ? { bold: true } : undefined);
  ws.addRow([]);

  headerRow(ws, COLUMNS);
  tableRows(ws, report.table, (r) => ({ ...r, word: STATUS_LABELS[r.status] }));

  // A half-year or a quarter: how far the year (or a year: the term) has come.
  const withProgress = report.table.filter((r) => r.progress);
  if (withProgress.length > 0) {
    const basis = withProgress[0]!.progress!.period.label;
    ws.addRow([]);
    textRow(ws, `Tiến độ so với kế hoạch ${basis.toLowerCase()}`, span, { bold: true });
    headerRow(ws, [
      'TT',
      'Chỉ tiêu',
      'ĐVT',
      `Kế hoạch ${basis.toLowerCase()}`,
      'Lũy kế',
      'Tỷ lệ so với kế hoạch',
      'Tiến độ',
    ]);
    tableRows(ws, withProgress, (r) => ({ ...r.progress!, word: PACE_LABELS[r.progress!.pace] }));
  }

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
