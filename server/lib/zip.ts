import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { Unzip, type UnzipDecoder, unzipSync } from 'fflate';

// A zip held in memory (an uploaded workbook), read without unpacking it whole: fflate finds
// its files from their local headers, and hands over each file's bytes as they are stored;
// the zip's own list of files (its central directory, which Excel reads) must name the very
// same files, so that a damaged or cut file is refused rather than half read, and no file can
// be one thing to this reader and another to Excel;
// Node's zlib unpacks a file only when it is read, as a stream, in pieces, off the main thread.
// Nothing here holds what a file unpacks to: whoever reads decides what to keep, and can stop
// at any piece (a zip bomb is refused by counting, not by unpacking it).

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; others are not read. */
  compression: number;
  /** The stored bytes, pieces of the zip itself (not copies). */
  stored: Uint8Array[];
}

export class ZipError extends Error {
  constructor(readonly reason: 'unreadable' | 'too_many_entries' | 'duplicate_entry') {
    super(reason);
  }
}

/** Hands fflate's stored bytes through, for zlib to unpack later: registered for deflate. */
class StoredBytes implements UnzipDecoder {
  static compression = 8;
  ondata: UnzipDecoder['ondata'] = () => {};
  push(chunk: Uint8Array, final: boolean) {
    this.ondata(null, chunk as Uint8Array<ArrayBuffer>, final);
  }
}

/** The files of a zip, in the order they are stored; throws ZipError. */
export function zipEntries(zip: Uint8Array, maxEntries: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let failed = false;
  const unzip = new Unzip((file) => {
    if (entries.length >= maxEntries) throw new ZipError('too_many_entries');
    if (names.has(file.name)) throw new ZipError('duplicate_entry');
    names.add(file.name);
    const entry: ZipEntry = { name: file.name, compression: file.compression, stored: [] };
    entries.push(entry);
    file.ondata = (err, data) => {
      if (err) failed = true;
      else if (data.length > 0) entry.stored.push(data);
    };
    if (file.compression === 0 || file.compression === 8) file.start();
  });
  unzip.register(StoredBytes);
  try {
    // In pieces: fflate goes one level deeper for each file a piece holds.
    const piece = 64 * 1024;
    for (let at = 0; at < zip.length; at += piece)
      unzip.push(zip.subarray(at, at + piece), at + piece >= zip.length);
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw new ZipError('unreadable');
  }
  if (failed || entries.length === 0) throw new ZipError('unreadable');
  matchDirectory(zip, entries, maxEntries);
  return entries;
}

/** Throws unless the central directory lists exactly `entries`, with the same methods and stored sizes. */
function matchDirectory(zip: Uint8Array, entries: ZipEntry[], maxEntries: number) {
  const listed = new Map<string, { compression: number; size: number }>();
  try {
    // The filter sees every file the directory lists and unpacks none; it also stops a
    // directory that claims more files than allowed (zip64 can claim billions).
    unzipSync(zip, {
      filter: (f) => {
        if (listed.size >= maxEntries) throw new ZipError('too_many_entries');
        listed.set(f.name, { compression: f.compression, size: f.size });
        return false;
      },
    });
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw new ZipError('unreadable');
  }
  if (listed.size !== entries.length) throw new ZipError('unreadable');
  for (const e of entries) {
    const l = listed.get(e.name);
    if (!l || l.compression !== e.compression) throw new ZipError('unreadable');
    const stored = e.stored.reduce((n, piece) => n + piece.length, 0);
    if ((e.compression === 0 || e.compression === 8) && l.size !== stored) throw new ZipError('unreadable');
  }
}

/**
 * What one file unpacks to, as a stream of pieces of at most 64 KB; an error if its stored
 * bytes are broken. Destroy it to stop unpacking.
 */
export function unpack(entry: ZipEntry): Readable {
  const stored = Readable.from(entry.stored, { objectMode: false });
  // An empty file is empty whatever its method says (some writers mark folders deflated).
  if (entry.compression === 0 || entry.stored.length === 0) return stored;
  if (entry.compression !== 8) {
    const refused = new Readable({ read() {} });
    refused.destroy(new ZipError('unreadable'));
    return refused;
  }
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  stored.pipe(inflate);
  inflate.once('close', () => stored.destroy());
  return inflate;
}
