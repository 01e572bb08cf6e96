// Schools live on Vietnam's clock (Asia/Ho_Chi_Minh, UTC+7 all year, no summer time): the day
// statuses are judged on, the year a screen opens on and the moment a change was saved are read
// there, whatever the time zone of the server or of the reader's computer (a server in UTC
// would otherwise still be on "yesterday" until 07:00). One reading of the clock for both
// sides, by Intl; moments are stored as ISO timestamps in UTC.

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Parts rather than a formatted string: no locale decides the order, and h23 never writes
// midnight as 24:00.
const clock = new Intl.DateTimeFormat('en-US', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as a Date, a number of milliseconds or an ISO timestamp. */
export type Instant = Date | number | string;

interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

/** Vietnam's wall clock at an instant; null when the instant cannot be read. */
function wallClock(at: Instant): WallClock | null {
  const ms = typeof at === 'string' ? Date.parse(at) : typeof at === 'number' ? at : at.getTime();
  if (!Number.isFinite(ms)) return null;
  const out: WallClock = { year: '', month: '', day: '', hour: '', minute: '' };
  for (const part of clock.formatToParts(ms))
    if (part.type in out) out[part.type as keyof WallClock] = part.value;
  return out;
}

function readable(at: Instant): WallClock {
  const wall = wallClock(at);
  if (!wall) throw new RangeError(`Not an instant: ${String(at)}`);
  return wall;
}

/** The day in Vietnam of an instant, 'YYYY-MM-DD': the form period dates are compared in. */
export function vietnamDay(at: Instant): string {
  const { year, month, day } = readable(at);
  return `${year}-${month}-${day}`;
}

/** Today in Vietnam, 'YYYY-MM-DD'. */
export function todayIso(now: Instant = Date.now()): string {
  return vietnamDay(now);
}

/** This year in Vietnam. */
export function currentYear(now: Instant = Date.now()): number {
  return Number(readable(now).year);
}

/** The time of day in Vietnam of an instant, 'HH:mm' (00 to 23). */
export function vietnamTime(at: Instant): string {
  const { hour, minute } = readable(at);
  return `${hour}:${minute}`;
}

/** '2026-11-24T13:25:29.221Z' -> '24/11/2026'; anything unreadable is returned as given. */
export function vietnamDate(iso: string): string {
  const wall = wallClock(iso);
  return wall ? `${wall.day}/${wall.month}/${wall.year}` : iso;
}

/** '2026-11-24T13:25:29.221Z' -> '24/11/2026 20:25'; anything unreadable is returned as given. */
export function vietnamDateTime(iso: string): string {
  const wall = wallClock(iso);
  return wall ? `${wall.day}/${wall.month}/${wall.year} ${wall.hour}:${wall.minute}` : iso;
}
