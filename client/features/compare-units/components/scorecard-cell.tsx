import { formatDifference, formatNumber } from '../../../../shared/format';
import { coverageWords, sourceLine } from '../../../../shared/rollup-words';
import { StatusBadge } from '../../../components/ui/status-badge';
import type { CompareCell, CompareIndicator } from '../utils/scorecard';

const parts = (numerator: number | undefined, denominator: number | undefined) =>
  numerator === undefined || denominator === undefined
    ? null
    : `${formatNumber(numerator)}/${formatNumber(denominator)}`;

/** A short label for the eye, its whole word for screen readers. */
function Label({ short, full }: { short: string; full: string }) {
  return (
    <dt>
      <span aria-hidden="true">{short}</span>
      <span className="visually-hidden">{full}</span>
    </dt>
  );
}

/**
 * One unit's standing on one indicator: the verdict in word and colour, then the result (with
 * the counts behind a ratio), the target and the achievement. A result added up from the units
 * below says how many of them reported; an entered result that differs from what they add up
 * to shows both figures, flagged.
 */
export function ScorecardCell({ cell, indicator }: { cell: CompareCell; indicator: CompareIndicator }) {
  const { result, target, achievement } = cell;
  const level = indicator.kind === 'level';
  const resultParts = result ? parts(result.numerator, result.denominator) : null;
  const coverage = result?.source === 'units' ? result.coverage : undefined;
  const partial = coverage && coverage.reported < coverage.total ? coverage : null;
  const fromUnits = result?.fromUnits;
  const fromUnitsParts = fromUnits ? parts(fromUnits.numerator, fromUnits.denominator) : null;
  const difference =
    result && fromUnits
      ? formatDifference(result.value, fromUnits.value, result.display.endsWith('%'))
      : null;

  return (
    <div className={`cmpu-cell${level ? ' is-level' : ''}${!result && !target ? ' is-blank' : ''}`}>
      <StatusBadge status={cell.status} className="cmpu-badge" />
      {(result || target) && (
        <dl className="cmpu-figures">
          {result && (
            <div>
              <Label short="TH" full="Thực hiện" />
              <dd>
                <span className="result-value">{result.display}</span>
                {resultParts && <span className="result-parts"> ({resultParts})</span>}
                {partial && (
                  <span className="cmpu-coverage" title={result ? (sourceLine(result, indicator) ?? '') : ''}>
                    {coverageWords(partial)}
                  </span>
                )}
              </dd>
            </div>
          )}
          {target && (
            <div>
              <Label short="KH" full="Kế hoạch" />
              <dd>{target.display}</dd>
            </div>
          )}
          {achievement !== null && (
            <div>
              <Label short="Tỷ lệ" full="Tỷ lệ so với kế hoạch" />
              <dd>{formatNumber(achievement)}%</dd>
            </div>
          )}
        </dl>
      )}
      {fromUnits && (
        <p className="result-diff cmpu-diff">
          <span aria-hidden="true">⚠ </span>
          Các đơn vị cộng lại: {fromUnits.display}
          {fromUnitsParts && ` (${fromUnitsParts})`}
          {fromUnits.coverage.reported < fromUnits.coverage.total &&
            `, từ ${coverageWords(fromUnits.coverage)}`}
          ; <strong>chênh lệch{difference ? ` ${difference}` : ''}</strong>
        </p>
      )}
    </div>
  );
}
