import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { appliesAt, MEMBER_RATING_SHARES } from '../../shared/indicator';
import { parsePeriod } from '../../shared/period';
import { kindsText } from '../../shared/unit';
import { todayIso } from '../../shared/vietnam-time';
import { useRights } from '../features/auth/utils/use-rights';
import { dashboardQueryOptions } from '../features/dashboard/api/get-dashboard';
import { useIndicators } from '../features/indicators/api/get-indicators';
import { LockBanner } from '../features/locks/components/lock-banner';
import { useMemberRating } from '../features/member-ratings/api/get-member-rating';
import { type BoundShare, MemberRatingForm } from '../features/member-ratings/components/member-rating-form';
import { MemberRatingSaved } from '../features/member-ratings/components/member-rating-saved';
import { UnitsRatingsTable } from '../features/member-ratings/components/units-ratings-table';
import { rootUnits } from '../features/units/utils/unit-tree';
import { Notice, PageStatus, UnitPeriodToolbar } from './page-frame';
import { usePageTitle, useUnitPeriod, useViewNotice } from './page-state';

/**
 * "Xếp loại đảng viên": a chi bộ reports how many of its members fall in each of the four
 * rating levels for a year; the two shares follow and are written as results. The unit and
 * the period stay in the address (?unit=…&period=2025).
 */
export function MemberRatingsPage() {
  const id = useId();
  const indicators = useIndicators();
  const rights = useRights();

  // Defaults: the first chi bộ the user reports for (else any unit they report for, else the
  // first chi bộ shown), and this year: ratings are yearly.
  const { choose, list, unitId, unit, periodCode, periodLabel, noUnits } = useUnitPeriod(
    '/xep-loai-dang-vien',
    (all) => {
      const reporting = all.filter((u) => rights.can('report', u.id));
      return (
        reporting.find((u) => u.kind === 'chi_bo') ??
        reporting[0] ??
        all.find((u) => u.kind === 'chi_bo') ??
        rootUnits(all)[0]
      );
    },
  );
  const params = unitId ? { unit: unitId, period: periodCode } : null;

  const rating = useMemberRating(params);
  // The dashboard of the same unit and period: the targets of the two shares, and the lock.
  const dashboard = useQuery({
    ...dashboardQueryOptions(params ?? { unit: '', period: '' }),
    enabled: params !== null,
  });

  const period = parsePeriod(periodCode);
  const title = unit ? `Xếp loại đảng viên: ${unit.name} — ${periodLabel}` : 'Xếp loại đảng viên';
  usePageTitle(title);

  const viewKey = `${unitId}|${periodCode}`;
  const [notice, say] = useViewNotice(viewKey);

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
  const failed = rating.error ?? indicators.error;
  const notYearly = period !== null && period.kind !== 'year';
  // The shares apply to some kinds of unit (those with members): a đoàn thể or a department
  // has no members to rate, and is told so instead of being offered a form the server refuses.
  const shares = Object.values(bound);
  const rated = !unit || shares.length === 0 || shares.some((b) => appliesAt(b.indicator, unit.kind));
  const ratedKinds = [...new Set(shares.flatMap((b) => b.indicator.appliesTo ?? []))];

  return (
    <div className="page-stack">
      <UnitPeriodToolbar unit={unitId} period={periodCode} onChange={choose} />
      <h1 className="page-title">{title}</h1>
      <PageStatus
        noUnits={noUnits && 'Hãy thêm Đảng bộ và các chi bộ trước.'}
        error={failed}
        onRetry={() => {
          void rating.refetch();
          void indicators.refetch();
        }}
        loading="Đang tải kết quả xếp loại…"
        rows={4}
      >
        {rating.data && unit && indicators.data && !dashboard.isPending && (
          <>
            {lock && (
              <LockBanner
                unit={{ id: unit.id, name: unit.name }}
                period={{ code: periodCode, label: periodLabel }}
                lock={lock}
                canUnlock={rights.canUnlock}
                onUnlocked={say}
              />
            )}
            <Notice text={notice} />
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
            {!rated && (
              <p className="lock-warning mr-not-rated" role="note">
                {unit.name} không có đảng viên để xếp loại: xếp loại đảng viên chỉ báo cáo ở{' '}
                {kindsText(ratedKinds)}.
              </p>
            )}
            <div className={`mr-layout${canReport && !lock && rated ? '' : ' is-readonly'}`}>
              {canReport && !lock && rated && (
                <section className="card mr-form-card">
                  <MemberRatingForm
                    key={viewKey}
                    // The sum of the units below is not this unit's report: the form starts empty.
                    data={
                      rating.data.rating?.source === 'units' ? { ...rating.data, rating: null } : rating.data
                    }
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
              {(rating.data.units?.length ?? 0) > 0 && (
                <section className="card mr-units-card" aria-labelledby={`${id}-units`}>
                  <UnitsRatingsTable
                    // Only the units with members to rate (where the shares apply), and any that reported.
                    units={(rating.data.units ?? []).filter(
                      (u) =>
                        u.rating !== null ||
                        Object.values(bound).length === 0 ||
                        Object.values(bound).some((b) => appliesAt(b.indicator, u.unit.kind)),
                    )}
                    own={rating.data.rating}
                    ownCapExceeded={rating.data.capExceeded}
                    headingId={`${id}-units`}
                  />
                </section>
              )}
            </div>
          </>
        )}
      </PageStatus>
    </div>
  );
}
