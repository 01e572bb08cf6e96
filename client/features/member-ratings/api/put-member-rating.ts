import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MemberRatingBody } from '../../../../shared/ratings';
import { api, unwrap } from '../../../lib/api';
import { invalidateValueViews } from '../../../lib/invalidate-value-views';
import { memberRatingQueryOptions } from './get-member-rating';

export interface PutMemberRatingInput {
  unitId: string;
  period: string;
  body: MemberRatingBody;
}

/**
 * PUT /api/member-ratings/:unitId/:period: the four counts; the server writes the two ratio
 * results in the same transaction. A report above the cap is saved with `warnings`; a 409 is
 * an ApiError whose `body.current` is the rating stored now; 423 when the period is locked.
 */
export const putMemberRating = ({ unitId, period, body }: PutMemberRatingInput) =>
  unwrap(api.api['member-ratings'][':unitId'][':period'].$put({ param: { unitId, period }, json: body }));

export function usePutMemberRating() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putMemberRating,
    onSuccess: (saved, { unitId, period }) => {
      queryClient.setQueryData(memberRatingQueryOptions({ unit: unitId, period }).queryKey, saved);
      // The two shares are results: every view made of results is read again.
      return invalidateValueViews(queryClient);
    },
  });
}
