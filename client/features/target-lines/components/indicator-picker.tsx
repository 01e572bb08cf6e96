import { type KeyboardEvent, useState } from 'react';
import { matchesSearch } from '../../../../shared/text';

export interface PickerOption {
  code: string;
  name: string;
  /** The target of this unit and period, as shown ("90%"); null when none is set. */
  target: string | null;
  archived: boolean;
}

interface IndicatorPickerProps {
  /** Prefix of the ids of this line's controls. */
  idBase: string;
  lineNumber: number;
  options: PickerOption[];
  chosen: readonly string[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onToggle: (code: string, on: boolean) => void;
  /** The id of the message saying what is wrong with the choice, when something is. */
  errorId: string | undefined;
}

/**
 * "Chọn chỉ tiêu": a disclosure holding a checklist of the catalogue, the indicators that
 * have a target in this period first, each with that target, so the sentence is bound to
 * what the committee actually planned. Esc or "Xong" closes it and returns to the button.
 */
export function IndicatorPicker({
  idBase,
  lineNumber,
  options,
  chosen,
  open,
  onOpenChange,
  onToggle,
  errorId,
}: IndicatorPickerProps) {
  const [query, setQuery] = useState('');
  const toggleId = `${idBase}-codes`;
  const panelId = `${idBase}-picker`;
  const shown = options.filter((o) => matchesSearch(o.name, query) || matchesSearch(o.code, query));
  const planned = shown.filter((o) => o.target !== null);
  const unplanned = shown.filter((o) => o.target === null);

  const close = () => {
    onOpenChange(false);
    setQuery('');
    requestAnimationFrame(() => document.getElementById(toggleId)?.focus());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  const group = (title: string, items: PickerOption[]) =>
    items.length > 0 && (
      <fieldset className="tl-picker-group">
        <legend className="tl-picker-legend">{title}</legend>
        <ul className="tl-picker-list">
          {items.map((o) => {
            const checked = chosen.includes(o.code);
            const id = `${idBase}-code-${o.code}`;
            return (
              <li key={o.code}>
                <input
                  id={id}
                  type="checkbox"
                  className="tl-check"
                  checked={checked}
                  onChange={(e) => onToggle(o.code, e.target.checked)}
                />
                <label htmlFor={id} className="tl-picker-option">
                  <span className="tl-picker-name">{o.name}</span>
                  <span className="tl-picker-target">
                    {o.target === null ? 'Chưa giao kế hoạch' : `Kế hoạch: ${o.target}`}
                    {o.archived ? ' · đã lưu trữ' : ''}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    );

  return (
    <div className="tl-picker-wrap">
      <button
        id={toggleId}
        type="button"
        className="button button-secondary button-small tl-picker-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        onClick={() => (open ? close() : onOpenChange(true))}
      >
        {open ? 'Đóng danh sách chỉ tiêu' : 'Chọn chỉ tiêu'}
        <span className="visually-hidden"> cho dòng {lineNumber}</span>
        <span className="tl-count">{chosen.length} đã chọn</span>
      </button>
      {open && (
        // biome-ignore lint/a11y/noStaticElementInteractions: Esc anywhere in the panel closes it
        <div id={panelId} className="tl-picker" onKeyDown={onKeyDown}>
          <div className="field tl-picker-search">
            <label className="field-label" htmlFor={`${idBase}-search`}>
              Tìm chỉ tiêu
            </label>
            <input
              id={`${idBase}-search`}
              className="input"
              type="search"
              autoComplete="off"
              placeholder="Gõ vài chữ của tên chỉ tiêu"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
          {group('Đã giao kế hoạch trong kỳ này', planned)}
          {group('Chưa giao kế hoạch trong kỳ này', unplanned)}
          {shown.length === 0 && (
            <p className="muted" role="status">
              Không có chỉ tiêu nào khớp với “{query}”.
            </p>
          )}
          <div className="tl-picker-actions">
            <button type="button" className="button button-small" onClick={close}>
              Xong
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
