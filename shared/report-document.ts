import { formatDateLong, formatNumber } from './format';
import { STATUS_LABELS, type Status } from './judgement';
import { PACE_LABELS } from './progress';
import type { ReportDto } from './schemas/report';
import type { ReportSettings } from './schemas/report-settings';
import type { UnitKind } from './unit';

// The report as the party document a committee signs (Hướng dẫn 36-HD/VPTW; docs/rules.md,
// "The report is a party document"): the header of the committee above and the issuing one
// with the number, the national header with place and date, "BÁO CÁO" and its subject, the
// body, "Nơi nhận" and the signature. One model, written out by the server as .docx and drawn
// by the report page for print, so that the two hold the same blocks in the same order.

const PARTY_KINDS: readonly string[] = ['dang_bo', 'chi_bo'] satisfies UnitKind[];

const upper = (s: string) => s.toLocaleUpperCase('vi');
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** "Đảng bộ Trường Chính trị" → "Trường Chính trị"; a name without the prefix as it is. */
const without = (name: string, prefix: RegExp) => name.replace(prefix, '').trim() || name;
const DANG_BO = /^đảng bộ\s+/i;
const CHI_BO = /^chi bộ\s+/i;

/** The header's name of a unit as the issuer: "ĐẢNG ỦY TRƯỜNG …", "CHI BỘ GIẢNG VIÊN". */
function issuerOf(unit: { name: string; kind: string }): string {
  if (unit.kind === 'dang_bo') return `ĐẢNG ỦY ${upper(without(unit.name, DANG_BO))}`;
  if (unit.kind === 'chi_bo') return `CHI BỘ ${upper(without(unit.name, CHI_BO))}`;
  return upper(unit.name);
}

/**
 * What a unit's documents start with, from its kind and the unit above it: the issuer from its
 * name, the committee above from its parent's ("ĐẢNG BỘ TRƯỜNG …" over a chi bộ), the symbol and
 * the signature of its kind, and the usual recipients. The root's committee above is not in the
 * tree: it starts empty, for the committee to write.
 */
export function defaultReportSettings(
  unit: { name: string; kind: string },
  parent: { name: string; kind: string } | null,
): ReportSettings {
  const above = parent ? upper(parent.name) : '';
  const parentCommittee = parent
    ? parent.kind === 'dang_bo'
      ? `Đảng ủy ${without(parent.name, DANG_BO)}`
      : parent.name
    : null;
  const common = { above, number: '', place: '', signer: '' };
  switch (unit.kind) {
    case 'dang_bo':
      return {
        ...common,
        issuer: issuerOf(unit),
        symbol: 'BC/ĐU',
        onBehalf: 'T/M ĐẢNG ỦY',
        signerTitle: 'BÍ THƯ',
        recipients: [
          parentCommittee
            ? `Ban Thường vụ ${parentCommittee} (để báo cáo)`
            : 'Ban Thường vụ cấp ủy cấp trên (để báo cáo)',
          'Các chi bộ trực thuộc',
          'Lưu Văn phòng Đảng ủy',
        ],
      };
    case 'chi_bo':
      return {
        ...common,
        issuer: issuerOf(unit),
        symbol: 'BC/CB',
        onBehalf: 'T/M CHI BỘ',
        signerTitle: 'BÍ THƯ',
        recipients: [
          `${parentCommittee ?? 'Cấp ủy cấp trên'} (để báo cáo)`,
          'Các đảng viên trong chi bộ',
          'Lưu Chi bộ',
        ],
      };
    default:
      return {
        ...common,
        issuer: issuerOf(unit),
        symbol: 'BC',
        onBehalf: unit.kind === 'doan_the' ? 'T/M BAN CHẤP HÀNH' : '',
        signerTitle: unit.kind === 'doan_the' ? 'CHỦ TỊCH' : 'THỦ TRƯỞNG ĐƠN VỊ',
        recipients: [`${parentCommittee ?? 'Cấp trên'} (để báo cáo)`, `Lưu ${unit.name}`],
      };
  }
}

