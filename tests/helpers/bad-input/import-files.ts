import fc from 'fast-check';
import { IMPORT_HEADER } from '../../../shared/import-export';
import { csvLine, multipartText, utf16le } from './files';
import { badCsv, uniqueRows } from './import-rows';
import { oddString } from './text';
import { type Req, w } from './world';

// POST /api/import: broken files, and broken forms carrying files.

export interface UploadFile {
  label: string;
  bytes: Uint8Array;
  name: string;
}

export const utf8 = (s: string) => new TextEncoder().encode(s);
export const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** Files refused whatever form carries them. */
export const badFile = (): fc.Arbitrary<UploadFile> =>
  fc.oneof(
    {
      weight: 12,
      arbitrary: fc
        .tuple(
          badCsv(),
          fc.constantFrom('utf-8', 'bom', 'utf-16'),
          fc.constantFrom('so-lieu.csv', 'so lieu.txt', '', 'bang.xlsx', 'x'.repeat(300)),
        )
        .map(([csv, enc, name]) => ({
          label: `${csv.label} (${enc})`,
          bytes:
            enc === 'utf-16'
              ? utf16le(csv.text)
              : concat(enc === 'bom' ? utf8('\ufeff') : new Uint8Array(), utf8(csv.text)),
          name,
        })),
    },
    fc.constant({ label: 'empty file', bytes: new Uint8Array(), name: 'trong.csv' }),
    fc
      .uint8Array({ minLength: 1, maxLength: 300 })
      .map((bytes) => ({ label: 'random bytes', bytes, name: 'ngau-nhien.bin' })),
    fc.tuple(uniqueRows(1), fc.constantFrom('so-lieu.csv', 'so-lieu.dat')).map(([good, name]) => ({
      label: 'not UTF-8',
      bytes: concat(
        utf8(`${IMPORT_HEADER}\n${good.map((c) => csvLine(c)).join('\n')}\n2,CB_HTT,2026,result,1,,,Chi b`),
        new Uint8Array([0xf4, 0xff, 0xfe]),
      ),
      name,
    })),
    uniqueRows(1).map((good) => ({
      label: 'NUL in the text',
      bytes: utf8(`${IMPORT_HEADER}\n${good.map((c) => csvLine(c)).join('\n')}\u0000`),
      name: 'so-lieu.csv',
    })),
    fc.uint8Array({ maxLength: 200 }).map((rest) => ({
      label: 'Excel 97 file',
      bytes: concat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), rest),
      name: 'so-lieu.xls',
    })),
    fc.uint8Array({ maxLength: 300 }).map((rest) => ({
      label: 'zip header and noise',
      bytes: concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), rest),
      name: 'so-lieu.xlsx',
    })),
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map((f) => {
      const at = Math.floor(f * w.xlsx.export.length);
      return { label: `workbook cut at byte ${at}`, bytes: w.xlsx.export.slice(0, at), name: 'so-lieu.xlsx' };
    }),
    fc
      .nat(w.xlsx.badRows.length - 1)
      .map((i) => ({ label: `workbook with bad row ${i}`, bytes: w.xlsx.badRows[i]!, name: 'so-lieu.xlsx' })),
    fc.nat(w.xlsx.wrongHeader.length - 1).map((i) => ({
      label: `workbook with wrong header ${i}`,
      bytes: w.xlsx.wrongHeader[i]!,
      name: 'so-lieu.xlsx',
    })),
  );

/** A file the admin could import: only its carrier is at fault. */
export const goodFile = (): fc.Arbitrary<UploadFile> =>
  uniqueRows(1).map((rows) => ({
    label: 'good file',
    bytes: utf8(`${IMPORT_HEADER}\n${rows.map((c) => csvLine(c)).join('\n')}`),
    name: 'so-lieu.csv',
  }));

export const textOf = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
export const echoesOfFile = (f: UploadFile) => [f.name, ...textOf(f.bytes).split(/[,;\t\r\n"]/)];

export function badImports(): fc.Arbitrary<Req> {
  const req = (label: string, file: UploadFile, rest: Partial<Req>, query = ''): Req => ({
    method: 'POST',
    path: `/api/import${query}`,
    as: 'admin',
    faults: [label, file.label],
    // The form's field names too: a refusal names the one it does not know.
    echoes: [...echoesOfFile(file), ...(Array.isArray(rest.body) ? rest.body.map((p) => p.name) : [])],
    ...rest,
  });
  const query = fc.constantFrom('', '', '?dryRun=1', '?dryRun=true', '?dryRun=0', '?dryRun=%00');
  const extraField = fc
    .oneof(fc.constantFrom('dryRun', 'files', 'File', 'file ', 'unit', 'x', ''), oddString)
    .filter((n) => n !== 'file');
  const anyFile = fc.oneof(badFile(), goodFile());
  return fc.oneof(
    // A bad file, sent properly: two requests in three.
    {
      weight: 16,
      arbitrary: fc
        .tuple(badFile(), query)
        .map(([file, q]) => req('sent as a form', file, { body: [{ name: 'file', file }] }, q)),
    },
    // Forms with the wrong fields.
    fc.tuple(anyFile, extraField).map(([file, name]) =>
      req(`extra field "${name}"`, file, {
        body: [
          { name: 'file', file },
          { name, text: '1' },
        ],
      }),
    ),
    fc
      .tuple(anyFile, extraField)
      .map(([file, name]) => req(`file under "${name}"`, file, { body: [{ name, file }] })),
    anyFile.map((file) =>
      req('file sent as a text field', file, { body: [{ name: 'file', text: textOf(file.bytes) }] }),
    ),
    fc.constant(req('empty form', { label: '', bytes: new Uint8Array(), name: '' }, { body: [] })),
    // Not a form at all, or a broken one.
    fc
      .tuple(
        anyFile,
        fc.constantFrom(
          null,
          'text/csv',
          'application/json',
          'application/octet-stream',
          'application/x-www-form-urlencoded',
        ),
      )
      .map(([file, ct]) =>
        req(`raw body as ${ct}`, file, {
          contentType: ct,
          body: ct === 'application/json' ? JSON.stringify({ file: textOf(file.bytes) }) : file.bytes,
        }),
      ),
    anyFile.map((file) =>
      req('multipart without boundary', file, {
        contentType: 'multipart/form-data',
        body: multipartText('ranh-gioi', 'file', file.name, textOf(file.bytes)),
      }),
    ),
    anyFile.map((file) =>
      req('multipart with another boundary', file, {
        contentType: 'multipart/form-data; boundary=khac',
        body: multipartText('ranh-gioi', 'file', file.name, textOf(file.bytes)),
      }),
    ),
    fc.tuple(badFile(), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })).map(([file, f]) => {
      const body = multipartText('ranh-gioi', 'file', file.name, textOf(file.bytes));
      return req('multipart cut short', file, {
        contentType: 'multipart/form-data; boundary=ranh-gioi',
        body: body.slice(0, Math.floor(f * (body.length - 20))),
      });
    }),
  );
}
