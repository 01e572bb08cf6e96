// Moments are stored as ISO timestamps in UTC; people read them on Vietnam's clock
// (UTC+7 all year, no summer time), whatever the computer's own time zone.

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

function parts(iso: string) {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  // The UTC fields of the shifted moment are Vietnam's wall clock.
  const shifted = new Date(ms + VIETNAM_OFFSET_MS).toISOString();
  return {
    date: `${shifted.slice(8, 10)}/${shifted.slice(5, 7)}/${shifted.slice(0, 4)}`,
    time: shifted.slice(11, 16),
  };
}

/** '2026-11-24T13:25:29.221Z' -> '24/11/2026'; anything unreadable is returned as given. */
export function vietnamDate(iso: string): string {
  return parts(iso)?.date ?? iso;
}

/** '2026-11-24T13:25:29.221Z' -> '24/11/2026 20:25'. */
export function vietnamDateTime(iso: string): string {
  const p = parts(iso);
  return p ? `${p.date} ${p.time}` : iso;
}