/** A paragraph of the body, or one of its tables. */
export type ReportBlock =
  | { kind: 'paragraph'; text: string; role: 'intro' | 'empty' | 'closing' | 'headline' }
  /** "- <head>: <Verdict>.<tail>", the verdict set in bold. */
  | { kind: 'line'; status: Status; head: string; verdict: string; tail: string }
  | { kind: 'heading'; text: string }
  | { kind: 'item'; text: string }
  | { kind: 'table'; title: string; columns: string[]; rows: ReportTableRow[] };

export interface ReportTableRow {
  code: string;
  cells: string[];
  /** Whether each cell is a figure, set right; the rest centred or left as the column says. */
  level: boolean;
}

export interface ReportDocumentModel {
  header: {
    above: string;
    issuer: string;
    /** "Số 15-BC/ĐU", or "Số      -BC/ĐU" to fill by hand. */
    number: string;
    /** "ĐẢNG CỘNG SẢN VIỆT NAM" for party units; the state's header for others. */
    nation: string;
    /** "Độc lập - Tự do - Hạnh phúc" under the state's header; null under the party's. */
    motto: string | null;
    /** "Cao Lãnh, ngày 05 tháng 02 năm 2025". */
    placeDate: string;
  };
  title: string;
  /** "Kết quả thực hiện các chỉ tiêu chủ yếu năm 2021". */
  subject: string;
  /** "(Số liệu tính đến ngày 31 tháng 12 năm 2021)". */
  countedTo: string;
  body: ReportBlock[];
  /** "- Ban Thường vụ … (để báo cáo),", the last ending with a full stop. */
  recipients: string[];
  signature: { onBehalf: string; title: string; name: string };
}

const BLANK = '\u2026\u2026\u2026';

