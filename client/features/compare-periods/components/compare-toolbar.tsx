import { useId } from 'react';
import type { Period } from '../../../../shared/period';
import { FIRST_YEAR } from '../../periods/utils/period-options';
import { UnitPicker } from '../../units/components/unit-picker';
import {
  COMPARE_KIND_LABELS,
  COMPARE_KINDS,
  type CompareChoice,
  type CompareKind,
  MAX_COMPARED,
  yearOptions,
} from '../utils/compare-choice';
import '../compare-periods.css';

/** "Năm 2022, Năm 2023, Năm 2024"; a long list keeps its two ends. */
function periodList(periods: Period[]): string {
  const labels = periods.map((p) => p.label);
  return labels.length <= 6
    ? labels.join(', ')
    : `${labels.slice(0, 2).join(', ')}, …, ${labels.slice(-2).join(', ')}`;
}

export interface ToolbarPatch {
  unit?: string;
  kind?: CompareKind;
  from?: number;
  to?: number;
  /** '' returns to every indicator at once. */
  code?: string;
}

interface CompareToolbarProps {
  unitId: string | undefined;
  choice: CompareChoice;
  periods: Period[];
  thisYear: number;
  code: string | undefined;
  /** The catalogue's indicators still in use, in its order. */
  indicators: { code: string; name: string }[];
  /** The name of an indicator asked by a link that the list does not hold (archived). */
  extraIndicator: { code: string; name: string } | null;
  onChange: (patch: ToolbarPatch) => void;
}

/** Đơn vị, So sánh (which periods), Từ năm, Đến năm, Chỉ tiêu: every choice of the page. */
export function CompareToolbar({
  unitId,
  choice,
  periods,
  thisYear,
  code,
  indicators,
  extraIndicator,
  onChange,
}: CompareToolbarProps) {
  const id = useId();
  const years = yearOptions(FIRST_YEAR, thisYear, [choice.from, choice.to]);
  const tooMany = periods.length > MAX_COMPARED;

  return (
    <section className="card toolbar cmpk-toolbar" aria-label="Chọn đơn vị, các kỳ và chỉ tiêu">
      <UnitPicker value={unitId} onChange={(unit) => onChange({ unit })} />
      <div className="cmpk-range">
        <div className="field cmpk-kind">
          <label className="field-label" htmlFor={`${id}-kind`}>
            So sánh
          </label>
          <select
            id={`${id}-kind`}
            className="select"
            value={choice.kind}
            onChange={(e) => onChange({ kind: e.target.value as CompareKind })}
          >
            {COMPARE_KINDS.map((k) => (
              <option key={k} value={k}>
                {COMPARE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-from`}>
            Từ năm
          </label>
          <select
            id={`${id}-from`}
            className="select"
            value={choice.from}
            onChange={(e) => {
              const from = Number(e.target.value);
              onChange(from > choice.to ? { from, to: from } : { from });
            }}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-to`}>
            Đến năm
          </label>
          <select
            id={`${id}-to`}
            className="select"
            value={choice.to}
            onChange={(e) => {
              const to = Number(e.target.value);
              onChange(to < choice.from ? { from: to, to } : { to });
            }}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field cmpk-indicator">
        <label className="field-label" htmlFor={`${id}-code`}>
          Chỉ tiêu
        </label>
        <select
          id={`${id}-code`}
          className="select"
          value={code ?? ''}
          onChange={(e) => onChange({ code: e.target.value })}
        >
          <option value="">Tất cả chỉ tiêu (bảng tổng hợp)</option>
          {indicators.map((i) => (
            <option key={i.code} value={i.code}>
              {i.name}
            </option>
          ))}
          {extraIndicator && <option value={extraIndicator.code}>{extraIndicator.name}</option>}
        </select>
      </div>
      <p className={`cmpk-periods${tooMany ? ' form-error' : ''}`} id={`${id}-periods`} aria-live="polite">
        {tooMany
          ? `Khoảng năm này có ${periods.length} kỳ; chỉ so sánh được nhiều nhất ${MAX_COMPARED} kỳ một lần. Hãy thu hẹp khoảng năm.`
          : periods.length === 0
            ? 'Khoảng năm này không có kỳ nào để so sánh.'
            : `${periods.length} kỳ: ${periodList(periods)}.`}
      </p>
    </section>
  );
}
