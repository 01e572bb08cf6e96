import { useId } from 'react';
import { type Period, type PeriodKind, parsePeriod } from '../../../../shared/period';
import { currentYear, todayIso } from '../../../../shared/vietnam-time';
import { SelectField } from '../../../components/ui/field';
import { PERIOD_KIND_LABELS, PERIOD_KINDS, periodForKind, periodOptions } from '../utils/period-options';

interface PeriodPickerProps {
  value: string;
  onChange: (code: string) => void;
}

/**
 * Quarters and halves grouped by year, newest year first and in calendar order inside a
 * year, so forty quarters stay easy to scan.
 */
function groupByYear(newestFirst: Period[]): [string, Period[]][] {
  const groups = new Map<string, Period[]>();
  for (const p of newestFirst) {
    const year = p.start.slice(0, 4);
    groups.set(year, [p, ...(groups.get(year) ?? [])]);
  }
  return [...groups];
}

/** "Loại kỳ" then "Kỳ": the kind of period first, then one period of that kind. */
export function PeriodPicker({ value, onChange }: PeriodPickerProps) {
  const id = useId();
  const thisYear = currentYear();
  const current = parsePeriod(value);
  const kind: PeriodKind = current?.kind ?? 'year';
  const options = periodOptions(kind, thisYear);
  // A period outside the offered years (opened from a link) stays selectable as it is.
  const extra = options.some((p) => p.code === value)
    ? null
    : { code: value, label: current?.label ?? value };
  const grouped = kind === 'half' || kind === 'quarter';

  return (
    <div className="period-picker">
      <SelectField
        id={`${id}-kind`}
        label="Loại kỳ"
        value={kind}
        onChange={(next) => onChange(periodForKind(next as PeriodKind, value, todayIso(), thisYear))}
        options={PERIOD_KINDS.map((k) => [k, PERIOD_KIND_LABELS[k]] as const)}
      />
      <SelectField
        id={`${id}-period`}
        label="Kỳ"
        value={value}
        onChange={onChange}
        options={[...(extra ? [extra] : []), ...(grouped ? [] : options)].map(
          (p) => [p.code, p.label] as const,
        )}
      >
        {grouped &&
          groupByYear(options).map(([year, periods]) => (
            <optgroup key={year} label={`Năm ${year}`}>
              {periods.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.label}
                </option>
              ))}
            </optgroup>
          ))}
      </SelectField>
    </div>
  );
}
