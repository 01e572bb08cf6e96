// The yardstick of `npm run bench`: the cheapest JSON answer Hono can give on this machine,
// started the same way as the real server (node --import tsx) in a process of its own, so
// that the app's figures can be read as a share of it rather than as absolute numbers.
//   node --import tsx scripts/bench-yardstick.ts <port>
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const port = Number(process.argv[2] ?? 0);
// Also a bare route answering, as they are, the bytes of a file the benchmark saved (the
// root dashboard's answer): what sending those very bytes costs, with no work to make them.
const files = new Map<string, Uint8Array<ArrayBuffer>>();
const app = new Hono()
  .get('/', (c) => c.json({ ok: true }))
  .get('/same', (c) => {
    const path = c.req.query('file') ?? '';
    let body = files.get(path);
    if (!body) {
      body = new Uint8Array(readFileSync(path));
      files.set(path, body);
    }
    // `gzip=1`: the file holds the answer gzipped, sent as the app sends it.
    return c.body(
      body,
      200,
      c.req.query('gzip')
        ? { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' }
        : { 'Content-Type': 'application/json' },
    );
  });
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(`yardstick on http://127.0.0.1:${info.port}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
