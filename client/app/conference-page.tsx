import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorState } from '../components/ui/error-state';
import { Loading } from '../components/ui/loading';
import { ConferenceSetup } from '../features/conference/components/conference-setup';
import { FULLSCREEN_REFUSED, Presentation } from '../features/conference/components/presentation';
import { ShowDialog } from '../features/conference/components/show-dialog';
import { enterFullscreen, exitFullscreen } from '../features/conference/utils/fullscreen';
import { buildSlides, emptyMessage, slideFromParam } from '../features/conference/utils/slides';
import { dashboardQueryOptions } from '../features/dashboard/api/get-dashboard';
import { useTargetLines } from '../features/target-lines/api/get-target-lines';
import { rootUnits } from '../features/units/utils/unit-tree';
import { PageStatus, UnitPeriodToolbar } from './page-frame';
import { usePageTitle, useUnitPeriod } from './page-state';

/**
 * "Trình chiếu": the review conference's slides, one per "chỉ tiêu chủ yếu" of a unit and
 * period, between a title slide and a closing summary. The address holds the unit, the period
 * and the slide on screen (?unit=…&period=2021&slide=3), so a reload resumes where it was.
 */
export function ConferencePage() {
  // Defaults: the first root and this year.
  const {
    search: params,
    change: setParams,
    choose,
    units,
    list,
    unitId,
    unit,
    periodCode,
    periodLabel,
    noUnits,
  } = useUnitPeriod('/trinh-chieu', (all) => rootUnits(all)[0]);
  const lines = useTargetLines(unitId ? { unit: unitId, period: periodCode } : null);
  // The single targets of the same unit and period, said under the lines ("chỉ tiêu cụ thể").
  const dashboard = useQuery({
    ...dashboardQueryOptions({ unit: unitId ?? '', period: periodCode }),
    enabled: !!unitId,
  });
  const summary = dashboard.data?.summary;
  const deck = useMemo(
    () =>
      lines.data && {
        ...lines.data,
        single: summary
          ? { achieved: summary.achieved, total: summary.withTarget, share: summary.share }
          : null,
      },
    [lines.data, summary],
  );
  const slides = useMemo(() => buildSlides(deck?.lines ?? []), [deck]);

  const presenting = params.slide !== undefined;
  const at = slideFromParam(params.slide, slides.length);
  const hasChildren = list.some((u) => u.parentId === unitId);

  const unitName = unit?.name ?? deck?.unit.name;
  const heading = unitName ? `Trình chiếu: ${unitName} — ${periodLabel}` : 'Trình chiếu';
  usePageTitle(presenting && at ? `${at}/${slides.length} · ${heading}` : heading);

  // A slide number outside the deck (the list got shorter since) is corrected in place, and
  // a deck that turned out empty has no slide to show.
  useEffect(() => {
    if (!presenting || !deck) return;
    const wanted = at === null ? undefined : String(at);
    if (params.slide !== wanted) setParams({ slide: wanted }, 'replace');
  }, [presenting, deck, at, params.slide, setParams]);

  const [notice, setNotice] = useState<string | null>(null);
  const [returned, setReturned] = useState(false);

  const start = (slide: number) => {
    setNotice(null);
    // Asked here, inside the click: browsers grant full screen only in answer to a gesture.
    void enterFullscreen().then((ok) => {
      if (!ok) setNotice(FULLSCREEN_REFUSED);
    });
    setParams({ unit: unitId, period: periodCode, slide: String(slide) }, 'push');
  };

  const go = useCallback((slide: number) => setParams({ slide: String(slide) }, 'replace'), [setParams]);
  const leave = useCallback(() => {
    exitFullscreen();
    setReturned(true);
    setParams({ slide: undefined }, 'push');
  }, [setParams]);

  if (presenting && !(deck && slides.length === 0)) {
    return (
      <ShowDialog label={heading} onLeave={leave}>
        {deck && at !== null ? (
          <Presentation
            deck={deck}
            slides={slides}
            at={at}
            hasChildren={hasChildren}
            onGo={go}
            onLeave={leave}
            notice={notice}
            onNotice={setNotice}
          />
        ) : lines.isError || units.isError || noUnits ? (
          <div className="conf-frame conf-state">
            <ErrorState
              title="Không mở được trang chiếu"
              error={lines.error ?? units.error ?? new Error('Chưa có đơn vị nào.')}
              onRetry={() => {
                void units.refetch();
                void lines.refetch();
              }}
            />
            <button type="button" className="conf-button" onClick={leave}>
              Kết thúc
            </button>
          </div>
        ) : (
          <div className="conf-frame conf-state">
            <Loading label="Đang tải các chỉ tiêu chủ yếu…" />
          </div>
        )}
      </ShowDialog>
    );
  }

  return (
    <div className="page-stack">
      <UnitPeriodToolbar unit={unitId} period={periodCode} onChange={choose} />
      <h1 className="page-title">{heading}</h1>
      <PageStatus
        noUnits={noUnits && 'Hãy thêm Đảng bộ và các đơn vị trực thuộc trước.'}
        error={lines.error}
        onRetry={() => lines.refetch()}
        loading="Đang tải các chỉ tiêu chủ yếu…"
        rows={4}
      >
        {deck &&
          (slides.length === 0 ? (
            <div className="card">
              <EmptyState hint="Chọn kỳ khác, hoặc soạn các chỉ tiêu chủ yếu ở trang “Chỉ tiêu chủ yếu”.">
                {emptyMessage(deck.unit.name, deck.period.label)}
              </EmptyState>
            </div>
          ) : (
            <ConferenceSetup deck={deck} slides={slides} onStart={start} focusStart={returned} />
          ))}
      </PageStatus>
    </div>
  );
}
