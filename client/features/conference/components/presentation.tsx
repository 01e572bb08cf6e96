import { type TouchEvent, useEffect, useId, useRef, useState } from 'react';
import type { TargetLinesDto } from '../../../../shared/schemas/target-lines';
import { enterFullscreen, exitFullscreen, useIsFullscreen } from '../utils/fullscreen';
import { commandForKey, type SlideCommand, slideAfter } from '../utils/slide-keys';
import { type Slide, slideAnnouncement } from '../utils/slides';
import { ClosingSlide, LineSlide, TitleSlide } from './slide-views';
import '../conference.css';

export const FULLSCREEN_REFUSED =
  'Trình duyệt không cho mở toàn màn hình; trang chiếu vẫn dùng được trong cửa sổ này (phím F11 cũng phóng to được).';

interface PresentationProps {
  deck: TargetLinesDto & { single?: { achieved: number; total: number; share: number | null } | null };
  slides: Slide[];
  /** The slide on screen, 1-based. */
  at: number;
  /** Whether the unit has units under it, whose figures a line slide can show. */
  hasChildren: boolean;
  onGo: (slide: number) => void;
  onLeave: () => void;
  /** A passing message (full screen refused), shown in the control bar. */
  notice: string | null;
  onNotice: (text: string | null) => void;
}

const TYPED_TIMEOUT = 2000;

