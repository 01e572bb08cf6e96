import fc from 'fast-check';
import { clip, pathAsRead, stringsOf } from './check';
import { copy, type EncodingFault, encode, encodingFault, setKey, toJson } from './json';
import { decodeSegment } from './segments';
import { oddString } from './text';
import type { Body, Req, Who } from './world';
import { notAString } from './wrong-values';

// ---------------------------------------------------------------------------------------
// Faults of a JSON object, and of a whole request.

export interface ObjectSpec {
  /** Per field, values it refuses whatever the other fields hold. */
  bad: Record<string, fc.Arbitrary<unknown>>;
  /** Fields whose absence alone is refused. */
  required?: readonly string[];
  /** Changes of the object that are refused whatever else it holds; `undefined` removes a field. */
  special?: fc.Arbitrary<{ label: string; patch: Body }>;
}

export type BodyFault =
  | { kind: 'bad'; field: string; value: unknown }
  | { kind: 'missing'; field: string }
  | { kind: 'unknown'; field: string; value: unknown }
  | { kind: 'special'; label: string; patch: Body };

export const UNKNOWN_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'id',
  'extra',
  'Value',
  'VALUE',
  'value ',
  ' value',
  'unitID',
  'đơn_vị',
  '$where',
  'null',
];

export function bodyFault(spec: ObjectSpec): fc.Arbitrary<BodyFault> {
  const known = new Set([...Object.keys(spec.bad), ...(spec.required ?? [])]);
  const options: fc.Arbitrary<BodyFault>[] = Object.entries(spec.bad).map(([field, bad]) =>
    bad.map((value) => ({ kind: 'bad' as const, field, value })),
  );
  if (spec.required?.length)
    options.push(fc.constantFrom(...spec.required).map((field) => ({ kind: 'missing' as const, field })));
  options.push(
    fc
      .tuple(
        fc.oneof(fc.constantFrom(...UNKNOWN_KEYS), fc.string({ maxLength: 12 }), oddString),
        fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.constant(null)),
      )
      .filter(([field]) => !known.has(field))
      .map(([field, value]) => ({ kind: 'unknown' as const, field, value })),
  );
  if (spec.special) options.push(spec.special.map((s) => ({ kind: 'special' as const, ...s })));
  return fc.oneof(...options);
}

export function applyFaults(body: Body, faults: readonly BodyFault[]): { body: Body; labels: string[] } {
  const out = copy(body);
  const labels: string[] = [];
  for (const f of faults) {
    if (f.kind === 'missing') {
      delete out[f.field];
      labels.push(`no "${f.field}"`);
    } else if (f.kind === 'special') {
      for (const [k, v] of Object.entries(f.patch))
        if (v === undefined) delete out[k];
        else setKey(out, k, copy(v));
      labels.push(f.label);
    } else {
      setKey(out, f.field, copy(f.value));
      labels.push(`${f.kind === 'unknown' ? 'unknown ' : ''}"${f.field}" = ${clip(toJson(f.value), 100)}`);
    }
  }
  return { body: out, labels };
}

/** A JSON object with one to three faults of `spec`. */
export function badObject(valid: fc.Arbitrary<Body>, spec: ObjectSpec): fc.Arbitrary<Body> {
  return fc
    .tuple(valid, fc.array(bodyFault(spec), { minLength: 1, maxLength: 3 }))
    .map(([b, faults]) => applyFaults(b, faults).body);
}

/** A list of valid items with at least one bad one among them. */
export function listWithBadItem(valid: fc.Arbitrary<Body>, spec: ObjectSpec): fc.Arbitrary<unknown[]> {
  return fc
    .tuple(
      fc.array(valid, { maxLength: 2 }),
      fc.oneof(
        badObject(valid, spec),
        notAString.filter((v) => !(v instanceof Object) || Array.isArray(v)),
      ),
      fc.array(valid, { maxLength: 2 }),
    )
    .map(([a, bad, b]) => [...a, bad, ...b]);
}

export interface RouteSpec {
  as?: Who;
  /** A request the caller could make (or one refused for a reason of its own); faults are added to it. */
  base: fc.Arbitrary<{ params: Record<string, string>; body?: Body }>;
  /** Per path parameter, segments that name nothing. */
  params?: Record<string, fc.Arbitrary<string>>;
  /** Whole-request faults: a locked period, a key with nothing stored, writing one's own deactivation. */
  special?: fc.Arbitrary<{ label: string; params?: Record<string, string>; patch?: Body }>;
  body?: ObjectSpec;
}

export type PathFault = { label: string; params?: Record<string, string>; patch?: Body };

/** Requests of `route` with at least one fault each: path, body fields, or the JSON itself. */
export function malformed(route: string, spec: RouteSpec): fc.Arbitrary<Req> {
  const [method, template] = route.split(' ') as [string, string];
  const pathFaults: fc.Arbitrary<PathFault>[] = Object.entries(spec.params ?? {}).map(([name, bad]) =>
    bad.map((segment) => ({ label: `${name} = "${clip(segment, 60)}"`, params: { [name]: segment } })),
  );
  if (spec.special) pathFaults.push(spec.special);
  const pathFault = pathFaults.length ? fc.oneof(...pathFaults) : null;
  const hasBody = spec.body !== undefined;
  return fc
    .record({
      base: spec.base,
      path: pathFault ? fc.array(pathFault, { maxLength: 2 }) : fc.constant([] as PathFault[]),
      body: hasBody ? fc.array(bodyFault(spec.body!), { maxLength: 3 }) : fc.constant([] as BodyFault[]),
      // One request in five is not even JSON: the others get as far as the fields.
      encoding: hasBody
        ? fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: encodingFault })
        : fc.constant(null as EncodingFault | null),
    })
    .filter((r) => r.path.length + r.body.length + (r.encoding ? 1 : 0) > 0)
    .map(({ base, path, body, encoding }) => {
      const params = { ...base.params };
      let json: Body = base.body ?? {};
      const labels: string[] = [];
      for (const p of path) {
        Object.assign(params, p.params ?? {});
        if (p.patch) json = applyFaults(json, [{ kind: 'special', label: p.label, patch: p.patch }]).body;
        labels.push(p.label);
      }
      const applied = applyFaults(json, body);
      labels.push(...applied.labels);
      const url = template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
      const echoes = [
        ...Object.values(params).map(decodeSegment),
        ...stringsOf(applied.body),
        url,
        pathAsRead(url),
      ];
      if (!hasBody) return { method, path: url, as: spec.as ?? 'admin', faults: labels, echoes };
      const text = toJson(applied.body);
      const sent = encoding ? encode(encoding, text) : { contentType: 'application/json', text };
      if (encoding) labels.push(`sent as ${JSON.stringify(encoding)}`);
      return {
        method,
        path: url,
        as: spec.as ?? 'admin',
        contentType: sent.contentType,
        body: sent.text,
        faults: labels,
        echoes,
      };
    });
}

/** A PATCH of one of `changes` to what `param` names: a request the caller could make. */
export const patchOf = (param: string, names: fc.Arbitrary<string>, changes: fc.Arbitrary<object>[]) =>
  fc
    .tuple(names, fc.oneof(...changes))
    .map(([name, body]) => ({ params: { [param]: name }, body: body as Body }));

/** The body of a PATCH: any field wrong, or no field at all (nothing to change). */
export const changes = (bad: Record<string, fc.Arbitrary<unknown>>): ObjectSpec => ({
  bad,
  special: fc.constant({
    label: 'nothing to change',
    patch: Object.fromEntries(Object.keys(bad).map((k) => [k, undefined])),
  }),
});
