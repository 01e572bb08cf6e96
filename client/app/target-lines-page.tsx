import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { parsePeriod } from '../../shared/period';
import { currentYear } from '../../shared/vietnam-time';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorState } from '../components/ui/error-state';
import { SkeletonRows } from '../components/ui/loading';
import { useRights } from '../features/auth/utils/use-rights';
import { dashboardQueryOptions } from '../features/dashboard/api/get-dashboard';
import { useIndicators } from '../features/indicators/api/get-indicators';
import { LockBanner } from '../features/locks/components/lock-banner';
import { PeriodPicker } from '../features/periods/components/period-picker';
import { useTargetLines } from '../features/target-lines/api/get-target-lines';
import { TargetLinesEditor } from '../features/target-lines/components/target-lines-editor';
import { TargetLinesSummary } from '../features/target-lines/components/target-lines-summary';
import { useUnits } from '../features/units/api/get-units';
import { UnitPicker } from '../features/units/components/unit-picker';
import { rootUnits } from '../features/units/utils/unit-tree';
import { type Selection, setSelection, useSelection } from '../lib/url-state';

/**
 * "Chỉ tiêu chủ yếu": the sentences of a unit's resolution for a period, each bound to
 * indicator targets and judged from them, headed by "N/M chỉ tiêu đạt và vượt (P%)". The
 * unit and the period stay in the address (?unit=…&period=2023).
 */
export function TargetLinesPage() {
  const headingId = useId();
  const selection = useSelection();
  const units = useUnits();
  const indicators = useIndicators();
  const rights = useRights();

  // Defaults: the first unit the user plans for (else the first one shown), this year.
  const list = units.data?.units ?? [];
  const unitId = selection.unit ?? (list.find((u) => rights.can('plan', u.id)) ?? rootUnits(list)[0])?.id;
  const periodCode = selection.period ?? String(currentYear());
  const params = unitId ? { unit: unitId, period: periodCode } : null;

  const lines = useTargetLines(params);
  // The dashboard of the same unit and period: the targets to choose from, and the lock.
  const dashboard = useQuery({
    ...dashboardQueryOptions(params ?? { unit: '', period: '' }),
    enabled: params !== null,
  });

  const choose = (patch: Selection) => setSelection({ unit: unitId, period: periodCode, ...patch });

  const unitName = list.find((u) => u.id === unitId)?.name ?? lines.data?.unit.name;
  const periodLabel = parsePeriod(periodCode)?.label ?? periodCode;
  useEffect(() => {
    document.title = unitName
      ? `Chỉ tiêu chủ yếu: ${unitName} — ${periodLabel} · Chỉ tiêu`
      : 'Chỉ tiêu chủ yếu · Chỉ tiêu';
  }, [unitName, periodLabel]);

  // "Đã mở khóa…": said once, for the unit and period it was about.
  const viewKey = `${unitId}|${periodCode}`;
  const [notice, setNotice] = useState<{ at: string; text: string } | null>(null);

  const data = lines.data;
  const lock = dashboard.data?.lock ?? null;
  const fallbackHeading = unitName ? `Chỉ tiêu chủ yếu: ${unitName} — ${periodLabel}` : 'Chỉ tiêu chủ yếu';
  const noUnits = units.isSuccess && list.length === 0 && !selection.unit;
  const failed = lines.error ?? indicators.error;

  return (
    <div className="page-stack">
      <section className="card toolbar" aria-label="Chọn đơn vị và kỳ">
        <UnitPicker value={unitId} onChange={(unit) => choose({ unit })} />
        <PeriodPicker value={periodCode} onChange={(period) => choose({ period })} />
      </section>

      {noUnits ? (
        <>
          <h1 className="page-title">Chỉ tiêu chủ yếu</h1>
          <div className="card">
            <EmptyState hint="Hãy thêm Đảng bộ và các đơn vị trực thuộc trước.">
              Chưa có đơn vị nào.
            </EmptyState>
          </div>
        </>
      ) : failed ? (
        <>
          <h1 className="page-title">{fallbackHeading}</h1>
          <div className="card">
            <ErrorState
              error={failed}
              onRetry={() => {
                void lines.refetch();
                void indicators.refetch();
              }}
            />
          </div>
        </>
      ) : !data || !indicators.data || dashboard.isPending ? (
        <>
          <h1 className="page-title">{fallbackHeading}</h1>
          <div className="card">
            <SkeletonRows rows={4} label="Đang tải các chỉ tiêu chủ yếu…" />
          </div>
        </>
      ) : (
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
                    onUnlocked={(text) => setNotice({ at: viewKey, text })}
                  />
                )
              }
            />
            {notice?.at === viewKey && (
              <p className="form-success" role="status">
                {notice.text}
              </p>
            )}
          </section>
          <section className="card" aria-labelledby={`${headingId}-lines`}>
            <div className="card-head">
              <h2 id={`${headingId}-lines`} className="card-title">
                Các chỉ tiêu chủ yếu
              </h2>
              <p className="card-hint">
                Mỗi dòng là một câu của nghị quyết, gắn với một hay nhiều chỉ tiêu; dòng được đánh giá theo
                chỉ tiêu có kết quả kém nhất.
              </p>
            </div>
            <TargetLinesEditor
              key={`${data.unit.id}|${data.period.code}`}
              data={data}
              rows={dashboard.data?.rows}
              indicators={indicators.data.indicators}
              canPlan={rights.can('plan', data.unit.id)}
              locked={lock !== null}
            />
          </section>
        </>
      )}
    </div>
  );
}
