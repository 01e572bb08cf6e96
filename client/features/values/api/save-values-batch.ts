import type { ValuesBatchBody } from '../../../../shared/schemas/values';
import { useWrite } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';
import { invalidateValueViews } from '../../../lib/invalidate-value-views';

/**
 * POST /api/values/batch: a screenful of targets and results in one transaction. A refusal
 * is an ApiError; its `body` holds the items at fault (`errors`, `conflicts`).
 */
export const saveValuesBatch = (body: ValuesBatchBody) => unwrap(api.api.values.batch.$post({ json: body }));

export const useSaveValuesBatch = () => useWrite(saveValuesBatch, invalidateValueViews);
