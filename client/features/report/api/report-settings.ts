import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PutReportSettingsBody } from '../../../../shared/schemas/report-settings';
import { apiQuery, useChosenQuery } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';

/**
 * GET /api/units/:id/report-settings: what the unit's report document carries besides its
 * figures (the names in its header, its number, the place, who signs, to whom it goes), what
 * its kind starts with, and the version a save sends back. The form starts from it: read fresh.
 */
export const reportSettingsQueryOptions = apiQuery(
  'report-settings',
  ({ unit }: { unit: string }, init) =>
    unwrap(api.api.units[':id']['report-settings'].$get({ param: { id: unit } }, init)),
  { staleTime: 0 },
);

export const useReportSettings = (unit: string | null) =>
  useChosenQuery(reportSettingsQueryOptions, unit ? { unit } : null, { unit: '' });

/**
 * PUT /api/units/:id/report-settings, the whole settings with the version they were read at; a
 * 409 is an ApiError whose `body.current` is what is stored now.
 */
export function usePutReportSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unit, body }: { unit: string; body: PutReportSettingsBody }) =>
      unwrap(api.api.units[':id']['report-settings'].$put({ param: { id: unit }, json: body })),
    onSuccess: (saved, { unit }) => {
      queryClient.setQueryData(reportSettingsQueryOptions({ unit }).queryKey, saved);
    },
  });
}
