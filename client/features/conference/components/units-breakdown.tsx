import { useId } from 'react';
import { STATUS_LABELS } from '../../../../shared/judgement';
import type { DashboardRowDto } from '../../../../shared/schemas/dashboard';
import { Loaded } from '../../../components/ui/loaded';
import { Loading } from '../../../components/ui/loading';
import { useDashboardUnits } from '../../dashboard/api/get-dashboard-units';
import { LazyUnitsChart } from '../../dashboard/components/chart-notes';
import { partFigures } from '../utils/slides';

// The dashboard's chart by unit, drawn larger; it carries Recharts, so it loads on demand.

/** How much larger than on the dashboard: more on a tall screen, never smaller than there. */
function chartScale(): number {
  if (typeof window === 'undefined') return 1.4;
  const h = window.innerHeight;
  const w = window.innerWidth;
  if (w < 700) return 1.15;
  return Math.min(1.9, Math.max(1.1, h / 620));
}

/** The first part of a line, unit by unit: who under the committee carried the target. */
export function UnitsBreakdown({
  parentId,
  period,
  part,
}: {
  parentId: string;
  period: { code: string; label: string };
  part: DashboardRowDto;
}) {
  const id = useId();
  const query = useDashboardUnits({ parent: parentId, code: part.indicator.code, period: period.code });
  const data = query.data?.indicator.code === part.indicator.code ? query.data : undefined;
  const drawn = data?.rows.filter((r) => r.target !== null || r.result !== null) ?? [];

  return (
    <figure className="conf-figure conf-units" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="conf-figure-title">
        {part.indicator.name} theo đơn vị trực thuộc
      </figcaption>
      <Loaded
        query={query}
        data={data}
        errorTitle="Không tải được số liệu theo đơn vị"
        loading={<Loading label="Đang tải số liệu theo đơn vị…" />}
      >
        {(data) =>
          drawn.length === 0 ? (
            <p className="conf-note">Chưa đơn vị trực thuộc nào có kế hoạch hay kết quả của chỉ tiêu này.</p>
          ) : !drawn.some((r) => r.result) ? (
            // Targets alone compare nothing: a sentence, as on the dashboard, not grey bars.
            <p className="conf-note" data-testid="chart-no-results">
              Chưa đơn vị trực thuộc nào có kết quả của chỉ tiêu này trong{' '}
              {period.label.charAt(0).toLowerCase() + period.label.slice(1)}, nên chưa có gì để so sánh;{' '}
              {drawn.length} đơn vị đã được giao kế hoạch.
            </p>
          ) : (
            <>
              <div className="conf-units-canvas" aria-hidden="true">
                <LazyUnitsChart data={data} scale={chartScale()} />
              </div>
              {/* What the chart draws, for those who cannot see it. */}
              <ul className="visually-hidden">
                {drawn.map((r) => {
                  const f = partFigures({
                    ...part,
                    target: r.target,
                    result: r.result,
                    status: r.status,
                    achievement: r.achievement,
                  });
                  return (
                    <li key={r.unit.id}>
                      {r.unit.name}: kế hoạch {f.target ?? 'chưa giao'}, thực hiện{' '}
                      {f.result ? `${f.result}${f.ratio ? ` (${f.ratio})` : ''}` : 'chưa có số liệu'};{' '}
                      {STATUS_LABELS[r.status]}.
                    </li>
                  );
                })}
              </ul>
            </>
          )
        }
      </Loaded>
    </figure>
  );
}
