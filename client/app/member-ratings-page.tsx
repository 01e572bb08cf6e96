import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { MEMBER_RATING_SHARES } from '../../shared/indicator';
import { parsePeriod } from '../../shared/period';
import { currentYear, todayIso } from '../../shared/vietnam-time';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorState } from '../components/ui/error-state';
import { SkeletonRows } from '../components/ui/loading';
import { useRights } from '../features/auth/utils/use-rights';
import { dashboardQueryOptions } from '../features/dashboard/api/get-dashboard';
import { useIndicators } from '../features/indicators/api/get-indicators';
import { LockBanner } from '../features/locks/components/lock-banner';
import { useMemberRating } from '../features/member-ratings/api/get-member-rating';
import { type BoundShare, MemberRatingForm } from '../features/member-ratings/components/member-rating-form';
import { MemberRatingSaved } from '../features/member-ratings/components/member-rating-saved';
import { PeriodPicker } from '../features/periods/components/period-picker';
import { useUnits } from '../features/units/api/get-units';
import { UnitPicker } from '../features/units/components/unit-picker';
import { rootUnits } from '../features/units/utils/unit-tree';
import { type Selection, setSelection, useSelection } from '../lib/url-state';

/**
 * "Xếp loại đảng viên": a chi bộ reports how many of its members fall in each of the four
 * rating levels for a year; the two shares follow and are written as results. The unit and
 * the period stay in the address (?unit=…&period=2025).
 */
export function MemberRatingsPage() {
  const id = useId();
  const selection = useSelection();
  const units = useUnits();
  const indicators = useIndicators();
  const rights = useRights();

  // Defaults: the first chi bộ the user reports for (else any unit they report for, else the
  // first chi bộ shown), and this year: ratings are yearly.
  const list = units.data?.units ?? [];
  const reporting = list.filter((u) => rights.can('report', u.id));
  const unitId =
    selection.unit ??
    (
      reporting.find((u) => u.kind === 'chi_bo') ??
      reporting[0] ??
      list.find((u) => u.kind === 'chi_bo') ??
      rootUnits(list)[0]
    )?.id;
  const periodCode = selection.period ?? String(currentYear());
  const params = unitId ? { unit: unitId, period: periodCode } : null;

  const rating = useMemberRating(params);
  // The dashboard of the same unit and period: the targets of the two shares, and the lock.
  const dashboard = useQuery({
    ...dashboardQueryOptions(params ?? { unit: '', period: '' }),
    enabled: params !== null,
  });

  const choose = (patch: Selection) => setSelection({ unit: unitId, period: periodCode, ...patch });

  const unit = list.find((u) => u.id === unitId);
  const period = parsePeriod(periodCode);
  const periodLabel = period?.label ?? periodCode;
  const title = unit ? `Xếp loại đảng viên: ${unit.name} — ${periodLabel}` : 'Xếp loại đảng viên';
  useEffect(() => {
    document.title = `${title} · Chỉ tiêu`;
  }, [title]);

  const viewKey = `${unitId}|${periodCode}`;
  const [notice, setNotice] = useState<{ at: string; text: string } | null>(null);

  const catalogue = indicators.data?.indicators ?? [];
  const bound: Partial<Record<(typeof MEMBER_RATING_SHARES)[number], BoundShare>> = {};
  for (const share of MEMBER_RATING_SHARES) {
    const indicator = catalogue.find((i) => i.memberRating === share && i.kind === 'ratio');
    if (!indicator) continue;
    const row = dashboard.data?.rows.find((r) => r.indicator.code === indicator.code);
    bound[share] = { indicator, target: row?.target ?? null };
  }
  const indicatorName = (code: string) => catalogue.find((i) => i.code === code)?.name ?? code;
  const judged = (code: string) => {
    const row = dashboard.data?.rows.find((r) => r.indicator.code === code);
    return row ? { target: row.target?.display ?? null, status: row.status } : undefined;
  };

  const lock = dashboard.data?.lock ?? null;
  const open = dashboard.data?.period.open ?? (period ? period.end >= todayIso() : true);
  const canReport = unit ? rights.can('report', unit.id) : false;
  const hasChildren = list.some((u) => u.parentId === unitId);
  const noUnits = units.isSuccess && list.length === 0 && !selection.unit;
  const failed = rating.error ?? indicators.error;
  const notYearly = period !== null && period.kind !== 'year';

  return (
    <div className="page-stack">
      <section className="card toolbar" aria-label="Chọn đơn vị và kỳ">
        <UnitPicker value={unitId} onChange={(u) => choose({ unit: u })} />
        <PeriodPicker value={periodCode} onChange={(p) => choose({ period: p })} />
      </section>

      <h1 className="page-title">{title}</h1>

      {noUnits ? (
        <div className="card">
          <EmptyState hint="Hãy thêm Đảng bộ và các chi bộ trước.">Chưa có đơn vị nào.</EmptyState>
        </div>
      ) : failed ? (
        <div className="card">
          <ErrorState
            error={failed}
            onRetry={() => {
              void rating.refetch();
              void indicators.refetch();
            }}
          />
        </div>
      ) : !rating.data || !unit || !indicators.data || dashboard.isPending ? (
        <div className="card">
          <SkeletonRows rows={4} label="Đang tải kết quả xếp loại…" />
        </div>
      ) : (
        <>
          {lock && (
            <LockBanner
              unit={{ id: unit.id, name: unit.name }}
              period={{ code: periodCode, label: periodLabel }}
              lock={lock}
              canUnlock={rights.canUnlock}
              onUnlocked={(text) => setNotice({ at: viewKey, text })}
            />
          )}
          {notice?.at === viewKey && (
            <p className="form-success" role="status">
              {notice.text}
            </p>
          )}
          {(hasChildren || notYearly) && (
            <div className="mr-notes">
              {hasChildren && (
                <p className="lock-warning">
                  {unit.name} có các đơn vị trực thuộc: tỷ lệ của đơn vị thường được tổng hợp từ số của các
                  chi bộ. Số nhập ở đây sẽ được dùng thay cho số tổng hợp.
                </p>
              )}
              {notYearly && (
                <p className="lock-warning">
                  Xếp loại đảng viên thường làm mỗi năm một lần; kỳ đang chọn là{' '}
                  {periodLabel.charAt(0).toLowerCase() + periodLabel.slice(1)}.
                </p>
              )}
            </div>
          )}
          <div className={`mr-layout${canReport && !lock ? '' : ' is-readonly'}`}>
            {canReport && !lock && (
              <section className="card mr-form-card">
                <MemberRatingForm
                  key={viewKey}
                  data={rating.data}
                  unit={{ id: unit.id, name: unit.name }}
                  period={{ code: periodCode, label: periodLabel, open }}
                  bound={bound}
                />
              </section>
            )}
            <section className="card mr-saved-card" aria-labelledby={`${id}-saved`}>
              <MemberRatingSaved
                data={rating.data}
                periodLabel={periodLabel}
                indicatorName={indicatorName}
                judged={judged}
                headingId={`${id}-saved`}
              />
              {!canReport && (
                <p className="field-hint mr-readonly-note">
                  Kết quả xếp loại do chi bộ báo cáo; tài khoản của bạn chỉ xem.
                </p>
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}
