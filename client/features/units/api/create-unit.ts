import type { z } from 'zod';
import type { createUnitBody } from '../../../../shared/schemas/units';
import { useWrite } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';
import { invalidateUnitViews } from './invalidate-unit-views';

export type CreateUnitInput = z.input<typeof createUnitBody>;

/** POST /api/units: a unit under `parentId`, last among its siblings (null: a new root). */
export const createUnit = (body: CreateUnitInput) => unwrap(api.api.units.$post({ json: body }));

export const useCreateUnit = () => useWrite(createUnit, invalidateUnitViews);
