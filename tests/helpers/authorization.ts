import type { Role } from '../../shared/accounts';
import type { TestApp } from './app';

// The shapes of tests/api/authorization.test.ts's table: who calls, the world they act in, and
// what each route must answer them.

export type Who = Exclude<Role, 'admin'> | 'unitAdmin';
export const EVERY_ROLE: Who[] = ['committee', 'reporter', 'viewer', 'unitAdmin'];

export interface World {
  t: TestApp;
  root: string;
  a: string;
  b: string;
  /** A unit under A with nothing in it, to remove. */
  leaf: string;
  /** A viewer on A, for the user routes. */
  member: string;
}

export interface Case {
  /** `form`: sent as multipart/form-data instead of a JSON body (file uploads). */
  request: (w: World) => { path: string; body?: unknown; form?: FormData };
  /** Public routes answer anyone; the others 401 without a session. */
  public?: true;
  /** Roles on A that may call it for A (the admin granted everywhere always may). */
  inside: Who[];
  /**
   * Callers granted on B only: refused with 403, or, for lists, answered with what they may
   * see, never A's data (`leaks` says whether A's data is in the answer).
   */
  outside: 'forbidden' | { leaks: (body: any, w: World) => boolean };
}
