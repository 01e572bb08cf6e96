import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { patchUnitBody } from '../../../../shared/schemas/units';
import { api, unwrap } from '../../../lib/api';
import { invalidateUnitViews } from './invalidate-unit-views';

export type UpdateUnitInput = { id: string; body: z.input<typeof patchUnitBody> };

/**
 * PATCH /api/units/:id: name, kind, place among its siblings (`position`) or parent. The
 * server refuses a move into the unit's own subtree (409 `cycle`) with a sentence to show.
 */
export const updateUnit = ({ id, body }: UpdateUnitInput) =>
  unwrap(api.api.units[':id'].$patch({ param: { id }, json: body }));

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateUnit, onSuccess: () => invalidateUnitViews(queryClient) });
}

/**
 * Several PATCHes one after the other (two siblings swapping places), read back once. Not
 * atomic: if one is refused the ones before it stay, and the refusal says why.
 */
export function useUpdateUnits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: UpdateUnitInput[]) => {
      try {
        for (const change of changes) await updateUnit(change);
      } finally {
        await invalidateUnitViews(queryClient);
      }
    },
  });
}
