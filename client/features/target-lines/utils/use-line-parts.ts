import { useMemo } from 'react';
import type { Status } from '../../../../shared/judgement';
import type { DashboardRowDto } from '../../../../shared/schemas/dashboard';
import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import type { TargetLinesDto } from '../../../../shared/schemas/target-lines';
import type { PickerOption } from '../components/indicator-picker';
import { type DraftLine, previewStatus } from './lines-draft';

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
    for (const l of data.lines) for (const p of l.parts) parts.set(p.indicator.code, p);
    return (code: string): DashboardRowDto | null => {
      const found = parts.get(code);
      if (found) return found;
      const ind = indicators.find((i) => i.code === code);
      if (!ind || rows === undefined) return null;
      const { name, unitLabel, kind, direction } = ind;
      return {
        indicator: { code, name, unitLabel, kind, direction },
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

  const statusOf = (codes: readonly string[]): Status | null => {
    const parts = codes.map(partOf);
    return parts.some((p) => p === null) ? null : previewStatus(parts as DashboardRowDto[]);
  };

  return { partOf, options, statusOf };
}
