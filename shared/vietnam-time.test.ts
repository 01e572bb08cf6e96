import { describe, expect, it } from 'vitest';
import { currentYear, todayIso, vietnamDate, vietnamDateTime, vietnamDay, vietnamTime } from './vietnam-time';

describe('Vietnam time', () => {
  it('reads a UTC moment on the Vietnamese clock, dd/mm/yyyy HH:mm', () => {
    expect(vietnamDateTime('2026-11-24T13:25:29.221Z')).toBe('24/11/2026 20:25');
    expect(vietnamDate('2026-11-24T13:25:29.221Z')).toBe('24/11/2026');
  });

  it('moves to the next day after 17:00 UTC', () => {
    expect(vietnamDateTime('2025-12-31T17:30:00.000Z')).toBe('01/01/2026 00:30');
    expect(vietnamDate('2025-12-31T16:59:59.000Z')).toBe('31/12/2025');
  });

  it('returns what it cannot read as given', () => {
    expect(vietnamDateTime('hôm qua')).toBe('hôm qua');
    expect(vietnamDate('')).toBe('');
  });
});

describe("Vietnam's day of an instant", () => {
  it('is the date in Asia/Ho_Chi_Minh, YYYY-MM-DD, whatever the form of the instant', () => {
    const at = Date.UTC(2025, 5, 30, 16, 59, 59);
    expect(vietnamDay(at)).toBe('2025-06-30');
    expect(vietnamDay(new Date(at))).toBe('2025-06-30');
    expect(vietnamDay(new Date(at).toISOString())).toBe('2025-06-30');
    expect(vietnamDay(at + 1000)).toBe('2025-07-01');
  });

  it('turns the year at 17:00 UTC on the 31st of December', () => {
    const newYear = Date.UTC(2025, 11, 31, 17, 0, 0);
    expect(todayIso(newYear - 1)).toBe('2025-12-31');
    expect(currentYear(newYear - 1)).toBe(2025);
    expect(todayIso(newYear)).toBe('2026-01-01');
    expect(currentYear(newYear)).toBe(2026);
  });

  it('counts the 29th of February of a leap year', () => {
    expect(vietnamDay('2024-02-28T17:00:00Z')).toBe('2024-02-29');
    expect(vietnamDay('2023-02-28T17:00:00Z')).toBe('2023-03-01');
  });

  it('is today when no instant is given', () => {
    const before = vietnamDay(Date.now());
    const today = todayIso();
    const after = vietnamDay(Date.now());
    expect([before, after]).toContain(today);
    expect(currentYear()).toBe(Number(today.slice(0, 4)));
  });

  it('refuses an instant it cannot read', () => {
    expect(() => vietnamDay('hôm qua')).toThrow(RangeError);
    expect(() => vietnamDay(Number.NaN)).toThrow(RangeError);
  });
});

describe("Vietnam's time of day", () => {
  it('writes HH:mm from 00:00 to 23:59, never 24:00', () => {
    expect(vietnamTime(Date.UTC(2025, 0, 1, 17, 0))).toBe('00:00');
    expect(vietnamTime(Date.UTC(2025, 0, 1, 16, 59))).toBe('23:59');
    expect(vietnamTime('2025-01-01T03:05:00Z')).toBe('10:05');
  });
});
