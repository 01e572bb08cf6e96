import type { z } from 'zod';
import type { createIndicatorBody } from '../../../../shared/schemas/indicators';
import { useWrite } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';
import { invalidateIndicatorViews } from './invalidate-indicator-views';

export type CreateIndicatorInput = z.input<typeof createIndicatorBody>;

/** POST /api/indicators: a new indicator, last in the catalogue; 409 if the code exists. */
export const createIndicator = (body: CreateIndicatorInput) =>
  unwrap(api.api.indicators.$post({ json: body }));

export const useCreateIndicator = () => useWrite(createIndicator, invalidateIndicatorViews);
