import { useEffect, useRef } from 'react';
import { currentYear } from '../../shared/vietnam-time';
import { EmptyState } from '../components/ui/empty-state';
import { CompareOverviewSection } from '../features/compare-periods/components/compare-overview-section';
import { CompareToolbar, type ToolbarPatch } from '../features/compare-periods/components/compare-toolbar';
import { IndicatorPeriodsSection } from '../features/compare-periods/components/indicator-periods-section';
import {
  comparedPeriods,
  describeChoice,
  MAX_COMPARED,
  readChoice,
} from '../features/compare-periods/utils/compare-choice';
import { withParams } from '../features/compare-periods/utils/links';
import { useIndicators } from '../features/indicators/api/get-indicators';
import { useUnits } from '../features/units/api/get-units';
import { rootUnits } from '../features/units/utils/unit-tree';
import { PageStatus } from './page-frame';
import { usePageTitle } from './page-state';
import { usePageSearch } from './search';

const PATH = '/so-sanh-ky';

/**
 * "So sánh theo kỳ": a unit's indicators across years, halves, quarters, school years or
 * terms. Without an indicator, every one of them judged in every period; with one
 * (?code=KET_NAP), its chart and the change from each period to the next. Every choice is
 * in the address (?unit=1&kind=h1&from=2022&to=2026&code=KET_NAP).
 */
export function ComparePeriodsPage() {
  const [params, setParams] = usePageSearch(PATH);
  const units = useUnits();
  const indicators = useIndicators();
  const thisYear = currentYear();

  const choice = readChoice(params, thisYear);
  const periods = comparedPeriods(choice);
  const choiceText = describeChoice(choice, periods);

  // Defaults when the address does not say: the first unit the user may read.
  const list = units.data?.units ?? [];
  const unitId = params.unit ?? rootUnits(list)[0]?.id;
  const code = params.code;

  const catalogue = indicators.data?.indicators ?? [];
  const inUse = catalogue.filter((i) => !i.archived).map((i) => ({ code: i.code, name: i.name }));
  const chosen = code ? catalogue.find((i) => i.code === code) : undefined;
  const extraIndicator =
    code && !inUse.some((i) => i.code === code) ? { code, name: chosen?.name ?? code } : null;

  // The whole choice goes to the address at once, so a link shows exactly this view.
  const explicit = {
    unit: unitId,
    kind: choice.kind,
    from: String(choice.from),
    to: String(choice.to),
  };
  const change = (patch: ToolbarPatch) =>
    setParams({
      unit: patch.unit ?? unitId,
      kind: patch.kind ?? choice.kind,
      from: String(patch.from ?? choice.from),
      to: String(patch.to ?? choice.to),
      code: patch.code !== undefined ? patch.code : code,
    });
  const indicatorHref = (c: string) => withParams(PATH, params, { ...explicit, code: c });
  const overviewHref = withParams(PATH, params, { ...explicit, code: undefined });

  const unitName = list.find((u) => u.id === unitId)?.name;
  const heading = unitName ? `So sánh theo kỳ: ${unitName}` : 'So sánh theo kỳ';
  usePageTitle(heading);

  // Into one indicator and back: the focus goes to the heading of what is now shown, unless
  // it is still on a control of the page (the indicator list).
  const headingRef = useRef<HTMLHeadingElement>(null);
  const mounted = useRef(false);
  const view = code ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the focus moves when the view changes.
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body) headingRef.current?.focus({ preventScroll: false });
  }, [view]);

  const noUnits = units.isSuccess && list.length === 0 && !params.unit;
  const codes = periods.map((p) => p.code);
  const tooMany = periods.length > MAX_COMPARED;

  return (
    <div className="page-stack cmpk">
      <CompareToolbar
        unitId={unitId}
        choice={choice}
        periods={periods}
        thisYear={thisYear}
        code={code}
        indicators={inUse}
        extraIndicator={extraIndicator}
        onChange={change}
      />
      <h1 className="page-title">{heading}</h1>
      <PageStatus
        noUnits={noUnits && 'Hãy thêm Đảng bộ và các đơn vị trực thuộc trước.'}
        error={!unitId && units.error}
        onRetry={() => units.refetch()}
        loading="Đang tải…"
        rows={5}
      >
        {unitId &&
          (tooMany || periods.length === 0 ? (
            <div className="card">
              <EmptyState hint="Hãy chọn lại khoảng năm ở phía trên.">
                {tooMany
                  ? `Chỉ so sánh được nhiều nhất ${MAX_COMPARED} kỳ một lần.`
                  : 'Khoảng năm này không có kỳ nào để so sánh.'}
              </EmptyState>
            </div>
          ) : code ? (
            <IndicatorPeriodsSection
              {...{ unitId, periods: codes, choiceText, headingRef }}
              code={code}
              name={chosen?.name}
              overviewHref={overviewHref}
            />
          ) : (
            <CompareOverviewSection
              {...{ unitId, periods: codes, choiceText, headingRef }}
              indicatorHref={indicatorHref}
            />
          ))}
      </PageStatus>
    </div>
  );
}
