import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TargetLineInput } from '../../../../shared/schemas/target-lines';
import { api, unwrap } from '../../../lib/api';
import { targetLinesQueryOptions } from './get-target-lines';

export interface PutTargetLinesInput {
  unitId: string;
  period: string;
  lines: TargetLineInput[];
  /** The version read (0 when there was no list yet); 409 when someone saved in between. */
  version: number;
}

/**
 * PUT /api/target-lines/:unitId/:period: replaces the whole ordered list. A 409 is an
 * ApiError whose `body.current` is the list stored now; 423 when the period is locked.
 */
export const putTargetLines = ({ unitId, period, lines, version }: PutTargetLinesInput) =>
  unwrap(
    api.api['target-lines'][':unitId'][':period'].$put({
      param: { unitId, period },
      json: { lines, version },
    }),
  );

export function usePutTargetLines() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putTargetLines,
    onSuccess: (saved, { unitId, period }) => {
      // The answer is the list as stored and judged: no need to read it again.
      queryClient.setQueryData(targetLinesQueryOptions({ unit: unitId, period }).queryKey, saved);
      return queryClient.invalidateQueries({ queryKey: ['history'] });
    },
  });
}
