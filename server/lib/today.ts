import { isValidIsoDate } from '../../shared/period';
import { badRequest } from './errors';

// Schools live on Vietnam's clock: a server in UTC would otherwise still be "yesterday"
// until 07:00.
const vnDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// Formatting a date costs more than answering a cached dashboard: the day is worked out
// once a minute at most.
let known: { day: string; until: number } | null = null;

export function today(): string {
  const now = Date.now();
  if (known && now < known.until) return known.day;
  known = { day: vnDate.format(new Date(now)), until: now - (now % 60_000) + 60_000 };
  return known.day;
}

/** The day in Vietnam of a moment stored as an ISO timestamp. */
export function vietnamDay(iso: string): string {
  return vnDate.format(new Date(iso));
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
