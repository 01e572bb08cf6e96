import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useRights } from '../features/auth/utils/use-rights';
import { dashboardQueryOptions } from '../features/dashboard/api/get-dashboard';
import { useIndicators } from '../features/indicators/api/get-indicators';
import { LockBanner } from '../features/locks/components/lock-banner';
import { useTargetLines } from '../features/target-lines/api/get-target-lines';
import { TargetLinesEditor } from '../features/target-lines/components/target-lines-editor';
import { TargetLinesSummary } from '../features/target-lines/components/target-lines-summary';
import { rootUnits } from '../features/units/utils/unit-tree';
import { Card, Notice, PageStatus, UnitPeriodToolbar } from './page-frame';
import { usePageTitle, useUnitPeriod, useViewNotice } from './page-state';

/**
 * "Chỉ tiêu chủ yếu": the sentences of a unit's resolution for a period, each bound to
 * indicator targets and judged from them, headed by "N/M chỉ tiêu đạt và vượt (P%)". The
 * unit and the period stay in the address (?unit=…&period=2023).
 */
export function TargetLinesPage() {
  const headingId = useId();
  const indicators = useIndicators();
  const rights = useRights();

  // Defaults: the first unit the user plans for (else the first one shown), this year.
  const { choose, unitId, unit, periodCode, periodLabel, noUnits } = useUnitPeriod(
    '/chi-tieu-chu-yeu',
    (list) => list.find((u) => rights.can('plan', u.id)) ?? rootUnits(list)[0],
  );
  const params = unitId ? { unit: unitId, period: periodCode } : null;

  const lines = useTargetLines(params);
  // The dashboard of the same unit and period: the targets to choose from, and the lock.
  const dashboard = useQuery({
    ...dashboardQueryOptions(params ?? { unit: '', period: '' }),
    enabled: params !== null,
  });

  const unitName = unit?.name ?? lines.data?.unit.name;
  const heading = unitName ? `Chỉ tiêu chủ yếu: ${unitName} — ${periodLabel}` : 'Chỉ tiêu chủ yếu';
  usePageTitle(heading);

  // "Đã mở khóa…": said once, for the unit and period it was about.
  const viewKey = `${unitId}|${periodCode}`;
  const [notice, say] = useViewNotice(viewKey);

  const data = lines.data;
  const lock = dashboard.data?.lock ?? null;
  const failed = lines.error ?? indicators.error;

  return (
    <div className="page-stack">
      <UnitPeriodToolbar unit={unitId} period={periodCode} onChange={choose} />
      <PageStatus
        heading={heading}
        noUnits={noUnits && 'Hãy thêm Đảng bộ và các đơn vị trực thuộc trước.'}
        error={failed}
        onRetry={() => {
          void lines.refetch();
          void indicators.refetch();
        }}
        loading="Đang tải các chỉ tiêu chủ yếu…"
        rows={4}
      >
        {data && indicators.data && !dashboard.isPending && (
          <>
            <section className="card summary-card" aria-labelledby={headingId}>
              <TargetLinesSummary
                data={data}
                headingId={headingId}
                editable={rights.can('plan', data.unit.id) && lock === null}
                banner={
                  lock && (
                    <LockBanner
                      unit={data.unit}
                      period={data.period}
                      lock={lock}
                      canUnlock={rights.canUnlock}
                      onUnlocked={say}
                    />
                  )
                }
              />
              <Notice text={notice} />
            </section>
            <Card
              title="Các chỉ tiêu chủ yếu"
              hint="Mỗi dòng là một câu của nghị quyết, gắn với một hay nhiều chỉ tiêu; dòng được đánh giá theo chỉ tiêu có kết quả kém nhất."
            >
              <TargetLinesEditor
                key={`${data.unit.id}|${data.period.code}`}
                data={data}
                rows={dashboard.data?.rows}
                indicators={indicators.data.indicators}
                canPlan={rights.can('plan', data.unit.id)}
                locked={lock !== null}
              />
            </Card>
          </>
        )}
      </PageStatus>
    </div>
  );
}
