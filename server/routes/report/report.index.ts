import { reportText } from '../../../shared/report';
import { catalogue } from '../../domain/catalogue';
import { buildReport, reportDto } from '../../domain/report';
import { reportWorkbook } from '../../domain/report-xlsx';
import { badRequest } from '../../lib/errors';
import { attachment } from '../../lib/files';
import { requirePeriod, requireUnit } from '../../lib/lookups';
import { accessOf, createRouter } from '../../lib/router';
import { resolveAsOf } from '../../lib/today';
import * as routes from './report.routes';

const FORMATS = ['text', 'json', 'xlsx'] as const;

export const reportRouter = createRouter().openapi(routes.getReport, async (c) => {
  const q = c.req.valid('query');
  const cat = catalogue(c.get('db'));
  const unit = requireUnit(cat, q.unit, 'unit');
  const period = requirePeriod(q.period, 'period');
  const format = q.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format))
    throw badRequest(
      'invalid_format',
      `Định dạng "${format}" không hợp lệ: dùng text, json hoặc xlsx.`,
      'format',
    );
  accessOf(c).demand('read', unit.id);
  const report = buildReport(c.get('db'), unit, period, resolveAsOf(q.asOf));
  if (format === 'text') return c.text(reportText(report), 200);
  if (format === 'xlsx')
    return c.body(await reportWorkbook(report), 200, {
      'Content-Type': routes.XLSX_TYPE,
      'Content-Disposition': attachment(`Báo cáo chỉ tiêu - ${unit.name} - ${period.label}`, 'xlsx'),
    });
  return c.json(reportDto(report), 200);
});
