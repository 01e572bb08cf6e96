import { z } from 'zod';
import { errorSchema } from './schemas/common';
import { clipQuote } from './text';

// Import and export of targets and results as a spreadsheet (docs/api.md; GET /api/docs; docs/decisions/006-import-export.md): the layout, the answers of the server,
// and how a typed cell becomes a number. Both sides import this file.

/**
 * The header row of every export, and of an import from another program, in this order: the
 * columns' names in English. An import may name them in Vietnamese instead (IMPORT_HEADER_VI).
 */
export const IMPORT_COLUMNS = [
  'unit',
  'code',
  'period',
  'type',
  'value',
  'numerator',
  'denominator',
  'note',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const IMPORT_HEADER = IMPORT_COLUMNS.join(',');

/** The same columns named in Vietnamese, as a person reads them: the template's header. */
export const COLUMN_NAMES_VI: Record<ImportColumn, string> = {
  unit: 'đơn vị',
  code: 'mã chỉ tiêu',
  period: 'kỳ',
  type: 'loại',
  value: 'giá trị',
  numerator: 'tử số',
  denominator: 'mẫu số',
  note: 'ghi chú',
};

/**
 * The Vietnamese header, accepted by an import as well as the English one (its cells compared
 * trimmed, in any case, in Unicode NFC) and written at the top of the template.
 */
export const IMPORT_HEADER_VI = IMPORT_COLUMNS.map((c) => COLUMN_NAMES_VI[c]).join(',');

/** Column names as a person reads them in a message: both names, as either header has it. */
export const COLUMN_LABELS = Object.fromEntries(
  IMPORT_COLUMNS.map((c) => [c, `${COLUMN_NAMES_VI[c]} (${c})`]),
) as Record<ImportColumn, string>;

/**
 * What the type column ("loại") takes, in either header: the English word or a Vietnamese one,
 * compared without diacritics or case. The template writes "kết quả".
 */
export const TYPE_WORDS: Record<'target' | 'result', readonly string[]> = {
  target: ['target', 'chỉ tiêu', 'kế hoạch'],
  result: ['result', 'kết quả'],
};

/** The largest upload accepted. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

// What an import reads of a file, at most (issue 12, hole 5: a workbook of 155 KB unpacked to
// 200.000 rows, one of 18 MB ended the server). Each is checked while the file is read, and a
// file past one is refused with 413 at once, before its rows are checked. README, "Import
// limits", has the figures they were chosen from.

/** Rows of data (blank rows not counted): the import of 100.000 rows issue 17 asks for fits. */
export const MAX_IMPORT_ROWS = 100_000;
/**
 * Cells: every row read, blank or not, counts its eight columns, or as many as reach its last
 * filled cell; in a CSV every separator and line break counts. 100.000 rows of eight are 800.000.
 */
export const MAX_IMPORT_CELLS = 2_000_000;
/**
 * What the parts of an XLSX that are read (sheets, shared strings, styles, the list of sheets)
 * unpack to, together. A zip packs repeated text a thousand times over; a real export of
 * 100.000 rows unpacks to 27 MB.
 */
export const MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** An XLSX's shared strings, unpacked: held in memory while the sheet is read (0,5 MB in that export). */
export const MAX_XLSX_SHARED_STRINGS_BYTES = 16 * 1024 * 1024;
/** Each other part read whole into memory (styles, the list of sheets, their links), unpacked. */
export const MAX_XLSX_PART_BYTES = 8 * 1024 * 1024;
/** Files inside an XLSX: Excel writes ten or twenty. */
export const MAX_XLSX_ENTRIES = 1000;
/** The longest text between two tags of an XLSX's XML, a cell's text or a tag, in characters: a note has at most 2.000. */
export const MAX_XLSX_TEXT_CHARS = 1_000_000;
/** How many changes an answer lists; the counts cover them all. */
export const MAX_LISTED_CHANGES = 500;
/** How many problems a refusal lists; `errorCount` counts them all. */
export const MAX_LISTED_ERRORS = 1000;

/** What a value cell says to remove the stored value (compared without diacritics or case). */
export const REMOVE_WORD = 'xóa';

export const IMPORT_ACTIONS = ['create', 'update', 'delete', 'same'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

export const IMPORT_ACTION_LABELS: Record<ImportAction, string> = {
  create: 'Thêm mới',
  update: 'Sửa',
  delete: 'Xóa',
  same: 'Không đổi',
};

const valueSchema = z.object({
  /** Null for a target relative to last year, which the import replaces by a value. */
  value: z.union([z.number(), z.string()]).nullable(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  display: z.string(),
  /** Results only. */
  note: z.string().nullable().optional(),
});

export const importChangeSchema = z.object({
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: z.number(),
  unit: z.object({ id: z.string(), name: z.string() }),
  code: z.string(),
  indicatorName: z.string(),
  period: z.string(),
  type: z.enum(['target', 'result']),
  action: z.enum(IMPORT_ACTIONS),
  before: valueSchema.nullable(),
  after: valueSchema.nullable(),
});

export const importResponseSchema = z.object({
  /** Rows read below the header, blank lines left out. */
  rows: z.number(),
  /** Rows that changed something (with dryRun: that would change something). */
  written: z.number(),
  dryRun: z.boolean(),
  counts: z.object({
    create: z.number(),
    update: z.number(),
    delete: z.number(),
    same: z.number(),
    /** Rows whose value cells are empty: they leave the stored value as it is. */
    skipped: z.number(),
  }),
  /** The rows that change, then the unchanged ones, in file order; at most MAX_LISTED_CHANGES. */
  changes: z.array(importChangeSchema),
  /** How many rows `changes` would hold without the cap. */
  changesTotal: z.number(),
});

export const importProblemSchema = z.object({
  row: z.number(),
  /** The column at fault; null when the whole row is (a duplicate). */
  column: z.enum(IMPORT_COLUMNS).nullable(),
  message: z.string(),
});

export const importRefusalSchema = errorSchema.extend({
  errors: z.array(importProblemSchema),
  /** Every problem found; `errors` lists at most MAX_LISTED_ERRORS of them. */
  errorCount: z.number(),
});

export type ImportChange = z.infer<typeof importChangeSchema>;
export type ImportResponse = z.infer<typeof importResponseSchema>;
export type ImportProblem = z.infer<typeof importProblemSchema>;
export type ImportRefusal = z.infer<typeof importRefusalSchema>;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type DecimalCell = { ok: true; text: string } | { ok: false; message: string };

/**
 * A number typed in a text cell, as the plain decimal the value checks read ("92.5"). A dot
 * or, when there is no dot, a Vietnamese decimal comma marks the decimals: "92.5" and "92,5"
 * are both 92,5. Exactly three digits after the mark are refused rather than guessed at:
 * "1.500" is 1500 to a Vietnamese reader and 1,5 to a program, and no value has three
 * decimals anyway. Thousands separators and several marks are refused too. Anything else
 * (a word, a sign) is passed on as typed, for the value checks to refuse in their words.
 */
export function readDecimalCell(raw: string): DecimalCell {
  const text = raw.trim();
  const m = /^(\d+)([.,])(\d+)$/.exec(text);
  if (m) {
    const [, whole, mark, fraction] = m;
    if (fraction!.length === 3)
      return {
        ok: false,
        message: `Số "${clipQuote(text)}" có ba chữ số sau dấu ${mark === '.' ? 'chấm' : 'phẩy'}: giá trị có nhiều nhất hai chữ số thập phân, và không dùng dấu chấm hay dấu phẩy để tách hàng nghìn (một nghìn năm trăm viết là 1500)`,
      };
    return { ok: true, text: `${whole}.${fraction}` };
  }
  if (/^\d*[.,]\d*[.,]/.test(text))
    return {
      ok: false,
      message: `Số "${clipQuote(text)}" có dấu tách hàng nghìn hoặc nhiều dấu thập phân: hãy viết liền các chữ số, phần thập phân sau một dấu chấm hoặc dấu phẩy (ví dụ 1500 hoặc 92,5)`,
    };
  return { ok: true, text };
}

/**
 * The digits of a JS number moved two places right, without floating point arithmetic: a
 * spreadsheet cell formatted as a percentage holds 0.925 for 92,5%.
 */
export function percentCellText(n: number): string {
  const text = String(n);
  if (!/^\d+(\.\d+)?$/.test(text)) return text;
  const [whole, fraction = ''] = text.split('.');
  const digits = `${whole}${fraction.padEnd(2, '0')}`;
  const point = whole!.length + 2;
  return `${digits.slice(0, point)}.${digits.slice(point)}`
    .replace(/^0+(?=\d)/, '')
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/** "Đảng bộ Trường / Chi bộ A": the names from the root, as the unit column writes them. */
export const UNIT_PATH_SEPARATOR = ' / ';
