import { formatDifference, formatNumber } from '../../../../shared/format';
import type { RowResultDto } from '../../../../shared/schemas/dashboard';

type TimeAggregate = 'sum' | 'last' | 'none';

const ratioParts = (numerator: number | undefined, denominator: number | undefined) =>
  numerator === undefined || denominator === undefined
    ? null
    : `${formatNumber(numerator)}/${formatNumber(denominator)}`;

/** Where a result that nobody entered for this unit and period came from (docs/rules.md, "Roll-up"). */
function sourceNote(result: NonNullable<RowResultDto>, timeAggregate: TimeAggregate | undefined) {
  if (result.source === 'units') {
    return result.coverage
      ? `Tổng hợp từ ${result.coverage.reported}/${result.coverage.total} đơn vị`
      : 'Tổng hợp từ các đơn vị trực thuộc';
  }
  if (result.source === 'derived') {
    return result.coverage
      ? `Tính từ xếp loại ${result.coverage.reported}/${result.coverage.total} đơn vị`
      : 'Tính từ xếp loại đơn vị';
  }
  if (result.source === 'periods') {
    return timeAggregate === 'last' ? 'Lấy theo kỳ gần nhất có số liệu' : 'Cộng dồn các kỳ';
  }
  return null;
}

/** "Thực hiện": the result, the counts behind a ratio, its source and any disagreement. */
export function ResultCell({
  result,
  timeAggregate,
}: {
  result: RowResultDto;
  timeAggregate?: TimeAggregate | undefined;
}) {
  if (!result) return <span className="muted">—</span>;
  const parts = ratioParts(result.numerator, result.denominator);
  const note = sourceNote(result, timeAggregate);
  const fromUnits = result.fromUnits;
  const fromUnitsParts = fromUnits ? ratioParts(fromUnits.numerator, fromUnits.denominator) : null;
  const percent = result.display.endsWith('%');
  const difference = fromUnits ? formatDifference(result.value, fromUnits.value, percent) : null;

  return (
    <div className="result">
      <span className="result-value">{result.display}</span>
      {parts && <span className="result-parts">({parts})</span>}
      {note && <span className="result-note">{note}</span>}
      {fromUnits && (
        <span className="result-diff">
          <span aria-hidden="true">⚠ </span>
          Các đơn vị cộng lại: {fromUnits.display}
          {fromUnitsParts && ` (${fromUnitsParts})`}
          {fromUnits.coverage.reported < fromUnits.coverage.total &&
            `, từ ${fromUnits.coverage.reported}/${fromUnits.coverage.total} đơn vị`}
          ; <strong>chênh lệch {difference ?? ''}</strong>
        </span>
      )}
    </div>
  );
}