/** The slides, one at a time, with the keys of a presentation and large buttons to move. */
export function Presentation({
  deck,
  slides,
  at,
  hasChildren,
  onGo,
  onLeave,
  notice,
  onNotice,
}: PresentationProps) {
  const headingId = useId();
  const stageRef = useRef<HTMLElement>(null);
  const fullscreen = useIsFullscreen();
  const total = slides.length;
  const slide = slides[at - 1] ?? slides[0]!;
  // The breakdown by unit is asked for one slide at a time.
  const [byUnitsAt, setByUnitsAt] = useState<number | null>(null);
  const byUnits = byUnitsAt === at;
  const canBreakDown = hasChildren && slide.kind === 'line' && slide.line.parts.length > 0;

  const toggleFullscreen = () => {
    if (document.fullscreenElement) exitFullscreen();
    else
      void enterFullscreen().then((ok) => {
        if (!ok) onNotice(FULLSCREEN_REFUSED);
      });
  };

  // The latest of everything the key handler needs, without adding and removing it each time.
  const latest = useRef({ at, total, onGo, onLeave, toggleFullscreen });
  latest.current = { at, total, onGo, onLeave, toggleFullscreen };

  // The focus starts on the stage, which stays while the slides change inside it.
  useEffect(() => {
    stageRef.current?.focus({ preventScroll: true });
  }, []);

  // A slide taller than a phone starts at its top, whatever the previous one was scrolled to.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the slide changes.
  useEffect(() => {
    stageRef.current?.scrollTo({ top: 0 });
  }, [at]);

  useEffect(() => {
    let typed = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = (command: SlideCommand) => {
      const s = latest.current;
      if (command.type === 'exit') {
        if (document.fullscreenElement) exitFullscreen();
        else s.onLeave();
        return;
      }
      if (command.type === 'fullscreen') {
        s.toggleFullscreen();
        return;
      }
      const next = slideAfter(command, s.at, s.total);
      if (next !== null && next !== s.at) s.onGo(next);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const outcome = commandForKey(
        {
          key: event.key,
          ctrlKey: event.ctrlKey,
          altKey: event.altKey,
          metaKey: event.metaKey,
          shiftKey: event.shiftKey,
          onControl: Boolean(target?.closest('button, a[href], summary')),
        },
        typed,
      );
      typed = outcome.typed;
      clearTimeout(timer);
      if (typed) timer = setTimeout(() => (typed = ''), TYPED_TIMEOUT);
      if (!outcome.command) return;
      // Space and the arrows would scroll the page; Esc would close the dialog on its own.
      event.preventDefault();
      run(outcome.command);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      clearTimeout(timer);
    };
  }, []);

  // A passing notice goes away by itself.
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => onNotice(null), 9000);
    return () => clearTimeout(timer);
  }, [notice, onNotice]);

  // A swipe across a phone or a tablet moves like the arrows.
  const touch = useRef<{ x: number; y: number } | null>(null);
  const onTouchStart = (e: TouchEvent) => {
    const t = e.touches[0];
    touch.current = e.touches.length === 1 && t ? { x: t.clientX, y: t.clientY } : null;
  };
  const onTouchEnd = (e: TouchEvent) => {
    const start = touch.current;
    const t = e.changedTouches[0];
    touch.current = null;
    if (!start || !t) return;
    const dx = t.clientX - start.x;
    const dy = t.clientY - start.y;
    if (Math.abs(dx) < 60 || Math.abs(dx) < 1.5 * Math.abs(dy)) return;
    const next = slideAfter({ type: dx < 0 ? 'next' : 'previous' }, at, total);
    if (next !== null && next !== at) onGo(next);
  };

  const go = (n: number) => {
    if (n >= 1 && n <= total && n !== at) onGo(n);
  };

  return (
    <div className="conf-frame" data-slide-kind={slide.kind}>
      <section
        ref={stageRef}
        className="conf-stage"
        tabIndex={-1}
        aria-roledescription="trang chiếu"
        aria-label={`Trang ${at}/${total}`}
        aria-describedby={headingId}
        onTouchStart={onTouchStart}
        onTouchEnd={onTouchEnd}
      >
        <div key={at} className="conf-slide-wrap" data-testid="conf-slide" data-slide={at}>
          {slide.kind === 'title' ? (
            <TitleSlide deck={deck} headingId={headingId} />
          ) : slide.kind === 'closing' ? (
            <ClosingSlide deck={deck} headingId={headingId} />
          ) : (
            <LineSlide
              deck={deck}
              number={slide.number}
              line={slide.line}
              headingId={headingId}
              byUnits={byUnits && canBreakDown}
            />
          )}
        </div>
      </section>

      <p
        className="visually-hidden"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-testid="conf-announcement"
      >
        {slideAnnouncement(slide, at, total, deck)}
      </p>

      <nav className="conf-bar" aria-label="Điều khiển trình chiếu">
        {notice && (
          <p className="conf-notice" role="status">
            {notice}
          </p>
        )}
        <button
          type="button"
          className="conf-button conf-nav-button"
          aria-disabled={at <= 1}
          onClick={() => go(at - 1)}
        >
          <span aria-hidden="true">‹</span> Trước
        </button>

        <div className="conf-bar-middle">
          <p className="conf-counter" data-testid="conf-counter">
            <span className="visually-hidden">Trang </span>
            {at}/{total}
          </p>
          <div className="conf-progress" aria-hidden="true">
            <span style={{ width: `${(at / total) * 100}%` }} />
          </div>
        </div>

        <div className="conf-bar-tools">
          {canBreakDown && (
            <button
              type="button"
              className="conf-button conf-tool"
              aria-pressed={byUnits}
              onClick={() => setByUnitsAt(byUnits ? null : at)}
            >
              Theo đơn vị
            </button>
          )}
          {/* An iPhone has no full screen for pages: the window is all there is. */}
          {document.fullscreenEnabled && (
            <button type="button" className="conf-button conf-tool" onClick={toggleFullscreen}>
              {fullscreen ? 'Thoát toàn màn hình' : 'Toàn màn hình'}
            </button>
          )}
          <button type="button" className="conf-button conf-tool" onClick={onLeave}>
            Kết thúc
          </button>
        </div>

        <button
          type="button"
          className="conf-button conf-nav-button conf-next"
          aria-disabled={at >= total}
          onClick={() => go(at + 1)}
        >
          Tiếp <span aria-hidden="true">›</span>
        </button>
      </nav>
    </div>
  );
}
