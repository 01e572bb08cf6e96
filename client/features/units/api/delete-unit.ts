import { useWrite } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';
import { invalidateUnitViews } from './invalidate-unit-views';

/**
 * DELETE /api/units/:id: refused (409) while the unit has units under it, values, target
 * lines, member ratings or roles granted on it, with the reason in a Vietnamese sentence.
 */
export const deleteUnit = (id: string) => unwrap(api.api.units[':id'].$delete({ param: { id } }));

export const useDeleteUnit = () => useWrite(deleteUnit, invalidateUnitViews);
