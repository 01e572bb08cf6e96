import { isValidIsoDate } from '../../../shared/period';
import { reportText } from '../../../shared/report';
import { reportDocument } from '../../../shared/report-document';
import { catalogue } from '../../domain/catalogue';
import { buildReport, reportDto } from '../../domain/report';
import { reportDocx } from '../../domain/report-docx';
import { effectiveReportSettings, reportSettingsOf, saveReportSettings } from '../../domain/report-settings';
import { reportWorkbook } from '../../domain/report-xlsx';
import { AppError, badRequest } from '../../lib/errors';
import { attachment } from '../../lib/files';
import { requirePeriod, requireUnit } from '../../lib/lookups';
import { accessOf, createRouter } from '../../lib/router';
import { resolveAsOf, today } from '../../lib/today';
import * as routes from './report.routes';

const FORMATS = ['text', 'json', 'xlsx', 'docx'] as const;

/** The day a document is signed: `date` when given, else today. */
function signingDate(date: string | undefined): string {
  if (date === undefined || date === '') return today();
  if (!isValidIsoDate(date))
    throw badRequest(
      'invalid_date',
      `Ngày ban hành "${date.slice(0, 40)}" không hợp lệ: dùng dạng YYYY-MM-DD, ví dụ 2025-12-31.`,
      'date',
    );
  return date;
}

export const reportRouter = createRouter()
  .openapi(routes.getReport, async (c) => {
    const q = c.req.valid('query');
    const db = c.get('db');
    const cat = catalogue(db);
    const unit = requireUnit(cat, q.unit, 'unit');
    const period = requirePeriod(q.period, 'period');
    const format = q.format ?? 'text';
    if (!(FORMATS as readonly string[]).includes(format))
      throw badRequest(
        'invalid_format',
        `Định dạng "${format.slice(0, 40)}" không hợp lệ: dùng text, json, xlsx hoặc docx.`,
        'format',
      );
    accessOf(c).demand('read', unit.id);
    const asOf = resolveAsOf(q.asOf);
    const date = format === 'docx' ? signingDate(q.date) : '';
    const report = buildReport(db, unit, period, asOf);
    const name = `Báo cáo chỉ tiêu - ${unit.name} - ${period.label}`;
    if (format === 'text') return c.text(reportText(report), 200);
    if (format === 'xlsx')
      return c.body(await reportWorkbook(report), 200, {
        'Content-Type': routes.XLSX_TYPE,
        'Content-Disposition': attachment(name, 'xlsx'),
      });
    if (format === 'docx') {
      // A document to sign about nothing is not one to issue: the page says so instead.
      if (report.empty)
        throw new AppError(
          422,
          'empty_report',
          `${unit.name} chưa có chỉ tiêu, kết quả nào trong ${period.label.charAt(0).toLowerCase()}${period.label.slice(1)}: chưa có gì để lập báo cáo.`,
          'period',
        );
      const doc = reportDocument(reportDto(report), effectiveReportSettings(db, cat, unit), date);
      return c.body(new Uint8Array(await reportDocx(doc)), 200, {
        'Content-Type': routes.DOCX_TYPE,
        'Content-Disposition': attachment(name, 'docx'),
      });
    }
    return c.json(reportDto(report), 200);
  })
  .openapi(routes.getReportSettings, (c) => {
    const db = c.get('db');
    const cat = catalogue(db);
    const unit = requireUnit(cat, c.req.valid('param').id, 'id');
    accessOf(c).demand('read', unit.id);
    return c.json(reportSettingsOf(db, cat, unit), 200);
  })
  .openapi(routes.putReportSettings, (c) => {
    const db = c.get('db');
    const cat = catalogue(db);
    const access = accessOf(c);
    const unit = requireUnit(cat, c.req.valid('param').id, 'id');
    // The committee that issues the report (or one above it) writes its header.
    access.demand('plan', unit.id);
    return c.json(saveReportSettings(db, cat, access.user, unit, c.req.valid('json')), 200);
  });
