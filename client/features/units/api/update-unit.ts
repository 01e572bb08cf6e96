import type { z } from 'zod';
import type { patchUnitBody } from '../../../../shared/schemas/units';
import { useWrite, useWritesInTurn } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';
import { invalidateUnitViews } from './invalidate-unit-views';

export type UpdateUnitInput = { id: string; body: z.input<typeof patchUnitBody> };

/**
 * PATCH /api/units/:id: name, kind, place among its siblings (`position`) or parent. The
 * server refuses a move into the unit's own subtree (409 `cycle`) with a sentence to show.
 */
export const updateUnit = ({ id, body }: UpdateUnitInput) =>
  unwrap(api.api.units[':id'].$patch({ param: { id }, json: body }));

export const useUpdateUnit = () => useWrite(updateUnit, invalidateUnitViews);

/** Several PATCHes one after the other (two siblings swapping places), read back once. */
export const useUpdateUnits = () => useWritesInTurn(updateUnit, invalidateUnitViews);
