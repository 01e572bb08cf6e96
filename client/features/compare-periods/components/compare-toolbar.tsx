import { useId } from 'react';
import type { Period } from '../../../../shared/period';
import { SelectField } from '../../../components/ui/field';
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
        <SelectField
          id={`${id}-kind`}
          className="cmpk-kind"
          label="So sánh"
          value={choice.kind}
          onChange={(kind) => onChange({ kind: kind as CompareKind })}
          options={COMPARE_KINDS.map((k) => [k, COMPARE_KIND_LABELS[k]] as const)}
        />
        <SelectField
          id={`${id}-from`}
          label="Từ năm"
          value={choice.from}
          onChange={(v) => {
            const from = Number(v);
            onChange(from > choice.to ? { from, to: from } : { from });
          }}
          options={years.map((y) => [y, y] as const)}
        />
        <SelectField
          id={`${id}-to`}
          label="Đến năm"
          value={choice.to}
          onChange={(v) => {
            const to = Number(v);
            onChange(to < choice.from ? { from: to, to } : { to });
          }}
          options={years.map((y) => [y, y] as const)}
        />
      </div>
      <SelectField
        id={`${id}-code`}
        className="cmpk-indicator"
        label="Chỉ tiêu"
        value={code ?? ''}
        onChange={(v) => onChange({ code: v })}
        options={[
          ['', 'Tất cả chỉ tiêu (bảng tổng hợp)'] as const,
          ...indicators.map((i) => [i.code, i.name] as const),
        ]}
      >
        {extraIndicator && <option value={extraIndicator.code}>{extraIndicator.name}</option>}
      </SelectField>
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
