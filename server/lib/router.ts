import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { fieldLabel } from '../../shared/zod-vi';
import { Access } from '../auth/rights';
import type { Session } from '../auth/sessions';
import type { LoginThrottle } from '../auth/throttle';
import type { Db } from '../db/client';
import { catalogue } from '../domain/catalogue';
import { AppError } from './errors';

export interface Security {
  /** log2 of scrypt's N for new password hashes. */
  scryptLog2N: number;
  throttle: LoginThrottle;
}

export interface AppEnv {
  Variables: {
    db: Db;
    session: Session | null;
    security: Security;
    /** The data stamp at the start of the request (lib/data-stamp.ts). */
    stamp: string;
  };
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

export const unauthenticated = () =>
  new AppError(401, 'unauthenticated', 'Bạn cần đăng nhập để dùng chức năng này.');

/** The rights of the signed-in user of this request (the session middleware guarantees one). */
export function accessOf(c: Context<AppEnv>): Access {
  const session = c.get('session');
  if (!session) throw unauthenticated();
  return new Access(session.user, session.grants, catalogue(c.get('db')));
}
