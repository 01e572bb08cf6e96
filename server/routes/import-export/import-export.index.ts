import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Busboy from '@fastify/busboy';
import type { Context } from 'hono';
import {
  COLUMN_LABELS,
  EXPORT_FORMATS,
  type ExportFormat,
  IMPORT_COLUMNS,
  type ImportResponse,
  MAX_LISTED_ERRORS,
} from '../../../shared/import-export';
import { clipQuote } from '../../../shared/text';
import type { DbOrTx, Tx } from '../../db/client';
import { catalogue } from '../../domain/catalogue';
import { applyValuesBulk } from '../../domain/value-writes';
import { AppError, badRequest } from '../../lib/errors';
import { attachment } from '../../lib/files';
import { requirePeriod, requireUnit } from '../../lib/lookups';
import { type AppEnv, accessOf, createRouter } from '../../lib/router';
import { CONTENT_TYPES, toCsv, toXlsx } from './import-export.files';
import { checkRows, judgeRows, listChanges, type Problem } from './import-export.plan';
import { readImportFile } from './import-export.read';
import * as routes from './import-export.routes';
import { exportRows, readSubtree, templateRows, treeOrder } from './import-export.rows';
import { instructionsSheet } from './import-export.template';
import { UnitNames } from './import-export.units';

// POST /api/import, GET /api/export and GET /api/import/template (docs/api.md; GET /api/docs; docs/decisions/006-import-export.md).

/** The uploaded file, as the pieces it arrived in, and its name. */
interface Upload {
  chunks: Uint8Array[];
  name: string;
}

/**
 * The form's "file", read as it streams in (busboy): its pieces are kept as they arrive, once,
 * where a whole-form parse would hold the body, a copy of it and the file again (three times
 * 20 MB at the limit). Any other field is refused; of several "file" fields the last counts.
 */
async function uploadedFile(c: Context<AppEnv>): Promise<Upload> {
  const missing = () =>
    badRequest(
      'missing_file',
      'Hãy gửi tệp CSV hoặc XLSX trong trường "file" của một biểu mẫu multipart/form-data.',
      'file',
    );
  const type = c.req.header('content-type') ?? '';
  const body = c.req.raw.body;
  if (!/^multipart\/form-data/i.test(type) || !body) throw missing();
  let form: ReturnType<typeof Busboy>;
  try {
    // Text fields are refused whatever they hold: a few bytes of each are enough to name them.
    form = Busboy({ headers: { 'content-type': type }, limits: { fieldSize: 1024 } });
  } catch {
    throw missing();
  }
  return new Promise<Upload>((resolve, reject) => {
    let file: Upload | null = null;
    let unknown: string | undefined;
    form.on('file', (field, stream, filename) => {
      // A part cut short is an error of its stream: unheard, it would end the process.
      stream.on('error', () => reject(missing()));
      if (field !== 'file') {
        unknown ??= field;
        stream.resume();
        return;
      }
      const part: Upload = { chunks: [], name: filename ?? '' };
      file = null;
      stream.on('data', (d: Uint8Array) => part.chunks.push(d));
      stream.on('end', () => {
        file = part;
      });
    });
    form.on('field', (field) => {
      if (field !== 'file') unknown ??= field;
      else file = null;
    });
    form.on('finish', () => {
      // A field with an empty name is unknown too.
      if (unknown !== undefined)
        reject(
          new AppError(
            400,
            'unknown_field',
            `Biểu mẫu chỉ có trường "file"; trường "${clipQuote(unknown)}" không được nhận.`,
            unknown,
          ),
        );
      else if (file) resolve(file);
      else reject(missing());
    });
    pipeline(Readable.fromWeb(body as never), form).catch(() => reject(missing()));
  });
}

const columnOrder = (c: Problem['column']) => (c === null ? -1 : IMPORT_COLUMNS.indexOf(c));

