import { formatNumber } from '../../../../shared/format';
import { sourceWords } from '../../../../shared/rollup-words';
import type { DashboardRowDto } from '../../../../shared/schemas/dashboard';
import type { TargetLinePartDto } from '../../../../shared/schemas/target-lines';
import { kindsText } from '../../../../shared/unit';
import { StatusBadge } from '../../../components/ui/status-badge';
import './below-parts.css';

type Part = DashboardRowDto | TargetLinePartDto;

/** "2/2 đoàn thể đạt và vượt": a part judged at the units below, over those that hold the target. */
export function belowText(part: TargetLinePartDto): string {
  const kinds = kindsText(part.below ?? []);
  if (!part.units) return `chưa lưu, sẽ đánh giá ở các ${kinds} trực thuộc`;
  if (part.units.total === 0) return `chưa ${kinds} trực thuộc nào được giao chỉ tiêu này`;
  return `${formatNumber(part.units.achieved)}/${formatNumber(part.units.total)} ${kinds} đạt và vượt`;
}

function BelowPart({ p }: { p: TargetLinePartDto }) {
  return (
    <li
      className="tl-part tl-part-below"
      data-code={p.indicator.code}
      data-below={p.below?.join(',')}
      data-status={p.status}
    >
      <span className="tl-part-name">
        {p.indicator.name}{' '}
        <span className="tl-part-where">— ở các {kindsText(p.below ?? [])} trực thuộc</span>
      </span>
      <span className="tl-part-figures">
        <strong className="tl-figure" data-testid="below-units">
          {belowText(p)}
        </strong>
      </span>
      <StatusBadge status={p.status} className="tl-part-status" />
      {(p.unitRows?.length ?? 0) > 0 && (
        <ul className="tl-part-units">
          {p.unitRows!.map((r) => (
            <li key={r.unit.id} data-unit={r.unit.id}>
              {r.unit.name}: kế hoạch {r.target?.display ?? 'chưa giao'} → thực hiện{' '}
              {r.result?.display ?? 'chưa có số liệu'} <StatusBadge status={r.status} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The result, the counts of a ratio, and where a result nobody entered came from (shared/rollup-words.ts). */
function ResultText({ part: { result, indicator } }: { part: Part }) {
  if (!result) return <span className="muted">chưa có số liệu</span>;
  const parts =
    result.numerator !== undefined && result.denominator !== undefined
      ? ` (${formatNumber(result.numerator)}/${formatNumber(result.denominator)})`
      : '';
  const note = sourceWords(result, indicator);
  return (
    <>
      <strong className="tl-figure">
        {result.display}
        {parts}
      </strong>
      {note && <span className="tl-source">, {note}</span>}
    </>
  );
}

/**
 * The figures of a line, one per bound indicator: "Kế hoạch 90% → Thực hiện 100% (30/30)"
 * and its own status, as the report writes them after the sentence.
 */
export function LineParts({ parts, label }: { parts: Part[]; label: string }) {
  if (parts.length === 0) return <p className="tl-parts-empty muted">Chưa gắn với chỉ tiêu nào.</p>;
  return (
    <ul className="tl-parts" aria-label={label}>
      {parts.map((p) =>
        'below' in p && p.below ? (
          <BelowPart key={`${p.indicator.code}|${p.below.join()}`} p={p} />
        ) : (
          <li key={p.indicator.code} className="tl-part" data-code={p.indicator.code} data-status={p.status}>
            <span className="tl-part-name">{p.indicator.name}</span>
            <span className="tl-part-figures">
              <span>
                Kế hoạch{' '}
                {p.target ? (
                  <strong className="tl-figure">{p.target.display}</strong>
                ) : (
                  <span className="muted">chưa giao</span>
                )}
              </span>
              <span className="visually-hidden">; </span>
              {/* The arrow starts the second half, so that on a narrow screen it wraps with it. */}
              <span>
                <span className="tl-arrow" aria-hidden="true">
                  →
                </span>{' '}
                Thực hiện <ResultText part={p} />
              </span>
            </span>
            <StatusBadge status={p.status} className="tl-part-status" />
          </li>
        ),
      )}
    </ul>
  );
}
