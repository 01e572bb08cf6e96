import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClientResponse } from 'hono/client';
import type { ReportDto } from '../../../../shared/schemas/report';
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
export const reportQueryOptions = ({ unit, period }: ReportParams) =>
  queryOptions({
    queryKey: ['report', { unit, period }],
    queryFn: ({ signal }) =>
      unwrap(
        api.api.report.$get(
          { query: { unit, period, format: 'json' } },
          { init: { signal } },
        ) as unknown as Promise<ClientResponse<ReportDto, 200, 'json'>>,
      ),
  });

export function useReport(params: ReportParams | null) {
  return useQuery({ ...reportQueryOptions(params ?? { unit: '', period: '' }), enabled: !!params });
}

/** Where the same report downloads as a workbook. */
export const reportXlsxHref = ({ unit, period }: ReportParams) =>
  `/api/report?${new URLSearchParams({ unit, period, format: 'xlsx' }).toString()}`;