/** One refusal naming every problem: 400 if a row is wrong, else 403 for rights, else 423 for locks. */
function refusal(problems: Problem[]): AppError {
  problems.sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column));
  const kind = problems.some((p) => p.kind === 'invalid')
    ? 'invalid'
    : problems.some((p) => p.kind === 'forbidden')
      ? 'forbidden'
      : 'locked';
  const first = problems.find((p) => p.kind === kind)!;
  const where = `dòng ${first.row}${first.column ? `, cột ${COLUMN_LABELS[first.column]}` : ''}`;
  const count = problems.length;
  const reason = {
    invalid: `tệp có ${count} lỗi`,
    forbidden: `có dòng ngoài quyền của bạn (${count} lỗi)`,
    locked: `có dòng thuộc kỳ đã khóa (${count} lỗi)`,
  }[kind];
  const message = `Không dòng nào được ghi vì ${reason}; ${where}: ${first.message}`;
  const [status, code] = (
    { invalid: [400, 'invalid_rows'], forbidden: [403, 'forbidden'], locked: [423, 'period_locked'] } as const
  )[kind];
  return new AppError(status, code, message, undefined, {
    errors: problems
      .slice(0, MAX_LISTED_ERRORS)
      .map(({ row, column, message }) => ({ row, column, message })),
    errorCount: count,
  });
}

function requireFormat(value: string | undefined, fallback: ExportFormat): ExportFormat {
  if (value === undefined || value === '') return fallback;
  if ((EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat;
  throw badRequest('invalid_format', `Định dạng "${value}" không hợp lệ: chọn csv hoặc xlsx.`, 'format');
}

export const importExportRouter = createRouter()
  .openapi(routes.importFile, async (c) => {
    const db = c.get('db');
    const access = accessOf(c);
    const dryRun = ['1', 'true'].includes(c.req.valid('query').dryRun ?? '');
    const upload = await uploadedFile(c);
    const file = await readImportFile(upload.chunks, upload.name);
    const cat = catalogue(db);
    const names = new UnitNames(cat);

    // Read, check, judge and write in one go: inside one transaction for a real import, so
    // what is judged is what is overwritten and one bad row leaves everything as it was.
    const run = (tx: DbOrTx): ImportResponse => {
      const checked = checkRows(tx, cat, names, access, file.rows);
      const problems: Problem[] = [
        ...file.problems.map((p) => ({ ...p, kind: 'invalid' as const })),
        ...checked.problems,
      ];
      if (problems.length > 0) throw refusal(problems);
      if (checked.rows === 0)
        throw badRequest('empty_file', 'Tệp không có dòng số liệu nào dưới dòng tiêu đề.', 'file');
      const judged = judgeRows(tx, checked.planned);
      const written = judged.counts.create + judged.counts.update + judged.counts.delete;
      if (!dryRun) applyValuesBulk(tx, access.user, judged.writes);
      const { changes, total } = listChanges(checked.planned, judged);
      return {
        rows: checked.rows,
        written,
        dryRun,
        counts: { ...judged.counts, skipped: checked.skipped },
        changes,
        changesTotal: total,
      };
    };
    return c.json(dryRun ? run(db) : db.transaction((tx: Tx) => run(tx)), 200);
  })
  .openapi(routes.exportFile, async (c) => {
    const db = c.get('db');
    const q = c.req.valid('query');
    const cat = catalogue(db);
    const unit = requireUnit(cat, q.unit, 'unit');
    const period = requirePeriod(q.period, 'period');
    const format = requireFormat(q.format, 'csv');
    accessOf(c).demand('read', unit.id);
    const order = treeOrder(cat, unit.id);
    const stored = readSubtree(db, order, period);
    const rows = exportRows(cat, new UnitNames(cat), order, period, stored);
    const bytes = format === 'csv' ? toCsv(rows) : await toXlsx(rows, { dated: stored.latest });
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': attachment(`Số liệu - ${unit.name} - ${period.label}`, format),
      'Cache-Control': 'no-store',
    });
  })
  .openapi(routes.importTemplate, async (c) => {
    const db = c.get('db');
    const q = c.req.valid('query');
    const cat = catalogue(db);
    const unit = requireUnit(cat, q.unit, 'unit');
    const period = requirePeriod(q.period, 'period');
    const format = requireFormat(q.format, 'xlsx');
    accessOf(c).demand('read', unit.id);
    const order = treeOrder(cat, unit.id);
    const stored = readSubtree(db, order, period);
    const { rows, hints } = templateRows(cat, new UnitNames(cat), order, period, stored);
    const bytes =
      format === 'csv'
        ? toCsv(rows)
        : await toXlsx(rows, {
            dated: stored.latest,
            hints,
            instructions: instructionsSheet(cat, unit, period, rows, stored),
          });
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': attachment(`Mẫu nhập kết quả - ${unit.name} - ${period.label}`, format),
      'Cache-Control': 'no-store',
    });
  });
