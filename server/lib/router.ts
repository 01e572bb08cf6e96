import { OpenAPIHono } from '@hono/zod-openapi';
import { fieldLabel } from '../../shared/zod-vi';
import type { Db } from '../db/client';
import { AppError } from './errors';

export interface AppEnv {
  Variables: { db: Db };
}

/**
 * A feature router. Every request that fails its schema is answered here, with the
 * contract's error body and the first problem as one Vietnamese sentence.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const issue = result.error.issues[0];
      const path = issue?.path ?? [];
      const field = path.length > 0 ? path.map(String).join('.') : undefined;
      const message = issue?.message ?? `${fieldLabel(path)} không hợp lệ.`;
      const code = issue?.code === 'unrecognized_keys' ? 'unknown_field' : 'invalid_input';
      const unknownField = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      throw new AppError(400, code, message, unknownField ?? field);
    },
  });
}
