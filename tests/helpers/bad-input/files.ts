// Files for POST /api/import in tests/api/bad-input.test.ts.

/** One line of a CSV file, quoting the cells that need it. */
export function csvLine(cells: readonly string[], delimiter = ','): string {
  return cells
    .map((c) =>
      c.includes(delimiter) || /["\r\n]/.test(c) || c !== c.trim() ? `"${c.replaceAll('"', '""')}"` : c,
    )
    .join(delimiter);
}

/** Text as UTF-16 little endian with its byte order mark, as Excel saves "Unicode text". */
export function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

/** A multipart/form-data body with one file, written by hand so that it can be broken. */
export function multipartText(boundary: string, field: string, fileName: string, content: string): string {
  return [
    `--${boundary}`,
    `Content-Disposition: form-data; name="${field}"; filename="${fileName}"`,
    'Content-Type: text/csv',
    '',
    content,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
