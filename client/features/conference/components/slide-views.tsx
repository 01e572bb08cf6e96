import { lazy, Suspense } from 'react';
import { STATUS_LABELS } from '../../../../shared/judgement';
import type { DashboardRowDto } from '../../../../shared/schemas/dashboard';
import type { TargetLineDto, TargetLinesDto } from '../../../../shared/schemas/target-lines';
import { Loading } from '../../../components/ui/loading';
import { StatusBadge } from '../../../components/ui/status-badge';
import {
  belowUnits,
  levelSteps,
  partBars,
  partDescription,
  partFigures,
  partScale,
  sentenceSize,
  singleSentence,
  summarySentence,
  verdictCounts,
} from '../utils/slides';
import { UnitsBreakdown } from './units-breakdown';
import './slides-resolutions.css';

// The three kinds of slide. Each has one h2, the thing a person at the back must read; the
// rest is as little as the review needs: the verdict in a word and a colour, the figures.

/** More parts than this on one slide and their charts would be too small to read. */
const MAX_CHARTS = 3;

const PartChart = lazy(() => import('./part-chart').then((m) => ({ default: m.PartChart })));

type Deck = Pick<TargetLinesDto, 'unit' | 'period' | 'summary' | 'lines'> & {
  /** The single targets of the same unit and period, from its dashboard ("chỉ tiêu cụ thể"). */
  single?: { achieved: number; total: number; share: number | null } | null;
};

function Summary({ deck }: { deck: Deck }) {
  const single = singleSentence(deck.single);
  return (
    <>
      <p className="conf-summary" data-testid="conf-summary">
        {summarySentence(deck.summary)}
      </p>
      {single && (
        <p className="conf-summary-single" data-testid="conf-summary-single">
          {single}
        </p>
      )}
    </>
  );
}

function VerdictCounts({ lines }: { lines: TargetLineDto[] }) {
  return (
    <ul className="conf-counts" aria-label="Số chỉ tiêu theo đánh giá">
      {verdictCounts(lines).map(({ status, count }) => (
        <li key={status} className={`conf-count status-${status}`} data-status={status}>
          <span className="conf-count-word">{STATUS_LABELS[status]}</span>{' '}
          <span className="conf-count-number">{count}</span>
        </li>
      ))}
    </ul>
  );
}

export function TitleSlide({ deck, headingId }: { deck: Deck; headingId: string }) {
  return (
    <div className="conf-slide conf-slide-title">
      <p className="conf-title-unit">{deck.unit.name}</p>
      <h2 id={headingId} className="conf-title-heading" tabIndex={-1}>
        Kết quả thực hiện các chỉ tiêu chủ yếu{' '}
        <span className="conf-title-period">— {deck.period.label}</span>
      </h2>
      <Summary deck={deck} />
      <VerdictCounts lines={deck.lines} />
    </div>
  );
}

