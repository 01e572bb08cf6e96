import { introText, lineText, reportText, reportTitle, summaryText } from '../../../shared/report';
import type { ReportDto } from '../../../shared/schemas/report';
import { catalogue } from '../../domain/catalogue';
import { buildReport } from '../../domain/report';
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
  const text = reportText(report);
  if (format === 'text') return c.text(text, 200);
  if (format === 'xlsx') {
    const body = await reportWorkbook(report);
    return c.body(body, 200, {
      'Content-Type': routes.XLSX_TYPE,
      'Content-Disposition': attachment(`Báo cáo chỉ tiêu - ${unit.name} - ${period.label}`, 'xlsx'),
    });
  }
  const dto: ReportDto = {
    ...report,
    lines: report.lines.map((l) => ({ ...l, sentence: lineText(l, report) })),
    title: reportTitle(report),
    intro: introText(report),
    summaryText: summaryText(report.summary),
    text,
  };
  return c.json(dto, 200);
});
