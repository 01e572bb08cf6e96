import { useMemo } from 'react';
import type { Status } from '../../../../shared/judgement';
import type { DashboardRowDto } from '../../../../shared/schemas/dashboard';
import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import type { TargetLinePartDto, TargetLinesDto } from '../../../../shared/schemas/target-lines';
import type { PickerOption } from '../components/indicator-picker';
import { type BelowPart, type DraftLine, previewStatus } from './lines-draft';

const belowKey = (code: string, below: readonly string[]) => `${code}|${[...below].sort().join(',')}`;

/**
 * The indicators a line can be bound to, and each one's part in a line: as the server judged
 * it in the stored lines, else from the dashboard of the same unit and period, else nothing
 * planned nor reported. A line's status follows from its parts.
 */
export function useLineParts(
  data: TargetLinesDto,
  rows: DashboardRowDto[] | undefined,
  indicators: IndicatorDto[],
  draft: DraftLine[],
) {
  const partOf = useMemo(() => {
    const parts = new Map<string, DashboardRowDto>();
    for (const r of rows ?? []) parts.set(r.indicator.code, r);
    for (const l of data.lines) for (const p of l.parts) if (!p.below) parts.set(p.indicator.code, p);
    return (code: string): DashboardRowDto | null => {
      const found = parts.get(code);
      if (found) return found;
      const ind = indicators.find((i) => i.code === code);
      if (!ind || rows === undefined) return null;
      const { name, unitLabel, kind, direction, timeAggregate } = ind;
      return {
        indicator: { code, name, unitLabel, kind, direction, timeAggregate },
        target: null,
        result: null,
        status: 'no_target',
        achievement: null,
      };
    };
  }, [rows, data.lines, indicators]);

  const options = useMemo<PickerOption[]>(() => {
    const bound = new Set(draft.flatMap((l) => l.codes));
    return indicators
      .filter((i) => !i.archived || bound.has(i.code))
      .map((i) => ({
        code: i.code,
        name: i.name,
        target: partOf(i.code)?.target?.display ?? null,
        archived: i.archived,
      }));
  }, [indicators, draft, partOf]);

  // A part below as the server judged it in the stored lines; a new one is judged once saved.
  const belowPartOf = useMemo(() => {
    const judged = new Map<string, TargetLinePartDto>();
    for (const l of data.lines)
      for (const p of l.parts) if (p.below) judged.set(belowKey(p.indicator.code, p.below), p);
    return (part: BelowPart): TargetLinePartDto => {
      const found = judged.get(belowKey(part.code, part.below));
      if (found) return found;
      const ind = indicators.find((i) => i.code === part.code);
      return {
        indicator: {
          code: part.code,
          name: ind?.name ?? part.code,
          unitLabel: ind?.unitLabel ?? '',
          kind: ind?.kind ?? 'count',
          direction: ind?.direction ?? 'higher',
          timeAggregate: ind?.timeAggregate ?? 'none',
        },
        target: null,
        result: null,
        status: 'no_data',
        achievement: null,
        below: part.below,
      };
    };
  }, [data.lines, indicators]);

  // Any indicator may be judged below: the units' own targets are what counts.
  const belowOptions = useMemo(
    () =>
      indicators
        .filter((i) => !i.archived)
        .map((i) => ({ code: i.code, name: i.name, appliesTo: i.appliesTo })),
    [indicators],
  );

  const statusOf = (line: Pick<DraftLine, 'codes' | 'below'>): Status | null => {
    const parts = line.codes.map(partOf);
    if (parts.some((p) => p === null)) return null;
    const below = line.below.map((b) => judgedBelow(b));
    if (below.some((p) => p === null)) return null;
    return previewStatus([...(parts as DashboardRowDto[]), ...(below as TargetLinePartDto[])]);
  };
  const judgedBelow = (b: BelowPart) => {
    for (const l of data.lines)
      for (const p of l.parts)
        if (p.below && belowKey(p.indicator.code, p.below) === belowKey(b.code, b.below)) return p;
    return null;
  };

  return { partOf, belowPartOf, options, belowOptions, statusOf };
}
