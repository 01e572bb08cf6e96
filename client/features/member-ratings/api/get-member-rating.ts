import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export interface MemberRatingParams {
  unit: string;
  period: string;
}

const fetchMemberRating = ({ unit, period }: MemberRatingParams, signal?: AbortSignal) =>
  unwrap(api.api['member-ratings'].$get({ query: { unit, period } }, { init: { signal } }));

/** The rating, the two shares, the results written from them and the warnings. */
export type MemberRatingAnswer = Awaited<ReturnType<typeof fetchMemberRating>>;

/**
 * GET /api/member-ratings: how many members of a unit fall in each rating level for a
 * period, the two shares that follow, the results written from them and any warning.
 */
export const memberRatingQueryOptions = (params: MemberRatingParams) =>
  queryOptions({
    queryKey: ['member-ratings', { unit: params.unit, period: params.period }],
    queryFn: ({ signal }) => fetchMemberRating(params, signal),
    // The form starts from what is stored now, with its current version.
    staleTime: 0,
  });

export function useMemberRating(params: MemberRatingParams | null) {
  return useQuery({
    ...memberRatingQueryOptions(params ?? { unit: '', period: '' }),
    enabled: params !== null,
  });
}
