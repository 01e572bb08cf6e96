/** Today's date on this computer as 'YYYY-MM-DD', the form period dates are compared in. */
export function todayIso(now: Date = new Date()): string {
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${d}`;
}

export function currentYear(now: Date = new Date()): number {
  return now.getFullYear();
}
