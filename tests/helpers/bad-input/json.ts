import fc from 'fast-check';

// JSON for tests/api/bad-input.test.ts: bodies written as they are (with what JSON.stringify
// cannot write, and own "__proto__" keys), and the ways of sending a JSON object that the
// server must refuse whatever the object holds.

/** A piece of JSON written as is: what JSON.stringify cannot write (1e999, 1E+400). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may hold RawJson pieces; own "__proto__" keys are kept. */
export function toJson(v: unknown): string {
  if (v instanceof RawJson) return v.text;
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .map((k) => `${JSON.stringify(k)}:${toJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** Sets a key as an own property, even "__proto__", which plain assignment would not. */
export function setKey(o: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true });
}

/** A deep copy of a body, own "__proto__" keys included. */
export function copy<T>(v: T): T {
  if (v instanceof RawJson || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(copy) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) setKey(out, k, copy((v as Record<string, unknown>)[k]));
  return out as T;
}

// ---------------------------------------------------------------------------------------
// Broken JSON bodies.

/** A way of sending a JSON object that the server must refuse whatever the object holds. */
export type EncodingFault =
  | { kind: 'content type'; contentType: string | null }
  | { kind: 'cut'; at: number }
  | {
      kind: 'syntax';
      change:
        | 'trailing comma'
        | 'single quotes'
        | 'comment'
        | 'two objects'
        | 'unquoted keys'
        | 'stray character';
    }
  | { kind: 'text'; text: string };

/** Content types that are not JSON, as the server would see them; null sends none. */
export const NOT_JSON_TYPES = [
  null,
  '',
  'text/plain',
  'text/plain;charset=UTF-8',
  'text/html',
  'text/json',
  'text/csv',
  'application/xml',
  'application/octet-stream',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=----ranh-gioi',
  'application/jsonp',
  'json',
  '*/*',
] as const;

export const encodingFault: fc.Arbitrary<EncodingFault> = fc.oneof(
  fc.constantFrom(...NOT_JSON_TYPES).map((contentType) => ({ kind: 'content type' as const, contentType })),
  fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map((at) => ({ kind: 'cut' as const, at })),
  fc
    .constantFrom(
      'trailing comma',
      'single quotes',
      'comment',
      'two objects',
      'unquoted keys',
      'stray character',
    )
    .map((change) => ({ kind: 'syntax' as const, change })),
  fc
    .constantFrom(
      '',
      ' ',
      '\n',
      'NaN',
      'undefined',
      "{'a':1}",
      '{"a":1,}',
      '{"a"}',
      '{"a":01}',
      '{"a":.5}',
      '{"a":+1}',
      '{"a":0x10}',
      '{"a":"\\x41"}',
      '{"a":"\u0000"}',
      ")]}'\n{}",
      '{',
      '}',
      '{"a":[}',
      '"',
      'null',
      'true',
      '0',
      '-1',
      '1e999',
      '"text"',
      '[]',
      '[{}]',
      '[[{}]]',
    )
    .map((text) => ({ kind: 'text' as const, text })),
);

/** The content type and text a fault sends for a JSON object written as `objectText`. */
export function encode(
  fault: EncodingFault,
  objectText: string,
): { contentType: string | null; text: string } {
  const json = 'application/json';
  // A change may, rarely, leave valid JSON ('{}' has no quotes to change): a stray character after it never does.
  const broken = (text: string) => {
    try {
      JSON.parse(text);
      return { contentType: json, text: `${text}#` };
    } catch {
      return { contentType: json, text };
    }
  };
  switch (fault.kind) {
    case 'content type':
      return { contentType: fault.contentType, text: objectText };
    case 'cut':
      return broken(objectText.slice(0, Math.floor(fault.at * objectText.length)));
    case 'text':
      return { contentType: json, text: fault.text };
    case 'syntax':
      return broken(
        {
          'trailing comma': () => objectText.replace(/}$/, ',}'),
          'single quotes': () => objectText.replaceAll('"', "'"),
          comment: () => `/* chú thích */${objectText}`,
          'two objects': () => `${objectText}${objectText}`,
          'unquoted keys': () => objectText.replace(/"([^"\\]+)":/g, '$1:'),
          'stray character': () => `${objectText}x`,
        }[fault.change](),
      );
  }
}
