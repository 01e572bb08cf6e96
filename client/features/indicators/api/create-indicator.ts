import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createIndicatorBody } from '../../../../shared/schemas/indicators';
import { api, unwrap } from '../../../lib/api';
import { invalidateIndicatorViews } from './invalidate-indicator-views';

export type CreateIndicatorInput = z.input<typeof createIndicatorBody>;

/** POST /api/indicators: a new indicator, last in the catalogue; 409 if the code exists. */
export const createIndicator = (body: CreateIndicatorInput) =>
  unwrap(api.api.indicators.$post({ json: body }));

export function useCreateIndicator() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createIndicator, onSuccess: () => invalidateIndicatorViews(queryClient) });
}
