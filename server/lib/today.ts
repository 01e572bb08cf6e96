import { isValidIsoDate } from '../../shared/period';
import { todayIso } from '../../shared/vietnam-time';
import { badRequest } from './errors';

// Schools live on Vietnam's clock (shared/vietnam-time.ts), the server's own time zone aside.

// Reading the clock costs more than answering a cached dashboard: the day is worked out once
// a minute at most.
let known: { day: string; until: number } | null = null;

export function today(): string {
  const now = Date.now();
  if (known && now < known.until) return known.day;
  known = { day: todayIso(now), until: now - (now % 60_000) + 60_000 };
  return known.day;
}

/** The day statuses are judged on: `asOf` when the request gives one, else today. */
export function resolveAsOf(asOf: string | undefined): string {
  if (asOf === undefined || asOf === '') return today();
  if (!isValidIsoDate(asOf))
    throw badRequest(
      'invalid_date',
      `Ngày tính "${asOf}" không hợp lệ: dùng dạng YYYY-MM-DD, ví dụ 2025-12-31.`,
      'asOf',
    );
  return asOf;
}
