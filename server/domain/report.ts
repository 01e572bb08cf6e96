import { achievementX100, isAchieved, judge, lineStatus, summarize } from '../../shared/judgement';
import { enclosingYear, type Period } from '../../shared/period';
import { elapsedX100, pace } from '../../shared/progress';
import {
  bodyText,
  figureText,
  headlineOf,
  introText,
  lineText,
  otherText,
  type ReportLine,
  type ReportModel,
  type ReportOther,
  type ReportPart,
  reportText,
  reportTitle,
  summaryText,
  targetsText,
} from '../../shared/report';
import type { DashboardRowDto } from '../../shared/schemas/dashboard';
import type { ReportDto } from '../../shared/schemas/report';
import type { TargetLinePartDto } from '../../shared/schemas/target-lines';
import { divRoundHalfUp, valueFromJson } from '../../shared/value';
import type { Db } from '../db/client';
import type { UnitRow } from '../db/schema';
import { catalogue, toIndicatorDef } from './catalogue';
import { periodOut, unitRows } from './dashboard';
import { judgedLines, partBelow, storedLines } from './target-lines';

// The report of a unit and period, assembled from the same judgement as the dashboard and the
// target lines; shared/report.ts words it. A half-year or a quarter without main targets of its
// own is reported as the mid-year review is held: the year's main targets, the results so far
// against the year's targets, and the pace (docs/rules.md, "Progress inside a longer period").

export interface Report extends ReportModel {
  /** Every indicator with a target or a result in the period: the report's table. */
  table: DashboardRowDto[];
}

const figure = (f: DashboardRowDto['result'] | DashboardRowDto['target']) =>
  f
    ? {
        display: f.display,
        value: f.value,
        ...('numerator' in f && f.numerator !== undefined
          ? { numerator: f.numerator, denominator: f.denominator }
          : {}),
      }
    : null;

function partOf(row: DashboardRowDto | TargetLinePartDto): ReportPart {
  const below = 'below' in row && row.below && row.units ? row : null;
  return {
    code: row.indicator.code,
    name: row.indicator.name,
    unitLabel: row.indicator.unitLabel,
    kind: row.indicator.kind,
    target: figure(row.target),
    result: figure(row.result),
    status: row.status,
    achievement: row.achievement,
    ...(row.result ? { source: row.result.source } : {}),
    ...(below
      ? {
          units: {
            below: below.below!,
            achieved: below.units!.achieved,
            total: below.units!.total,
            rows: (below.unitRows ?? []).map((r) => ({
              name: r.unit.name,
              result: figure(r.result),
              status: r.status,
            })),
          },
        }
      : {}),
  };
}

function summaryOf(lines: ReportLine[], withPace: boolean): ReportModel['summary'] {
  const achieved = lines.filter((l) => isAchieved(l.status)).length;
  // On pace: already met, or every part keeping pace with the days passed.
  const onPace = lines.filter(
    (l) => isAchieved(l.status) || (l.parts.length > 0 && l.parts.every((p) => p.pace === 'on_track')),
  ).length;
  return {
    total: lines.length,
    achieved,
    share: lines.length === 0 ? null : divRoundHalfUp(achieved * 10000, lines.length) / 100,
    ...(withPace ? { onPace } : {}),
  };
}

/**
 * While `period` runs, each cumulative part's pace against the share of its days passed (a
 * term at its mid-term review): parts that add up or carry over and have a target.
 */
function withPace(
  cat: ReturnType<typeof catalogue>,
  lines: ReportLine[],
  period: Period,
  asOf: string,
): { lines: ReportLine[]; elapsed: number | undefined } {
  if (!(asOf >= period.start && asOf < period.end)) return { lines, elapsed: undefined };
  const elapsed = elapsedX100(period, period, asOf);
  let any = false;
  const paced = lines.map((l) => ({
    ...l,
    parts: l.parts.map((p) => {
      const ind = cat.indicatorsByCode.get(p.code);
      if (!ind || p.units || !p.target || !p.result) return p;
      const def = toIndicatorDef(ind);
      if (def.timeAggregate !== 'sum' && def.timeAggregate !== 'last') return p;
      const t = valueFromJson(def, p.target);
      const r = valueFromJson(def, p.result);
      if (!t) return p;
      any = true;
      return {
        ...p,
        pace: pace(def, t, r, achievementX100(def, t, r), elapsed),
        // Only a result found from the periods inside is "so far"; one entered for the period is its own.
        ...(p.source === 'periods' ? { soFar: def.timeAggregate } : {}),
      };
    }),
  }));
  return any ? { lines: paced, elapsed } : { lines, elapsed: undefined };
}

