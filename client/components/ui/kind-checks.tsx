import type { ReactNode } from 'react';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '../../../shared/unit';
import { FieldError } from './field';

/** Kinds in the catalogue's own order, whatever order they were ticked in. */
export const inKindOrder = (kinds: readonly string[]) =>
  [...kinds].sort(
    (a, b) =>
      UNIT_KINDS.indexOf(a as (typeof UNIT_KINDS)[number]) -
      UNIT_KINDS.indexOf(b as (typeof UNIT_KINDS)[number]),
  );

/**
 * A group of check boxes, one per unit kind ("Đảng bộ", "Chi bộ", …), in a fieldset whose
 * legend names what the kinds are for; the hint and the error are read with the group.
 */
export function KindChecks({
  id,
  legend,
  hint,
  error,
  chosen,
  onChange,
  kinds = UNIT_KINDS,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  chosen: readonly string[];
  onChange: (next: string[]) => void;
  kinds?: readonly string[];
}) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      className="kind-checks"
      id={id}
      aria-describedby={describedBy || undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="field-label">{legend}</legend>
      <div className="kind-checks-list">
        {kinds.map((k) => (
          <label key={k} className="kind-check">
            <input
              type="checkbox"
              checked={chosen.includes(k)}
              onChange={(e) =>
                onChange(inKindOrder(e.target.checked ? [...chosen, k] : chosen.filter((c) => c !== k)))
              }
            />{' '}
            {(UNIT_KIND_LABELS as Record<string, string>)[k] ?? k}
          </label>
        ))}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </fieldset>
  );
}
