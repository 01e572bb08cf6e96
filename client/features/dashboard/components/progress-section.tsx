import { useId } from 'react';
import { formatNumber } from '../../../../shared/format';
import { PACE_LABELS } from '../../../../shared/progress';
import type { DashboardRowDto, ProgressDto } from '../../../../shared/schemas/dashboard';
import { ScrollBox } from '../../../components/ui/scroll-box';
import { formatAchievement } from '../utils/achievement';
import { FigureCells, FigureHeads } from './chart-notes';

interface ProgressSectionProps {
  rows: DashboardRowDto[];
  period: { code: string; label: string; end: string };
  asOf: string;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function resultShown(p: ProgressDto): string {
  if (!p.result) return 'Chưa có';
  const parts =
    p.result.numerator !== undefined && p.result.denominator !== undefined
      ? ` (${formatNumber(p.result.numerator)}/${formatNumber(p.result.denominator)})`
      : '';
  return `${p.result.display}${parts}`;
}

/**
 * "Tiến độ so với kế hoạch năm" (or "… nhiệm kỳ"): at the mid-year review each indicator that
 * adds up or carries over, the result so far against the longer period's target, and whether
 * it keeps pace with the days gone by (docs/rules.md, "Progress inside a longer period").
 */
export function ProgressSection({ rows, period, asOf }: ProgressSectionProps) {
  const id = useId();
  const withProgress = rows.filter((r): r is DashboardRowDto & { progress: ProgressDto } => !!r.progress);
  if (withProgress.length === 0) return null;
  // Grouped by the longer period: in a year's view, indicators may follow different terms.
  const groups = new Map<string, (DashboardRowDto & { progress: ProgressDto })[]>();
  for (const r of withProgress)
    groups.set(r.progress.period.code, [...(groups.get(r.progress.period.code) ?? []), r]);
  const until = asOf < period.end ? 'đến nay' : `đến hết ${lower(period.label)}`;

  return (
    <>
      {[...groups.values()].map((group) => {
        const enclosing = group[0]!.progress;
        const behind = group.filter((r) => r.progress.pace === 'behind').length;
        const headingId = `${id}-${enclosing.period.code}`;
        return (
          <section key={enclosing.period.code} className="card progress-card" aria-labelledby={headingId}>
            <div className="card-head">
              <h2 id={headingId} className="card-title">
                Tiến độ so với kế hoạch {lower(enclosing.period.label)}
              </h2>
              <p className="card-hint">
                Lũy kế {until}; đã qua {formatNumber(enclosing.elapsed)}% thời gian của{' '}
                {lower(enclosing.period.label)}.{' '}
                {behind === 0 ? 'Tất cả đúng tiến độ.' : `${behind}/${group.length} chỉ tiêu chậm tiến độ.`}
              </p>
            </div>
            <ScrollBox label={`Bảng tiến độ so với kế hoạch ${lower(enclosing.period.label)}`}>
              <table className="data-table progress-table">
                <caption className="visually-hidden">
                  Tiến độ thực hiện so với kế hoạch {lower(enclosing.period.label)}, lũy kế {until}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Chỉ tiêu</th>
                    <FigureHeads
                      level={false}
                      target={`Kế hoạch ${lower(enclosing.period.label)}`}
                      result={`Lũy kế ${until}`}
                      judgement="Tiến độ"
                    />
                  </tr>
                </thead>
                <tbody>
                  {group.map((r) => (
                    <tr key={r.indicator.code} data-progress={r.indicator.code}>
                      <th scope="row" data-label="Chỉ tiêu">
                        {r.indicator.name}
                      </th>
                      <FigureCells
                        level={r.indicator.kind === 'level'}
                        target={r.progress.target.display}
                        result={resultShown(r.progress)}
                        achievement={formatAchievement(r.progress.achievement)}
                        labels={['Kế hoạch', 'Lũy kế', 'Tiến độ']}
                        judgement={
                          <span className={`pace-badge pace-${r.progress.pace}`} data-pace={r.progress.pace}>
                            {PACE_LABELS[r.progress.pace]}
                          </span>
                        }
                      />
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          </section>
        );
      })}
    </>
  );
}
