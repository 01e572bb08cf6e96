import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { UnitDto } from '../../../../shared/schemas/units';
import { UNIT_KIND_LABELS, type UnitKind } from '../../../../shared/unit';
import { ErrorState } from '../../../components/ui/error-state';
import { useUnits } from '../api/get-units';
import { ancestorNames, filterTree } from '../utils/unit-tree';

const kindLabel = (kind: string): string | undefined =>
  kind in UNIT_KIND_LABELS ? UNIT_KIND_LABELS[kind as UnitKind] : undefined;

interface UnitPickerProps {
  value: string | undefined;
  onChange: (unitId: string) => void;
}

/** "Đơn vị": the organisation tree in a searchable combobox (WAI-ARIA combobox with a listbox). */
export function UnitPicker({ value, onChange }: UnitPickerProps) {
  const units = useUnits();
  const id = useId();
  const inputId = `${id}-input`;

  if (units.isError) {
    return (
      <div className="field">
        <span className="field-label">Đơn vị</span>
        <ErrorState
          title="Không tải được danh sách đơn vị"
          error={units.error}
          onRetry={() => units.refetch()}
        />
      </div>
    );
  }

  return <UnitCombobox inputId={inputId} units={units.data?.units} value={value} onChange={onChange} />;
}

function UnitCombobox({
  inputId,
  units,
  value,
  onChange,
}: UnitPickerProps & { inputId: string; units: UnitDto[] | undefined }) {
  const listboxId = `${inputId}-listbox`;
  const optionId = (unitId: string) => `${inputId}-option-${unitId}`;
  const inputRef = useRef<HTMLInputElement>(null);

  const [open, setOpen] = useState(false);
  // null: nothing typed since the list opened, so the input shows the chosen unit.
  const [query, setQuery] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);

  const all = units ?? [];
  const selected = all.find((u) => u.id === value);
  const items = useMemo(() => filterTree(units ?? [], query ?? ''), [units, query]);
  const options = items;
  const path = selected ? ancestorNames(all, selected.id) : [];

  // Keep the active option in view as the arrow keys move it.
  useEffect(() => {
    if (!open || !activeId) return;
    document.getElementById(optionId(activeId))?.scrollIntoView({ block: 'nearest' });
  });

  const openList = () => {
    if (open) return;
    setOpen(true);
    setActiveId(value && all.some((u) => u.id === value) ? value : (all[0]?.id ?? null));
  };

  const close = () => {
    setOpen(false);
    setQuery(null);
    setActiveId(null);
  };

  const choose = (unitId: string) => {
    close();
    if (unitId !== value) onChange(unitId);
  };

  const move = (delta: number) => {
    if (options.length === 0) return;
    const at = options.findIndex((o) => o.unit.id === activeId);
    const next = at === -1 ? (delta > 0 ? 0 : options.length - 1) : at + delta;
    const clamped = Math.max(0, Math.min(options.length - 1, next));
    setActiveId(options[clamped]?.unit.id ?? null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open || e.altKey) openList();
        else move(1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) openList();
        else move(-1);
        break;
      case 'PageDown':
        if (open) {
          e.preventDefault();
          move(8);
        }
        break;
      case 'PageUp':
        if (open) {
          e.preventDefault();
          move(-8);
        }
        break;
      case 'Enter':
        if (open && activeId) {
          e.preventDefault();
          choose(activeId);
        }
        break;
      case 'Escape':
        if (open || query !== null) {
          e.preventDefault();
          close();
        }
        break;
      case 'Tab':
        if (open) close();
        break;
    }
  };

  const inputValue = query ?? selected?.name ?? '';
  const loading = units === undefined;
  const matchCount = items.filter((i) => i.matches).length;

  return (
    <div className="field unit-picker">
      <label className="field-label" htmlFor={inputId}>
        Đơn vị
      </label>
      <div className={`combobox${open ? ' is-open' : ''}`}>
        <input
          ref={inputRef}
          id={inputId}
          className="combobox-input"
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listboxId}
          aria-autocomplete="list"
          aria-activedescendant={open && activeId ? optionId(activeId) : undefined}
          aria-describedby={path.length > 0 ? `${inputId}-path` : undefined}
          autoComplete="off"
          spellCheck={false}
          disabled={loading}
          placeholder={loading ? 'Đang tải danh sách đơn vị…' : 'Gõ tên đơn vị để tìm'}
          value={inputValue}
          onChange={(e) => {
            const text = e.target.value;
            setQuery(text);
            setOpen(true);
            const matches = filterTree(all, text).find((i) => i.matches);
            setActiveId(matches?.unit.id ?? null);
          }}
          onKeyDown={onKeyDown}
          onFocus={(e) => e.target.select()}
          onClick={openList}
          onBlur={close}
        />
        <button
          type="button"
          className="combobox-toggle"
          tabIndex={-1}
          aria-label={open ? 'Đóng danh sách đơn vị' : 'Mở danh sách đơn vị'}
          disabled={loading}
          // Keep the focus in the input, so the list does not close before it opens.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            if (open) close();
            else {
              inputRef.current?.focus();
              openList();
            }
          }}
        >
          <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
            <path d="M5 7.5 10 12.5 15 7.5" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
        </button>
        <div
          id={listboxId}
          className="combobox-list"
          role="listbox"
          aria-label="Danh sách đơn vị"
          hidden={!open}
        >
          {options.map(({ unit, depth, matches }) => {
            const kind = kindLabel(unit.kind);
            return (
              // Options are never focused themselves: the input keeps the focus and points at
              // the active one with aria-activedescendant (WAI-ARIA combobox pattern).
              // biome-ignore lint/a11y/useFocusableInteractive: see above
              // biome-ignore lint/a11y/useKeyWithClickEvents: see above
              <div
                key={unit.id}
                id={optionId(unit.id)}
                role="option"
                aria-selected={unit.id === value}
                className={`combobox-option${unit.id === activeId ? ' is-active' : ''}${matches ? '' : ' is-context'}`}
                style={{ paddingLeft: `${0.75 + depth * 1.25}rem` }}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(unit.id)}
                onMouseMove={() => unit.id !== activeId && setActiveId(unit.id)}
              >
                {/* Named by what it shows, the unit and its kind (axe: label-content-name-mismatch). */}
                <span className="option-name">{unit.name}</span>
                {kind && <span className="option-kind">{kind}</span>}
              </div>
            );
          })}
          {open && options.length === 0 && (
            <div className="combobox-empty">Không có đơn vị nào khớp với “{query}”.</div>
          )}
        </div>
      </div>
      {path.length > 0 && (
        <p id={`${inputId}-path`} className="field-hint">
          Thuộc {path.join(' › ')}
        </p>
      )}
      <span className="visually-hidden" role="status">
        {open && query ? `${matchCount} đơn vị khớp với từ tìm` : ''}
      </span>
    </div>
  );
}
