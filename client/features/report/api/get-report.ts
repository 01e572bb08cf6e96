import type { ClientResponse } from 'hono/client';
import type { ReportDto } from '../../../../shared/schemas/report';
import { apiQuery, useChosenQuery } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';

export interface ReportParams {
  unit: string;
  period: string;
}

/**
 * GET /api/report?format=json: the report of a unit and period, its text and its table. The
 * route also answers text and a workbook, so its typed response mixes formats; asked for JSON
 * it answers the shared ReportDto.
 */
export const reportQueryOptions = apiQuery('report', ({ unit, period }: ReportParams, init) =>
  unwrap(
    api.api.report.$get({ query: { unit, period, format: 'json' } }, init) as unknown as Promise<
      ClientResponse<ReportDto, 200, 'json'>
    >,
  ),
);

/** The report; another period's keeps the page while it loads (the form on it stays as typed). */
export const useReport = (params: ReportParams | null) =>
  useChosenQuery(reportQueryOptions, params, { unit: '', period: '' }, { keep: true });

/** Where the same report downloads as a workbook. */
export const reportXlsxHref = ({ unit, period }: ReportParams) =>
  `/api/report?${new URLSearchParams({ unit, period, format: 'xlsx' }).toString()}`;

/** Where the same report downloads as the .docx a committee signs, dated `date` (YYYY-MM-DD). */
export const reportDocxHref = ({ unit, period }: ReportParams, date: string) =>
  `/api/report?${new URLSearchParams({ unit, period, format: 'docx', date }).toString()}`;
