import type { z } from 'zod';
import type { patchIndicatorBody } from '../../../../shared/schemas/indicators';
import { useWrite, useWritesInTurn } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';
import { invalidateIndicatorViews } from './invalidate-indicator-views';

export type UpdateIndicatorInput = { code: string; body: z.input<typeof patchIndicatorBody> };

/**
 * PATCH /api/indicators/:code: any field but the code, its place (`position`) and whether it
 * is archived. Refusals to show beside their field: 409 `indicator_in_use` (the kind of an
 * indicator with values), `level_in_use`, `member_rating_taken`.
 */
export const updateIndicator = ({ code, body }: UpdateIndicatorInput) =>
  unwrap(api.api.indicators[':code'].$patch({ param: { code }, json: body }));

export const useUpdateIndicator = () => useWrite(updateIndicator, invalidateIndicatorViews);

/** Several PATCHes one after the other (two indicators swapping places), read back once. */
export const useUpdateIndicators = () => useWritesInTurn(updateIndicator, invalidateIndicatorViews);
