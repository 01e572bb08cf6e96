import { useEffect, useId, useRef } from 'react';
import type { TargetLinesDto } from '../../../../shared/schemas/target-lines';
import { StatusBadge } from '../../../components/ui/status-badge';
import { type Slide, singleSentence, slideLabel, summarySentence } from '../utils/slides';
import '../conference.css';

const KEYS: [string, string][] = [
  ['→, Page Down, phím cách', 'trang sau'],
  ['←, Page Up', 'trang trước'],
  ['Home, End', 'trang đầu, trang cuối'],
  ['số trang rồi Enter', 'đến trang đó'],
  ['F', 'bật, tắt toàn màn hình'],
  ['Esc', 'thoát toàn màn hình, bấm lần nữa để kết thúc'],
];

/**
 * Before the conference: what the slides will be, in order, and the button that starts them.
 * Any slide of the list can start the presentation from there.
 */
export function ConferenceSetup({
  deck,
  slides,
  onStart,
  focusStart,
}: {
  deck: TargetLinesDto & { single?: { achieved: number; total: number; share: number | null } | null };
  slides: Slide[];
  onStart: (slide: number) => void;
  /** Back from the presentation: the focus returns to the button that started it. */
  focusStart: boolean;
}) {
  const id = useId();
  const startRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusStart) startRef.current?.focus();
  }, [focusStart]);

  return (
    <>
      <section className="card conf-setup" aria-labelledby={`${id}-start`}>
        <div className="conf-setup-head">
          <div>
            <p className="conf-setup-summary" data-testid="conf-setup-summary">
              {summarySentence(deck.summary)}
            </p>
            {singleSentence(deck.single) && (
              <p className="card-hint" data-testid="conf-setup-single">
                {singleSentence(deck.single)}
              </p>
            )}
            <p className="card-hint">
              {slides.length} trang: trang mở đầu, {deck.lines.length} chỉ tiêu chủ yếu, mỗi chỉ tiêu một
              trang, và trang tổng hợp.
            </p>
          </div>
          <button
            ref={startRef}
            id={`${id}-start`}
            type="button"
            className="button conf-start"
            onClick={() => onStart(1)}
          >
            Bắt đầu trình chiếu
          </button>
        </div>
        <details className="conf-keys">
          <summary>Phím điều khiển khi trình chiếu</summary>
          <dl>
            {KEYS.map(([keys, what]) => (
              <div key={keys}>
                <dt>{keys}</dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </details>
      </section>

      <section className="card" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`} className="card-title">
          Các trang chiếu
        </h2>
        <ol className="conf-slide-list" data-testid="conf-slide-list">
          {slides.map((slide, i) => (
            <li key={slide.kind === 'line' ? `line-${slide.number}` : slide.kind}>
              <button type="button" className="conf-slide-item" onClick={() => onStart(i + 1)}>
                <span className="conf-slide-item-number">
                  <span className="visually-hidden">Trình chiếu từ trang </span>
                  {i + 1}
                </span>
                <span className="conf-slide-item-text">{slideLabel(slide)}</span>
                {slide.kind === 'line' && <StatusBadge status={slide.line.status} />}
              </button>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
