import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Busboy from '@fastify/busboy';
import type { Context } from 'hono';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/import-export';
import { clipQuote } from '../../../shared/text';
import { catalogue } from '../../domain/catalogue';
import { exportFile, templateFile } from '../../domain/import-export/export';
import { importRows } from '../../domain/import-export/plan';
import { readImportFile } from '../../domain/import-export/read';
import { CONTENT_TYPES } from '../../domain/import-export/write';
import { AppError, badRequest } from '../../lib/errors';
import { attachment } from '../../lib/files';
import { requirePeriod, requireUnit } from '../../lib/lookups';
import { type AppEnv, accessOf, createRouter } from '../../lib/router';
import * as routes from './import-export.routes';

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

function requireFormat(value: string | undefined, fallback: ExportFormat): ExportFormat {
  if (value === undefined || value === '') return fallback;
  if ((EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat;
  throw badRequest('invalid_format', `Định dạng "${value}" không hợp lệ: chọn csv hoặc xlsx.`, 'format');
}

/** The unit, period and format a download asks for, once the caller may read the unit. */
function download(c: Context<AppEnv>, query: routes.FileQuery, fallback: ExportFormat) {
  const cat = catalogue(c.get('db'));
  const unit = requireUnit(cat, query.unit, 'unit');
  const period = requirePeriod(query.period, 'period');
  const format = requireFormat(query.format, fallback);
  accessOf(c).demand('read', unit.id);
  return { unit, period, format };
}

function sendFile(c: Context<AppEnv>, bytes: Uint8Array, format: ExportFormat, name: string) {
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': CONTENT_TYPES[format],
    'Content-Disposition': attachment(name, format),
    'Cache-Control': 'no-store',
  });
}

export const importExportRouter = createRouter()
  .openapi(routes.importFile, async (c) => {
    const access = accessOf(c);
    const dryRun = ['1', 'true'].includes(c.req.valid('query').dryRun ?? '');
    const upload = await uploadedFile(c);
    const file = await readImportFile(upload.chunks, upload.name);
    return c.json(importRows(c.get('db'), access, file, dryRun), 200);
  })
  .openapi(routes.exportFile, async (c) => {
    const { unit, period, format } = download(c, c.req.valid('query'), 'csv');
    const bytes = await exportFile(c.get('db'), unit, period, format);
    return sendFile(c, bytes, format, `Số liệu - ${unit.name} - ${period.label}`);
  })
  .openapi(routes.importTemplate, async (c) => {
    const { unit, period, format } = download(c, c.req.valid('query'), 'xlsx');
    const bytes = await templateFile(c.get('db'), unit, period, format);
    return sendFile(c, bytes, format, `Mẫu nhập kết quả - ${unit.name} - ${period.label}`);
  });