/** "Cao Lãnh, ngày 05 tháng 02 năm 2025"; without a place, dots to fill in by hand. */
export function placeDateText(place: string, date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const when = m ? `ngày ${m[3]} tháng ${m[2]} năm ${m[1]}` : `ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
  return `${place.trim() || BLANK}, ${when}`;
}

const figure = (f: { display: string; numerator?: number; denominator?: number } | null | undefined) =>
  !f
    ? '—'
    : f.numerator !== undefined && f.denominator !== undefined
      ? `${f.display} (${formatNumber(f.numerator)}/${formatNumber(f.denominator)})`
      : f.display;

const achievement = (a: number | null) => (a === null ? '—' : `${formatNumber(a)}%`);

/** The tables under the text: every indicator of the period, then the progress against the longer one. */
function tables(report: ReportDto): ReportBlock[] {
  const out: ReportBlock[] = [];
  const head = ['TT', 'Chỉ tiêu', 'ĐVT'];
  if (report.table.length > 0)
    out.push({
      kind: 'table',
      title: 'Bảng tổng hợp kết quả thực hiện các chỉ tiêu',
      columns: [...head, 'Kế hoạch', 'Thực hiện', 'Tỷ lệ so với kế hoạch', 'Đánh giá'],
      rows: report.table.map((r, i) => ({
        code: r.indicator.code,
        level: r.indicator.kind === 'level',
        cells: [
          String(i + 1),
          r.indicator.name,
          r.indicator.unitLabel,
          r.target?.display ?? '—',
          figure(r.result),
          achievement(r.achievement),
          STATUS_LABELS[r.status],
        ],
      })),
    });
  const withProgress = report.table.filter((r) => r.progress);
  const basis = withProgress[0]?.progress?.period.label;
  if (basis)
    out.push({
      kind: 'table',
      title: `Tiến độ so với kế hoạch ${lower(basis)}`,
      columns: [...head, `Kế hoạch ${lower(basis)}`, 'Lũy kế', 'Tỷ lệ so với kế hoạch', 'Tiến độ'],
      rows: withProgress.map((r, i) => ({
        code: r.indicator.code,
        level: r.indicator.kind === 'level',
        cells: [
          String(i + 1),
          r.indicator.name,
          r.indicator.unitLabel,
          r.progress!.target.display,
          figure(r.progress!.result),
          achievement(r.progress!.achievement),
          PACE_LABELS[r.progress!.pace],
        ],
      })),
    });
  return out;
}

/** A line's sentence cut around its verdict, which the document sets in bold. */
function lineBlock(line: ReportDto['lines'][number]): ReportBlock {
  const verdict = STATUS_LABELS[line.status];
  const marker = `: ${verdict}.`;
  const at = line.sentence.indexOf(marker);
  const head = at >= 0 ? line.sentence.slice(2, at) : line.sentence.slice(2);
  const tail = at >= 0 ? line.sentence.slice(at + marker.length) : '';
  return { kind: 'line', status: line.status, head, verdict, tail };
}

/** The body: the text's blocks in the text's order, then the tables. */
function bodyBlocks(report: ReportDto): ReportBlock[] {
  if (report.empty) return [{ kind: 'paragraph', role: 'empty', text: report.body[0]?.[0] ?? '' }];
  const out: ReportBlock[] = [{ kind: 'paragraph', role: 'intro', text: report.intro }];
  out.push(...report.lines.map(lineBlock));
  if (report.others.length > 0) {
    out.push({ kind: 'heading', text: 'Các kết quả khác:' });
    out.push(...report.others.map((o) => ({ kind: 'item' as const, text: o.sentence })));
  }
  const closing = report.body[report.body.length - 1] ?? [];
  for (const [i, text] of closing.entries())
    out.push({ kind: 'paragraph', role: i === closing.length - 1 ? 'headline' : 'closing', text });
  out.push(...tables(report));
  return out;
}

/** The recipients as the block writes them: "- …," and the last "- ….". */
export function recipientLines(recipients: readonly string[]): string[] {
  const list = recipients.map((r) => r.trim().replace(/[.,;]+$/, '')).filter(Boolean);
  return list.map((r, i) => `- ${r}${i === list.length - 1 ? '.' : ','}`);
}

/** The whole document of a report, under the unit's settings, dated `date` (YYYY-MM-DD). */
export function reportDocument(
  report: ReportDto,
  settings: ReportSettings,
  date: string,
): ReportDocumentModel {
  const party = PARTY_KINDS.includes(report.unit.kind);
  const number = settings.number.trim();
  return {
    header: {
      above: settings.above.trim(),
      issuer: settings.issuer.trim(),
      number: `Số ${number || '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0'}-${settings.symbol.trim()}`,
      nation: party ? 'ĐẢNG CỘNG SẢN VIỆT NAM' : 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: party ? null : 'Độc lập - Tự do - Hạnh phúc',
      placeDate: placeDateText(settings.place, date),
    },
    title: 'BÁO CÁO',
    subject: `Kết quả thực hiện các chỉ tiêu chủ yếu ${lower(report.period.label)}`,
    countedTo: `(Số liệu tính đến ${formatDateLong(report.countedTo)})`,
    body: bodyBlocks(report),
    recipients: recipientLines(settings.recipients),
    signature: {
      onBehalf: settings.onBehalf.trim(),
      title: settings.signerTitle.trim(),
      name: settings.signer.trim(),
    },
  };
}

/** Every text of the document in reading order: what tests compare between the .docx and print. */
export function documentTexts(doc: ReportDocumentModel): string[] {
  const out = [doc.header.above, doc.header.issuer, doc.header.number, doc.header.nation];
  if (doc.header.motto) out.push(doc.header.motto);
  out.push(doc.header.placeDate, doc.title, doc.subject, doc.countedTo);
  for (const b of doc.body) {
    if (b.kind === 'line') out.push(`- ${b.head}: ${b.verdict}.${b.tail}`);
    else if (b.kind === 'table') out.push(b.title, ...b.columns, ...b.rows.flatMap((r) => r.cells));
    else out.push(b.text);
  }
  out.push('Nơi nhận:', ...doc.recipients);
  if (doc.signature.onBehalf) out.push(doc.signature.onBehalf);
  out.push(doc.signature.title);
  if (doc.signature.name) out.push(doc.signature.name);
  return out.filter((t) => t !== '');
}