export function ClosingSlide({ deck, headingId }: { deck: Deck; headingId: string }) {
  return (
    <div className="conf-slide conf-slide-closing">
      <p className="conf-slide-context">
        {deck.unit.name} · {deck.period.label}
      </p>
      <h2 id={headingId} className="conf-closing-heading" tabIndex={-1}>
        Tổng hợp kết quả thực hiện các chỉ tiêu chủ yếu
      </h2>
      <Summary deck={deck} />
      <VerdictCounts lines={deck.lines} />
      <ol className="conf-tiles" aria-label="Đánh giá từng chỉ tiêu">
        {deck.lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are numbered by their place
          <li key={i} className={`conf-tile status-${line.status}`} data-status={line.status}>
            <span className="conf-tile-number">
              <span className="visually-hidden">Chỉ tiêu </span>
              {i + 1}
            </span>
            <span className="conf-tile-word">{STATUS_LABELS[line.status]}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function LevelLadder({ part }: { part: DashboardRowDto }) {
  const steps = levelSteps(part);
  return (
    <ol className="conf-ladder" aria-label={`Các mức, từ thấp đến cao: ${part.indicator.name}`}>
      {steps.map((s) => (
        <li
          key={s.level}
          className={`conf-ladder-step${s.result ? ` is-result status-${part.status}` : ''}${s.target ? ' is-target' : ''}`}
        >
          <span className="conf-ladder-level">{s.level}</span>
          {(s.target || s.result) && (
            <span className="conf-ladder-marks">
              {s.target && <span className="conf-mark conf-mark-target">Kế hoạch</span>}
              {s.result && <span className="conf-mark conf-mark-result">Thực hiện</span>}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}

function Part({
  part,
  single,
  labelChars,
  compact,
}: {
  part: DashboardRowDto;
  single: boolean;
  labelChars: number;
  /** Many parts on one slide: words and figures only. */
  compact: boolean;
}) {
  const f = partFigures(part);
  const scale = partScale(part);
  const units = belowUnits(part);
  const extra = [f.achievement && `Tỷ lệ so với kế hoạch ${f.achievement}`, f.source]
    .filter(Boolean)
    .join(' · ');
  return (
    <li className="conf-part" data-code={part.indicator.code} data-status={part.status}>
      <p className="conf-part-name">
        <span>{part.indicator.name}</span>
        {!single && <StatusBadge status={part.status} className="conf-part-status" />}
      </p>
      <p className="conf-part-figures">
        <span>
          Kế hoạch <strong>{f.target ?? 'chưa giao'}</strong>
        </span>
        {/* The arrow leads the result, so a line too long for the slide breaks before it. */}
        <span>
          <span className="conf-arrow" aria-hidden="true">
            →{' '}
          </span>
          <span className="visually-hidden">; </span>
          Thực hiện{' '}
          {f.result ? (
            <strong>
              {f.result}
              {f.ratio && <span className="conf-ratio"> ({f.ratio})</span>}
            </strong>
          ) : (
            <strong className="conf-missing">chưa có số liệu</strong>
          )}
        </span>
      </p>
      {extra && <p className="conf-part-extra">{extra}</p>}
      {units ? (
        <ul className="conf-part-units">
          {units.rows.map((r) => (
            <li key={r.unit.id}>
              <span>{r.unit.name}</span> <strong>{r.result?.display ?? 'chưa có số liệu'}</strong>{' '}
              <StatusBadge status={r.status} />
            </li>
          ))}
        </ul>
      ) : compact ? null : scale === 'level' ? (
        <LevelLadder part={part} />
      ) : (
        <div className="conf-part-chart" role="img" aria-label={`Biểu đồ: ${partDescription(part)}`}>
          <Suspense fallback={<Loading label="Đang vẽ biểu đồ…" />}>
            <PartChart bars={partBars(part)} scale={scale} labelChars={labelChars} />
          </Suspense>
        </div>
      )}
    </li>
  );
}

export function LineSlide({
  deck,
  number,
  line,
  headingId,
  byUnits,
}: {
  deck: Deck;
  number: number;
  line: TargetLineDto;
  headingId: string;
  /** Draw the first part unit by unit instead of the parts' own charts. */
  byUnits: boolean;
}) {
  const first = line.parts[0];
  const count = line.parts.length;
  // The same room for the figures after the bars of every part, so their axes line up.
  const labelChars = Math.max(0, ...line.parts.flatMap((p) => partBars(p).map((b) => b.label.length)));
  return (
    <div
      className={`conf-slide conf-slide-line parts-${count > MAX_CHARTS ? 'many' : count}`}
      data-testid="conf-line"
      data-status={line.status}
    >
      <div className="conf-line-main">
        <p className="conf-slide-context">
          <span className="conf-line-number">
            Chỉ tiêu {number}/{deck.lines.length}
          </span>
          <span className="conf-context-rest"> · {deck.period.label}</span>
        </p>
        <h2 id={headingId} className={`conf-sentence size-${sentenceSize(line.text)}`} tabIndex={-1}>
          {line.text}
        </h2>
        <p className="conf-verdict-line">
          <span className="visually-hidden">Đánh giá: </span>
          <StatusBadge status={line.status} className="conf-verdict" />
        </p>
      </div>
      <div className="conf-line-figures">
        {byUnits && first ? (
          <UnitsBreakdown parentId={deck.unit.id} period={deck.period} part={first} />
        ) : count === 0 ? (
          <p className="conf-note">Dòng này chưa gắn với chỉ tiêu nào.</p>
        ) : (
          <figure className="conf-figure">
            <figcaption className="conf-figure-title">Kế hoạch và thực hiện</figcaption>
            <ul className="conf-parts">
              {line.parts.map((p) => (
                <Part
                  key={p.indicator.code}
                  part={p}
                  single={count === 1}
                  labelChars={labelChars}
                  compact={count > MAX_CHARTS}
                />
              ))}
            </ul>
          </figure>
        )}
      </div>
    </div>
  );
}
