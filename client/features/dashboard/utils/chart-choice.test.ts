import { describe, expect, it } from 'vitest';
import { chartChoice, codesWithResults } from './chart-choice';

const cell = (code: string, result: boolean) => ({
  code,
  target: { value: 1, display: '1' },
  result: result ? { value: 1, display: '1', source: 'entered' as const } : null,
  status: 'no_data' as const,
  achievement: null,
});

describe('the indicator a chart of the units below opens on', () => {
  const data = {
    rows: [
      {
        unit: { id: '1', name: 'A', kind: 'chi_bo' },
        hasChildren: false,
        cells: [cell('HTT', false), cell('NQ', true)],
      },
      {
        unit: { id: '2', name: 'B', kind: 'chi_bo' },
        hasChildren: false,
        cells: [cell('HTT', false), cell('KN', true)],
      },
    ],
  };
  const offered = ['HTT', 'KN', 'NQ'];

  it('knows the indicators some unit has a result of', () => {
    expect([...codesWithResults(data)].sort()).toEqual(['KN', 'NQ']);
  });

  it('opens on the first offered indicator with a result, in the order of the page', () => {
    expect(chartChoice(offered, undefined, codesWithResults(data))).toEqual({
      code: 'KN',
      hasResults: true,
      firstWithResults: 'KN',
    });
  });

  it('keeps the one asked for, with results or not, and offers the first that has', () => {
    expect(chartChoice(offered, 'NQ', codesWithResults(data))).toEqual({
      code: 'NQ',
      hasResults: true,
      firstWithResults: 'KN',
    });
    expect(chartChoice(offered, 'HTT', codesWithResults(data))).toEqual({
      code: 'HTT',
      hasResults: false,
      firstWithResults: 'KN',
    });
  });

  it('charts nothing when no indicator has a result', () => {
    expect(chartChoice(offered, undefined, new Set())).toEqual({
      code: null,
      hasResults: false,
      firstWithResults: null,
    });
    expect(chartChoice([], undefined, new Set(['KN'])).code).toBeNull();
  });

  it('falls back to the asked or the first offered when the results are not known', () => {
    expect(chartChoice(offered, undefined, null)).toMatchObject({ code: 'HTT', hasResults: true });
    expect(chartChoice(offered, 'NQ', null)).toMatchObject({ code: 'NQ', hasResults: true });
  });
});
