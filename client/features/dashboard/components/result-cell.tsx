import { formatDifference, formatNumber } from '../../../../shared/format';
import { coverageWords, type RollupRule, sourceLine } from '../../../../shared/rollup-words';
import type { RowResultDto } from '../../../../shared/schemas/dashboard';

const ratioParts = (numerator: number | undefined, denominator: number | undefined) =>
  numerator === undefined || denominator === undefined
    ? null
    : `${formatNumber(numerator)}/${formatNumber(denominator)}`;

/**
 * "Thực hiện": the result, the counts behind a ratio, where a result nobody entered came from
 * (docs/rules.md, "Roll-up", in the words of shared/rollup-words.ts) and any disagreement.
 */
export function ResultCell({ result, rule }: { result: RowResultDto; rule: RollupRule }) {
  if (!result) return <span className="muted figure-none">—</span>;
  const parts = ratioParts(result.numerator, result.denominator);
  const note = sourceLine(result, rule);
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
            `, từ ${coverageWords(fromUnits.coverage)}`}
          ; <strong>chênh lệch {difference ?? ''}</strong>
        </span>
      )}
    </div>
  );
}
