import { formatNumber } from '../../../../shared/format';
import type { DashboardRowDto } from '../../../../shared/schemas/dashboard';
import { StatusBadge } from '../../../components/ui/status-badge';

/** Where a result nobody entered for this unit and period came from (docs/rules.md, "Roll-up"). */
function sourceNote(result: NonNullable<DashboardRowDto['result']>): string | null {
  if (result.source === 'units')
    return result.coverage
      ? `tổng hợp từ ${result.coverage.reported}/${result.coverage.total} đơn vị`
      : 'tổng hợp từ các đơn vị trực thuộc';
  if (result.source === 'derived')
    return result.coverage
      ? `tính từ xếp loại của ${result.coverage.reported}/${result.coverage.total} đơn vị trực thuộc`
      : 'tính từ xếp loại của các đơn vị trực thuộc';
  if (result.source === 'periods') return 'cộng dồn các kỳ';
  return null;
}

function ResultText({ result }: { result: DashboardRowDto['result'] }) {
  if (!result) return <span className="muted">chưa có số liệu</span>;
  const parts =
    result.numerator !== undefined && result.denominator !== undefined
      ? ` (${formatNumber(result.numerator)}/${formatNumber(result.denominator)})`
      : '';
  const note = sourceNote(result);
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
export function LineParts({ parts, label }: { parts: DashboardRowDto[]; label: string }) {
  if (parts.length === 0) return <p className="tl-parts-empty muted">Chưa gắn với chỉ tiêu nào.</p>;
  return (
    <ul className="tl-parts" aria-label={label}>
      {parts.map((p) => (
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
            <span className="tl-arrow" aria-hidden="true">
              →
            </span>
            <span className="visually-hidden">; </span>
            <span>
              Thực hiện <ResultText result={p.result} />
            </span>
          </span>
          <StatusBadge status={p.status} className="tl-part-status" />
        </li>
      ))}
    </ul>
  );
}
