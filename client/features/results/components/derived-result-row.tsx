import { formatNumber } from '../../../../shared/format';
import { sourceLine } from '../../../../shared/rollup-words';
import type { DashboardRowDto } from '../../../../shared/schemas/dashboard';
import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import type { TargetDto } from '../../../../shared/schemas/values';
import { kindsText } from '../../../../shared/unit';
import { StatusBadge } from '../../../components/ui/status-badge';

/** "Tính từ xếp loại của 3/4 chi bộ": how many of the units counted were rated. */
export function derivedCoverageText(ind: IndicatorDto, result: DashboardRowDto['result']): string {
  const kinds = ind.derived ? kindsText(ind.derived.countUnits.kinds) : 'đơn vị trực thuộc';
  if (!result?.coverage) return `Chưa có ${kinds} trực thuộc nào được xếp loại`;
  return sourceLine({ ...result, source: 'derived' }, ind) ?? '';
}

/**
 * A result computed from the ratings of the units below ("Số chi bộ hoàn thành tốt nhiệm vụ
 * trở lên"): shown with where it comes from, never typed. It changes when the units' ratings do.
 */
export function DerivedResultRow({
  ind,
  target,
  row,
}: {
  ind: IndicatorDto;
  target: TargetDto | null;
  row: DashboardRowDto | undefined;
}) {
  const result = row?.result ?? null;
  const rule = ind.derived?.countUnits;
  return (
    <li className="result-row result-same result-derived" data-code={ind.code} data-derived="">
      <div className="result-head">
        <h3 className="result-name">{ind.name}</h3>
        <p className="result-target">
          Kế hoạch: <strong>{target ? target.display : 'chưa giao'}</strong>
          {target && ind.kind === 'count' && ` ${ind.unitLabel}`}
        </p>
      </div>
      <div className="result-derived-value">
        <p>
          <span className="field-label">Kết quả (tự tính)</span>{' '}
          <strong data-testid="derived-value">
            {result ? `${result.display}${ind.kind === 'count' ? ` ${ind.unitLabel}` : ''}` : 'chưa có'}
          </strong>
          {result?.numerator !== undefined && result.denominator !== undefined && (
            <span> ({`${formatNumber(result.numerator)}/${formatNumber(result.denominator)}`})</span>
          )}
        </p>
        <p className="field-hint" data-testid="derived-coverage">
          {derivedCoverageText(ind, result)}.{' '}
          {rule ? `Đếm các đơn vị xếp loại từ “${rule.atLeast}” trở lên; ` : ''}kết quả tự tính, không nhập
          tay: hãy báo cáo xếp loại của từng đơn vị.
        </p>
      </div>
      <div className="result-preview">
        <StatusBadge status={row?.status ?? (target ? 'no_data' : 'no_target')} />
        <span className="result-achievement">
          {row?.achievement != null ? `${formatNumber(row.achievement)}% kế hoạch` : ''}
        </span>
      </div>
    </li>
  );
}
