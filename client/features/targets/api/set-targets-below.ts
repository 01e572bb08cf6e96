import type { ClientResponse } from 'hono/client';
import { useWrite } from '../../../components/queries/api-query';
import { unwrap } from '../../../lib/api';
import { invalidateValueViews } from '../../../lib/invalidate-value-views';

// CONTRACT.md, "Real resolutions": the same target for every unit of some kinds below a
// committee, in one transaction. Typed here after the contract until the server's route
// reaches the typed client; then `api.api.targets.below.$post`.

export interface TargetsBelowInput {
  unitId: string;
  code: string;
  period: string;
  value: number | string;
  kinds: string[];
  replace?: boolean;
}

export interface TargetsBelowAnswer {
  written: number;
  kept: number;
}

/**
 * POST /api/targets/below → `{written, kept}`; refused whole with 403 when a unit is outside the
 * caller's rights, 423 when a period is locked, 422 when the indicator does not apply to a kind.
 */
export const setTargetsBelow = (body: TargetsBelowInput) =>
  unwrap(
    fetch('/api/targets/below', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }) as unknown as Promise<ClientResponse<TargetsBelowAnswer, 200, 'json'>>,
  );

export const useSetTargetsBelow = () => useWrite(setTargetsBelow, invalidateValueViews);
