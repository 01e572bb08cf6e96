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

export function today(): string {
  return vnDate.format(new Date());
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
