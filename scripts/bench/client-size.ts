import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fetchRaw } from './http';
import { round } from './load';

// The server's memory, and the client's JavaScript as the server sends it.

export function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (key: string) =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  // /proc counts in KiB; the figures here are decimal megabytes, like the target's.
  return { rssMB: round((kB('VmRSS') * 1024) / 1e6, 1), hwmMB: round((kB('VmHWM') * 1024) / 1e6, 1) };
}

export async function clientSize(base: string) {
  const dist = resolve('dist/client');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const first = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) first.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) first.add(m[1]!);
  const all = new Set(
    readdirSync(join(dist, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `/assets/${f}`),
  );
  const sizes = new Map<string, { raw: number; sent: number; gzip9: number; encoding: string | null }>();
  for (const path of new Set([...first, ...all])) {
    const file = readFileSync(join(dist, path));
    const sent = await fetchRaw(base + path);
    if (sent.status !== 200) throw new Error(`GET ${path}: ${sent.status}`);
    sizes.set(path, {
      raw: file.length,
      sent: sent.bytes.length,
      gzip9: gzipSync(file, { level: 9 }).length,
      encoding: sent.encoding,
    });
  }
  const total = (paths: Set<string>) => {
    const t = { files: paths.size, gzipByServer: 0, rawKB: 0, sentKB: 0, gzip9KB: 0 };
    for (const p of paths) {
      const f = sizes.get(p)!;
      t.rawKB += f.raw / 1000;
      t.sentKB += f.sent / 1000;
      t.gzip9KB += f.gzip9 / 1000;
      if (f.encoding === 'gzip') t.gzipByServer++;
    }
    return { ...t, rawKB: round(t.rawKB, 1), sentKB: round(t.sentKB, 1), gzip9KB: round(t.gzip9KB, 1) };
  };
  const firstLoad = total(first);
  const everything = total(all);
  // What the browser receives, when the server compresses; else what gzip would make of it.
  const byServer = everything.gzipByServer > 0;
  return {
    compressedByServer: byServer,
    note: byServer
      ? `bytes as sent with Accept-Encoding: gzip (${everything.gzipByServer} of ${everything.files} files gzipped by the server, the rest sent as they are)`
      : 'the server answered without compression: gzip -9 sizes computed here',
    firstLoad: { ...firstLoad, gzipKB: byServer ? firstLoad.sentKB : firstLoad.gzip9KB, paths: [...first] },
    all: { ...everything, gzipKB: byServer ? everything.sentKB : everything.gzip9KB },
  };
}
