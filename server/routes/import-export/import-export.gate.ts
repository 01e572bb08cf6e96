import type { MiddlewareHandler } from 'hono';
import { CAPABILITIES } from '../../../shared/rights';
import { forbidden } from '../../auth/rights';
import { type AppEnv, accessOf } from '../../lib/router';
import { type SlotOptions, Slots } from '../../lib/slots';

// What POST /api/import must pass before a byte of its file is read (issue 12, hole 5: a
// viewer's workbook was unpacked whole, and only then refused for rights). app.ts puts this in
// front of the body limit and of the route:
//
// 1. a session (401 otherwise, from the session middleware before this);
// 2. a right to write somewhere: results need a reporter, committee or admin grant, targets a
//    committee or admin one, so a user with viewer grants only can import nothing (403); which
//    rows a user may write is checked row by row later, as before;
// 3. a place among the imports being read and checked: at most `running` at once, so that
//    parallel uploads queue instead of multiplying the memory, at most `waiting` in line, each
//    for at most `maxWaitMs`; beyond that 429 with Retry-After (a refusal the client can act on
//    by waiting, like every other refusal a 4xx).
//
// One at a time: reading 100.000 rows and refusing the next one costs about 50 MB at its peak,
// and the garbage of two such reads at once, under tests/api/limits.test.ts, took the server
// 170 to 306 MB above its idle memory, against 120 to 170 MB one at a time. Imports are rare
// and a real one of 100.000 rows is read in under 3 seconds: a second one waits that long and
// the time the first takes to be checked and written.

export const IMPORT_SLOTS: SlotOptions = { running: 1, waiting: 8, maxWaitMs: 30_000 };

/** Seconds a client turned away is asked to wait: about what one large import takes. */
const RETRY_AFTER_SECONDS = 10;

export function importGate(options: SlotOptions = IMPORT_SLOTS): MiddlewareHandler<AppEnv> {
  const slots = new Slots(options);
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const access = accessOf(c);
    if (!access.grants.some((g) => CAPABILITIES[g.role].includes('report')))
      throw forbidden(
        'Bạn chỉ có quyền xem nên không nhập được số liệu; cần quyền báo cáo kết quả, cấp ủy hoặc quản trị trên ít nhất một đơn vị.',
      );
    const release = await slots.acquire(c.req.raw.signal);
    if (!release)
      return c.json(
        {
          error: {
            code: 'import_busy',
            message: `Máy chủ đang đọc nhiều tệp nhập cùng lúc; hãy gửi lại tệp sau ${RETRY_AFTER_SECONDS} giây.`,
          },
        },
        429,
        { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      );
    try {
      await next();
    } finally {
      release();
    }
  };
}
