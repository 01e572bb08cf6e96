import fc from 'fast-check';
import { IMPORT_HEADER } from '../../../shared/import-export';
import { UNIT_KINDS } from '../../../shared/unit';
import { stringsOf } from './check';
import { csvLine } from './files';
import { echoesOfFile, utf8 } from './import-files';
import { validRow } from './import-rows';
import {
  key,
  period,
  resultItem,
  resultValue,
  sentence,
  targetItem,
  targetValue,
  unitName,
  validLine,
  validReportSettings,
} from './pieces';
import { type Body, LOCKED, OWN_UNIT, type Req, type Who, w } from './world';

// ---------------------------------------------------------------------------------------
// Writes outside the caller's subtree: well-formed, refused with 403.

let outsideCache: Record<string, fc.Arbitrary<Req>> | null = null;
export function outsideRoutes(): Record<string, fc.Arbitrary<Req>> {
  outsideCache ??= buildOutsideRoutes();
  return outsideCache;
}

export function buildOutsideRoutes(): Record<string, fc.Arbitrary<Req>> {
  const who = fc.constantFrom<Who>('committee', 'unitAdmin');
  const outside = fc.constantFrom(...w.outside);
  const json = (method: string, path: string, body: Body | undefined, as: Who): Req => ({
    method,
    path,
    as,
    ...(body ? { contentType: 'application/json', body: JSON.stringify(body) } : {}),
    faults: ["outside the caller's subtree"],
    echoes: stringsOf(body ?? {}),
  });
  const outsideKey = key(w.outside);
  const targetsOutside = (valid: () => fc.Arbitrary<Body>) =>
    fc
      .uniqueArray(valid(), {
        minLength: 1,
        maxLength: 4,
        selector: (i) => `${i.unitId}|${i.code}|${i.period}`,
      })
      .filter((items) => items.some((i) => i.unitId !== OWN_UNIT));
  return {
    'POST /api/units': fc
      .tuple(who, fc.oneof(fc.constant(null), outside), unitName, fc.constantFrom(...UNIT_KINDS))
      .map(([as, parentId, name, kind]) => json('POST', '/api/units', { parentId, name, kind }, as)),
    'PATCH /api/units/{id}': fc
      .tuple(who, outside, unitName)
      .map(([as, id, name]) => json('PATCH', `/api/units/${id}`, { name }, as)),
    'DELETE /api/units/{id}': fc
      .tuple(who, outside)
      .map(([as, id]) => json('DELETE', `/api/units/${id}`, undefined, as)),
    'PUT /api/units/{id}/report-settings': fc
      .tuple(who, outside)
      .map(([as, id]) => json('PUT', `/api/units/${id}/report-settings`, validReportSettings(), as)),
    // The catalogue serves the whole tree: only an admin everywhere or a root committee keeps it.
    'POST /api/indicators': fc
      .tuple(who, fc.stringMatching(/^NEW_[A-Z0-9]{1,20}$/), sentence)
      .map(([as, code, name]) =>
        json('POST', '/api/indicators', { code, name, unitLabel: 'người', kind: 'count' }, as),
      ),
    'PATCH /api/indicators/{code}': fc
      .tuple(who, fc.constantFrom(...w.codes), sentence)
      .map(([as, code, name]) => json('PATCH', `/api/indicators/${code}`, { name }, as)),
    'PUT /api/targets/{unitId}/{code}/{period}': fc
      .tuple(
        who,
        outsideKey.chain((k) => targetValue(k.ind).map((value) => ({ k, value }))),
      )
      .map(([as, { k, value }]) =>
        json('PUT', `/api/targets/${k.unitId}/${k.ind.code}/${k.period}`, { value }, as),
      ),
    'DELETE /api/targets/{unitId}/{code}/{period}': fc
      .tuple(who, outsideKey)
      .map(([as, k]) => json('DELETE', `/api/targets/${k.unitId}/${k.ind.code}/${k.period}`, undefined, as)),
    'PUT /api/results/{unitId}/{code}/{period}': fc
      .tuple(
        who,
        outsideKey.chain((k) => resultValue(k.ind).map((body) => ({ k, body }))),
      )
      .map(([as, { k, body }]) =>
        json('PUT', `/api/results/${k.unitId}/${k.ind.code}/${k.period}`, body, as),
      ),
    'DELETE /api/results/{unitId}/{code}/{period}': fc
      .tuple(who, outsideKey)
      .map(([as, k]) => json('DELETE', `/api/results/${k.unitId}/${k.ind.code}/${k.period}`, undefined, as)),
    'POST /api/values/batch': fc
      .tuple(
        who,
        targetsOutside(targetItem),
        targetsOutside(resultItem),
        fc.constantFrom('targets', 'results', 'both'),
      )
      .map(([as, targets, results, which]) =>
        json(
          'POST',
          '/api/values/batch',
          which === 'both' ? { targets, results } : which === 'targets' ? { targets } : { results },
          as,
        ),
      ),
    'POST /api/targets/below': fc
      .tuple(
        who,
        outsideKey.chain((k) => targetValue(k.ind).map((value) => ({ k, value }))),
        fc.subarray([...UNIT_KINDS], { minLength: 1 }),
      )
      .map(([as, { k, value }, kinds]) =>
        json(
          'POST',
          '/api/targets/below',
          { unitId: k.unitId, code: k.ind.code, period: k.period, value, kinds },
          as,
        ),
      ),
    'PUT /api/locks/{unitId}/{period}': fc
      .tuple(who, outside, period)
      .map(([as, u, p]) => json('PUT', `/api/locks/${u}/${p}`, {}, as)),
    'DELETE /api/locks/{unitId}/{period}': fc
      .tuple(who, fc.oneof(fc.constant(['1', LOCKED] as const), fc.tuple(outside, period)), sentence)
      .map(([as, [u, p], reason]) => json('DELETE', `/api/locks/${u}/${p}`, { reason }, as)),
    'PUT /api/member-ratings/{unitId}/{period}': fc
      .tuple(who, outside, period, fc.integer({ min: 1, max: 30 }), fc.nat(5))
      .map(([as, u, p, good, excellent]) =>
        json('PUT', `/api/member-ratings/${u}/${p}`, { excellent, good, complete: 0, notComplete: 0 }, as),
      ),
    'PUT /api/target-lines/{unitId}/{period}': fc
      .tuple(who, outside, period, fc.array(validLine(), { maxLength: 3 }))
      .map(([as, u, p, lines]) => json('PUT', `/api/target-lines/${u}/${p}`, { lines }, as)),
    'POST /api/users': fc
      .tuple(
        who,
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom('viewer', 'reporter', 'committee'),
        outside,
      )
      .map(([as, n, role, u]) =>
        json(
          'POST',
          '/api/users',
          {
            username: `nguoi-ngoai-${n}`,
            password: 'mat-khau-hop-le',
            grants: [
              { role: 'viewer', unitId: OWN_UNIT },
              { role, unitId: u },
            ],
          },
          as,
        ),
      ),
    'PATCH /api/users/{id}': fc
      .tuple(who, fc.constantFrom(w.adminId, w.otherId), unitName)
      .map(([as, id, displayName]) => json('PATCH', `/api/users/${id}`, { displayName }, as)),
    'POST /api/import': fc
      .tuple(
        who,
        fc
          .uniqueArray(validRow(), { minLength: 1, maxLength: 4, selector: (r) => r.key })
          .filter((rows) =>
            rows.some((r) => r.cells[0] !== OWN_UNIT && !r.cells[0]!.endsWith(w.unitNames.get(OWN_UNIT)!)),
          ),
      )
      .map(([as, rows]) => {
        const file = {
          label: 'rows outside',
          bytes: utf8(`${IMPORT_HEADER}\n${rows.map((r) => csvLine(r.cells)).join('\n')}`),
          name: 'so-lieu.csv',
        };
        return {
          method: 'POST',
          path: '/api/import',
          as,
          body: [{ name: 'file', file }],
          faults: ["rows outside the caller's subtree"],
          echoes: echoesOfFile(file),
        };
      }),
  };
}

/** Write routes with no unit in them, so no subtree to step out of. */
export const NO_SUBTREE: Record<string, string> = {
  'POST /api/auth/login': 'signs in; anyone may call it',
  'POST /api/auth/logout': "ends the caller's own session",
  'POST /api/auth/password': "changes the caller's own password",
};
