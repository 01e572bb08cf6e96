import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createUnitBody } from '../../../../shared/schemas/units';
import { api, unwrap } from '../../../lib/api';
import { invalidateUnitViews } from './invalidate-unit-views';

export type CreateUnitInput = z.input<typeof createUnitBody>;

/** POST /api/units: a unit under `parentId`, last among its siblings (null: a new root). */
export const createUnit = (body: CreateUnitInput) => unwrap(api.api.units.$post({ json: body }));

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createUnit, onSuccess: () => invalidateUnitViews(queryClient) });
}