export function buildReport(db: Db, unit: UnitRow, period: Period, asOf: string): Report {
  const cat = catalogue(db);
  const table = unitRows(db, unit, period, asOf, cat.indicators);
  // The single targets, counted as the dashboard counts them ("chỉ tiêu cụ thể").
  const single = summarize(table.map((r) => r.status));
  const base = {
    unit: { id: String(unit.id), name: unit.name, kind: unit.kind },
    period: periodOut(period, asOf),
    countedTo: asOf < period.end ? asOf : period.end,
    table,
  };
  const targets = {
    total: single.withTarget,
    achieved: single.achieved,
    share: single.shareX100 === null ? null : single.shareX100 / 100,
  };
  const report = (
    mode: Report['mode'],
    basis: Period,
    fromIndicators: boolean,
    judged: ReportLine[],
  ): Report => {
    const { lines, elapsed } =
      mode === 'period' ? withPace(cat, judged, period, asOf) : { lines: judged, elapsed: undefined };
    // Results without a target, not already told by a line: "Các kết quả khác".
    const told = new Set(lines.flatMap((l) => l.parts.map((p) => p.code)));
    const others = table.flatMap((r): ReportOther[] =>
      r.result && !r.target && !r.progress && !told.has(r.indicator.code)
        ? [
            {
              code: r.indicator.code,
              name: r.indicator.name,
              unitLabel: r.indicator.unitLabel,
              kind: r.indicator.kind,
              result: figure(r.result)!,
            },
          ]
        : [],
    );
    return {
      ...base,
      mode,
      basis: { code: basis.code, label: basis.label },
      fromIndicators,
      lines,
      others,
      empty: lines.length === 0 && table.length === 0,
      ...(elapsed !== undefined ? { elapsedX100: elapsed } : {}),
      summary: summaryOf(lines, mode === 'progress' || elapsed !== undefined),
      targets: fromIndicators ? null : targets,
    };
  };

  // The committee's own sentences for the period.
  const own = judgedLines(db, unit, period, asOf);
  if (own.lines.length > 0) {
    const lines = own.lines.map((l) => ({ text: l.text, status: l.status, parts: l.parts.map(partOf) }));
    return report('period', period, false, lines);
  }

  // The mid-year review: the year's sentences, judged on the results so far.
  const year = enclosingYear(period);
  const yearLines = year ? (storedLines(db, unit.id, year.code)?.lines ?? []) : [];
  if (year && yearLines.length > 0) {
    const bound = cat.indicators.filter((i) => yearLines.some((l) => l.codes.includes(i.code)));
    const here = new Map(unitRows(db, unit, period, asOf, bound, true).map((r) => [r.indicator.code, r]));
    const yearRows = new Map(unitRows(db, unit, year, asOf, bound, true).map((r) => [r.indicator.code, r]));
    const lines: ReportLine[] = yearLines.map((l) => {
      const parts = l.codes.flatMap((code): ReportPart[] => {
        const row = here.get(code);
        const ind = cat.indicatorsByCode.get(code);
        if (!row || !ind) return [];
        const def = toIndicatorDef(ind);
        const target = row.progress?.target ?? yearRows.get(code)?.target ?? null;
        const result = row.progress ? row.progress.result : row.result;
        const t = valueFromJson(def, target);
        const r = valueFromJson(def, result);
        const a = row.progress ? row.progress.achievement : achievementX100(def, t, r);
        return [
          {
            ...partOf(row),
            target: figure(target),
            result: figure(result),
            // At the review the year goes on: short of its target is "not yet", never "missed".
            status: judge(def, t, r, true),
            achievement: row.progress ? a : a === null ? null : a / 100,
            pace: row.progress?.pace,
            ...(def.timeAggregate === 'sum' || def.timeAggregate === 'last'
              ? { soFar: def.timeAggregate }
              : {}),
          },
        ];
      });
      // A part at the units below: their year so far, which goes on (never "missed" yet).
      const below = (l.parts ?? []).flatMap((p): ReportPart[] => {
        const ind = cat.indicatorsByCode.get(p.code);
        return ind ? [partOf(partBelow(db, cat, unit, ind, p.below, year, asOf, true))] : [];
      });
      const all = [...parts, ...below];
      return { text: l.text, status: lineStatus(all.map((p) => p.status)), parts: all };
    });
    return report('progress', year, false, lines);
  }

  // No sentences written: one line per indicator given a target.
  const lines = table
    .filter((r) => r.target)
    .map((r) => {
      const part = partOf(r);
      const goal = figureText(part, part.target!);
      const text = `${r.indicator.name} ${r.indicator.direction === 'lower' ? 'không quá' : 'đạt'} ${goal}`;
      return { text, status: r.status, parts: [part] };
    });
  return report('period', period, true, lines);
}

/** The report as GET /api/report?format=json answers it: the model with its sentences written. */
export function reportDto(report: Report): ReportDto {
  return {
    ...report,
    lines: report.lines.map((l) => ({ ...l, sentence: lineText(l, report) })),
    others: report.others.map((o) => ({ ...o, sentence: otherText(o) })),
    body: bodyText(report),
    title: reportTitle(report),
    intro: introText(report),
    headline: headlineOf(report),
    summaryText: summaryText(report),
    targetsText: targetsText(report),
    text: reportText(report),
  };
}
