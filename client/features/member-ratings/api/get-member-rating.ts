import { apiQuery, useChosenQuery } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';

export interface MemberRatingParams {
  unit: string;
  period: string;
}

/**
 * GET /api/member-ratings: how many members of a unit fall in each rating level for a
 * period, the two shares that follow, the results written from them and any warning. The
 * form starts from what is stored now, with its current version.
 */
export const memberRatingQueryOptions = apiQuery(
  'member-ratings',
  (query: MemberRatingParams, init) => unwrap(api.api['member-ratings'].$get({ query }, init)),
  { staleTime: 0 },
);

/** The rating, the two shares, the results written from them and the warnings. */
export type MemberRatingAnswer = Awaited<
  ReturnType<NonNullable<ReturnType<typeof memberRatingQueryOptions>['queryFn']>>
>;

export const useMemberRating = (params: MemberRatingParams | null) =>
  useChosenQuery(memberRatingQueryOptions, params, { unit: '', period: '' });
