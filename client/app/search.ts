// Before any schema is built, whichever chunk of the build this module lands in.
import '../lib/zod-jitless';
import {
  getRouteApi,
  type NavigateOptions,
  type RegisteredRouter,
  useNavigate,
} from '@tanstack/react-router';
import { useCallback } from 'react';
import { z } from 'zod';
import { parsePeriod } from '../../shared/period';
import { unitIdSchema } from '../../shared/schemas/common';
import { indicatorCodeSchema } from '../../shared/schemas/indicators';
import { COMPARE_KINDS } from '../features/compare-periods/utils/compare-choice';

// What a page shows lives in its address (?unit=12&period=2025-H1&code=KET_NAP), so a link or
// a bookmark opens the same view and Back undoes a choice. Each page reads its parameters
// through one zod schema, given to its route as `validateSearch`: a parameter that is missing,
// empty or not of its shape is dropped, and the page falls back to its default, as if the
// address had not said. The names, meanings and defaults are the ones links and bookmarks
// have always carried.

/** A parameter as it stands in the address, trimmed; dropped when empty or not of its shape. */
const param = <T extends z.ZodType<unknown, string>>(shape: T) =>
  z.string().trim().pipe(shape).optional().catch(undefined);

const unit = param(unitIdSchema);
const period = param(z.string().refine((code) => parsePeriod(code) !== null));
const code = param(indicatorCodeSchema);
const year = param(z.string().regex(/^\d{4}$/));

/** The unit and the period shown: every page that reads figures. */
export const unitPeriodSearch = z.object({ unit, period });

/** The dashboard: the unit, the period, and the indicator of the chart below. */
export const dashboardSearch = unitPeriodSearch.extend({ code });

/** So sánh theo kỳ: the unit, the kind of period over a range of years, one indicator or all. */
export const comparePeriodsSearch = z.object({
  unit,
  code,
  kind: param(z.enum(COMPARE_KINDS)),
  from: year,
  to: year,
});

/** So sánh đơn vị: the unit whose units are compared, the period, the chart's indicator, the order. */
export const compareUnitsSearch = dashboardSearch.extend({
  sort: param(z.string().min(1)),
  dir: param(z.enum(['asc', 'desc'])),
});

/**
 * Trình chiếu: the unit, the period, and the slide on screen. Any `slide`, even one that is not
 * a number, means the slides are showing; the page corrects it to one of the deck.
 */
export const conferenceSearch = unitPeriodSearch.extend({ slide: z.string().optional().catch(undefined) });

/** The query string as plain text values: `?period=2021` is the text "2021", as it always was. */
export function parseSearch(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(search)) if (!Object.hasOwn(out, key)) out[key] = value;
  return out;
}

/** The other way: parameters without a value are left out of the address. */
export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The paths of the pages, as the router knows them. */
export type PagePath = Exclude<keyof RegisteredRouter['routesById'], '__root__'>;
/** What a page's address says, as its schema read it. */
export type SearchOf<P extends PagePath> = RegisteredRouter['routesById'][P]['types']['fullSearchSchema'];

/**
 * A page's search parameters, and a way to change some of them while keeping the others
 * (`undefined` removes one). A choice (`push`) gets its own entry in the browser's history, so
 * Back returns to the previous view; a passing change (`replace`) does not. The window stays
 * where it is scrolled: the page is the same.
 */
export function usePageSearch<P extends PagePath>(from: P) {
  const search = getRouteApi(from).useSearch() as SearchOf<P>;
  const navigate = useNavigate();
  const change = useCallback(
    (patch: Partial<SearchOf<P>>, mode: 'push' | 'replace' = 'push') =>
      navigate({
        to: from,
        search: (prev: SearchOf<P>) => ({ ...prev, ...patch }),
        replace: mode === 'replace',
        resetScroll: false,
      } as NavigateOptions),
    [navigate, from],
  );
  return [search, change] as const;
}
