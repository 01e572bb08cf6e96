import type { LockDto } from '../../../../shared/accounts';
import type { Period } from '../../../../shared/period';
import { LockIcon } from '../../../components/ui/lock-icon';

/** What a period's button says on a phone, the year being in the page's title already. */
export function shortPeriodLabel(p: Period): string {
  if (p.kind === 'year') return 'Cả năm';
  if (p.kind === 'half') return p.code.endsWith('H1') ? '6 tháng đầu' : '6 tháng cuối';
  return p.label;
}

/**
 * The grid's periods as buttons, for a phone: the table shows one period's column at a time
 * beside the indicators' names, and these choose which. Each button counts the cells of its
 * period changed and not yet saved, or not valid, so that nothing typed is forgotten in a
 * period out of sight. Hidden on a wide screen, where every column is shown.
 */
export function PeriodSwitch({
  periods,
  shown,
  onShow,
  changed,
  invalid,
  locks,
}: {
  periods: Period[];
  /** The index of the period shown. */
  shown: number;
  onShow: (col: number) => void;
  /** Per period code: cells changed, cells not valid. */
  changed: ReadonlyMap<string, number>;
  invalid: ReadonlyMap<string, number>;
  locks: ReadonlyMap<string, LockDto>;
}) {
  return (
    <fieldset className="tg-switch">
      <legend className="tg-switch-legend">Kỳ đang xem</legend>
      <div className="tg-switch-buttons">
        {periods.map((p, col) => {
          const bad = invalid.get(p.code) ?? 0;
          const edited = changed.get(p.code) ?? 0;
          return (
            <button
              key={p.code}
              type="button"
              className={`tg-switch-button${bad ? ' has-invalid' : edited ? ' has-changed' : ''}`}
              aria-pressed={col === shown}
              data-period={p.code}
              onClick={() => onShow(col)}
            >
              <span className="visually-hidden">{p.label}</span>
              <span aria-hidden="true">{shortPeriodLabel(p)}</span>
              {locks.has(p.code) && (
                <span className="tg-switch-lock" title="Đã khóa">
                  <LockIcon />
                  <span className="visually-hidden"> (đã khóa)</span>
                </span>
              )}
              {(bad > 0 || edited > 0) && (
                <span className="tg-switch-count">
                  {bad > 0 ? `${bad} ô sai` : `${edited} ô sửa`}
                  <span className="visually-hidden">, chưa lưu</span>
                </span>
              )}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
