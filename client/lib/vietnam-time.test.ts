import { describe, expect, it } from 'vitest';
import { vietnamDate, vietnamDateTime } from './vietnam-time';

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
  });
});
