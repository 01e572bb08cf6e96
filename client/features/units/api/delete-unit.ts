import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { invalidateUnitViews } from './invalidate-unit-views';

/**
 * DELETE /api/units/:id: refused (409) while the unit has units under it, values, target
 * lines, member ratings or roles granted on it, with the reason in a Vietnamese sentence.
 */
export const deleteUnit = (id: string) => unwrap(api.api.units[':id'].$delete({ param: { id } }));

export function useDeleteUnit() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteUnit, onSuccess: () => invalidateUnitViews(queryClient) });
}
