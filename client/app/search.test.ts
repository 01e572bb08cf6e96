import { describe, expect, it } from 'vitest';
import * as search from './search';

const { parseSearch, stringifySearch } = search;

/** What a page reads from an address, as the router reads it: the query string, then the page's schema. */
function read(schema: { '~standard': { validate: (value: unknown) => unknown } }, query: string) {
  const result = schema['~standard'].validate(parseSearch(query)) as { value?: unknown; issues?: unknown };
  expect(result.issues).toBeUndefined();
  return result.value;
}

describe('the search parameters of the pages', () => {
  it('read the addresses links and bookmarks carry, as text, with the same names', () => {
    expect(read(search.dashboardSearch, '?unit=12&period=2021&code=KET_NAP')).toEqual({
      unit: '12',
      period: '2021',
      code: 'KET_NAP',
    });
    expect(read(search.unitPeriodSearch, '?unit=3&period=NK2020-2025')).toEqual({
      unit: '3',
      period: 'NK2020-2025',
    });
    expect(read(search.comparePeriodsSearch, '?unit=1&kind=h1&from=2022&to=2026&code=DV_HTT')).toEqual({
      unit: '1',
      kind: 'h1',
      from: '2022',
      to: '2026',
      code: 'DV_HTT',
    });
    expect(read(search.compareUnitsSearch, '?unit=1&period=2021-H1&sort=DV_HTXS&dir=desc')).toEqual({
      unit: '1',
      period: '2021-H1',
      sort: 'DV_HTXS',
      dir: 'desc',
    });
    expect(read(search.conferenceSearch, '?unit=1&period=2021&slide=3')).toEqual({
      unit: '1',
      period: '2021',
      slide: '3',
    });
  });

  it('drop what is empty or not of its shape, so the page falls back to its default', () => {
    expect(read(search.dashboardSearch, '?unit=abc&period=2021-H3&code=ket nap')).toEqual({});
    expect(read(search.dashboardSearch, '?unit=&period=%20&code=')).toEqual({});
    expect(read(search.dashboardSearch, '?unit=%2012%20&period=2024')).toEqual({
      unit: '12',
      period: '2024',
    });
    expect(read(search.comparePeriodsSearch, '?kind=week&from=22&to=2026')).toEqual({ to: '2026' });
    expect(read(search.compareUnitsSearch, '?dir=up&sort=')).toEqual({});
    // Parameters a page does not read are left out.
    expect(read(search.unitPeriodSearch, '?unit=2&code=KET_NAP&utm=x')).toEqual({ unit: '2' });
  });

  it('keep any slide as asked: the conference page shows its slides and corrects the number', () => {
    expect(read(search.conferenceSearch, '?slide=abc')).toEqual({ slide: 'abc' });
    expect(read(search.conferenceSearch, '?slide=')).toEqual({ slide: '' });
    expect(read(search.conferenceSearch, '?unit=1')).toEqual({ unit: '1' });
  });

  it('read the first of a repeated parameter, and write plain text without empty ones', () => {
    expect(parseSearch('?unit=1&unit=2')).toEqual({ unit: '1' });
    expect(stringifySearch({ unit: '1', period: '2021', code: undefined, sort: '' })).toBe(
      '?unit=1&period=2021',
    );
    expect(stringifySearch({ period: 'NK2020-2025', note: 'a b' })).toBe('?period=NK2020-2025&note=a+b');
    expect(stringifySearch({})).toBe('');
  });
});
