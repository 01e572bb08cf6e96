import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  type ITableCellOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { ReportBlock, ReportDocumentModel } from '../../shared/report-document';

// The report as the .docx a committee edits and signs (shared/report-document.ts holds what it
// says; this only lays it out): A4, Times New Roman, margins 20 mm top and bottom, 30 mm left,
// 15 mm right; the header of Hướng dẫn 36-HD/VPTW in a table without borders; the body 14 pt,
// justified, first lines indented; the tables with their header row repeated on every page;
// "Nơi nhận" and the signature side by side; the page number at the top from page 2.

const FONT = 'Times New Roman';
/** Half-points, as Word counts font sizes. */
const pt = (n: number) => n * 2;
const MARGIN = {
  top: convertMillimetersToTwip(20),
  bottom: convertMillimetersToTwip(20),
  left: convertMillimetersToTwip(30),
  right: convertMillimetersToTwip(15),
};
const A4 = { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) };
/** The width between the margins, in twips. */
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

const run = (text: string, style: RunStyle = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: pt(style.size ?? 14),
    bold: style.bold,
    italics: style.italics,
    ...(style.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  });

const centred = (children: ParagraphChild[], after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after }, children });

/** A paragraph of the body: justified, its first line indented 1 cm, 6 pt before, 1,2 lines. */
const bodyParagraph = (children: ParagraphChild[]) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(10) },
    spacing: { before: 120, after: 0, line: 288, lineRule: LineRuleType.AUTO },
    children,
  });

const NO_BORDERS = TableBorders.NONE;

/** A cell of the borderless tables that hold the header and the signature. */
const layoutCell = (width: number, children: Paragraph[], options: Partial<ITableCellOptions> = {}) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, children, ...options });

function headerTable(h: ReportDocumentModel['header']): Table {
  const left = Math.round(TEXT_WIDTH * 0.45);
  const right = TEXT_WIDTH - left;
  const leftLines = [
    ...(h.above ? [centred([run(h.above)])] : []),
    centred([run(h.issuer, { bold: true })]),
    centred([run('*')]),
    centred([run(h.number)]),
  ];
  const rightLines = [
    // The party's header 15 pt and underlined; the state's 13 pt over its underlined motto.
    centred([run(h.nation, { bold: true, underline: h.motto === null, size: h.motto === null ? 15 : 13 })]),
    ...(h.motto ? [centred([run(h.motto, { bold: true, underline: true })])] : []),
    centred([run('')]),
    centred([run(h.placeDate, { italics: true })]),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [layoutCell(left, leftLines), layoutCell(right, rightLines)] })],
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
const WIDTHS = [6, 31, 9, 13, 15, 12, 14];

/** A table of the body: its header row repeated on every page, its rows never split. */
function dataTable(block: Extract<ReportBlock, { kind: 'table' }>): (Paragraph | Table)[] {
  const widths = WIDTHS.map((w) => Math.round((TEXT_WIDTH * w) / 100));
  const cell = (text: string, i: number, head: boolean, level = false) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      borders: CELL_BORDERS,
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
      children: [
        new Paragraph({
          alignment:
            head || i === 0 || i === 2 || i === 6 || text === '—'
              ? AlignmentType.CENTER
              : i === 1 || level
                ? AlignmentType.LEFT
                : AlignmentType.RIGHT,
          children: [run(text, { bold: head, size: 12 })],
        }),
      ],
    });
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 240, after: 120 },
      children: [run(block.title, { bold: true, size: 13 })],
    }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: block.columns.map((c, i) => cell(c, i, true)),
        }),
        ...block.rows.map(
          (r) =>
            new TableRow({
              cantSplit: true,
              children: r.cells.map((c, i) => cell(c, i, false, r.level)),
            }),
        ),
      ],
    }),
  ];
}

function bodyOf(blocks: ReportBlock[]): (Paragraph | Table)[] {
  return blocks.flatMap((b): (Paragraph | Table)[] => {
    switch (b.kind) {
      case 'paragraph':
        return [bodyParagraph([run(b.text, { bold: b.role === 'headline' })])];
      case 'line':
        return [bodyParagraph([run(`- ${b.head}: `), run(b.verdict, { bold: true }), run(`.${b.tail}`)])];
      case 'heading':
        return [bodyParagraph([run(b.text, { bold: true })])];
      case 'item':
        return [bodyParagraph([run(b.text)])];
      default:
        return dataTable(b);
    }
  });
}

function closingTable(doc: ReportDocumentModel): Table {
  const left = Math.round(TEXT_WIDTH * 0.5);
  const right = TEXT_WIDTH - left;
  const recipients = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, underline: true, size: 12 })] }),
    ...doc.recipients.map((r) => new Paragraph({ children: [run(r, { size: 11 })] })),
  ];
  const sign = doc.signature;
  const signature = [
    ...(sign.onBehalf ? [centred([run(sign.onBehalf, { bold: true })])] : []),
    centred([run(sign.title, { bold: true })]),
    // The room for the signature and the seal.
    ...Array.from({ length: 4 }, () => centred([run('')])),
    ...(sign.name ? [centred([run(sign.name, { bold: true })])] : []),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [layoutCell(left, recipients), layoutCell(right, signature)],
      }),
    ],
  });
}

export function reportDocx(doc: ReportDocumentModel): Promise<Buffer> {
  const document = new Document({
    creator: 'Chỉ tiêu',
    title: `${doc.title} ${doc.subject}`,
    description: doc.header.issuer,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          page: { size: A4, margin: MARGIN },
          // The number of each page from the second, at the top in the middle.
          titlePage: true,
        },
        headers: {
          default: new Header({
            children: [centred([new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(14) })])],
          }),
          first: new Header({ children: [new Paragraph({})] }),
        },
        children: [
          headerTable(doc.header),
          centred([run('')]),
          centred([run(doc.title, { bold: true, size: 16 })]),
          centred([run(doc.subject, { bold: true })]),
          centred([run('-----')], 0),
          centred([run(doc.countedTo, { italics: true })], 120),
          ...bodyOf(doc.body),
          new Paragraph({ spacing: { before: 240 }, children: [] }),
          closingTable(doc),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
