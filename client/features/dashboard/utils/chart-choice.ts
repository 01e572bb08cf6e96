import type { CompareUnitsDto } from '../../../../shared/schemas/compare';

// Which indicator a chart of the units below opens on (the dashboard's chart by units, the
// ranking of "So sánh đơn vị"). A chart of targets alone compares nothing, so, unless one was
// asked for, it opens on the first indicator that some unit below has a result of, in the
// order the page lists them; with none, there is no chart but a sentence. Pure, for its tests.

/** The indicators that some unit below has a result of, for one period: what a chart can compare. */
export function codesWithResults(data: Pick<CompareUnitsDto, 'rows'>): Set<string> {
  const out = new Set<string>();
  for (const row of data.rows) for (const cell of row.cells) if (cell.result) out.add(cell.code);
  return out;
}

export interface ChartChoice {
  /** The indicator charted; null when none offered has a result at any unit below. */
  code: string | null;
  /** Whether the charted indicator has a result at some unit below (unknown: taken as yes). */
  hasResults: boolean;
  /** The first offered indicator with a result: what to offer when the one charted has none. */
  firstWithResults: string | null;
}

/**
 * `offered`: the codes in the order the page lists them. `asked`: the one the person chose,
 * from the list or the table or a link (the address keeps it), already known to be offered;
 * it stays whether or not it has results, since the person asked for it, and the chart then
 * says it has none and offers the first that has. `withResults`: null when unknown (the read
 * failed): the asked one, else the first offered, as before results were looked at.
 */
export function chartChoice(
  offered: readonly string[],
  asked: string | undefined,
  withResults: ReadonlySet<string> | null,
): ChartChoice {
  if (!withResults) return { code: asked ?? offered[0] ?? null, hasResults: true, firstWithResults: null };
  const firstWithResults = offered.find((c) => withResults.has(c)) ?? null;
  const code = asked ?? firstWithResults;
  return { code, hasResults: code !== null && withResults.has(code), firstWithResults };
}
