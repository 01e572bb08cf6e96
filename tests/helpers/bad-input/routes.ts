import type fc from 'fast-check';
import { badImports } from './import-files';
import { accountRoutes } from './routes-accounts';
import { catalogueRoutes } from './routes-catalogue';
import { valueRoutes } from './routes-values';
import type { Req } from './world';

// Every write route of tests/api/bad-input.test.ts that takes input, with its generator of
// malformed requests; built once, after the world is set.

let malformedCache: Record<string, fc.Arbitrary<Req>> | null = null;
export function malformedRoutes(): Record<string, fc.Arbitrary<Req>> {
  malformedCache ??= buildMalformedRoutes();
  return malformedCache;
}

export function buildMalformedRoutes(): Record<string, fc.Arbitrary<Req>> {
  return {
    ...catalogueRoutes(),
    ...valueRoutes(),
    ...accountRoutes(),
    'POST /api/import': badImports(),
  };
}
