import { focusLater } from '../utils/focus-later';
import { type LevelDraft, newLevel } from '../utils/indicator-form';
import { arrowAfterMove, OrderButtons } from './row-buttons';

const MAX_LEVELS = 12;

/**
 * The scale of a "Mức xếp loại" indicator as an ordered list, lowest first: type each level,
 * move it up or down, remove it, add one at the end.
 */
export function LevelsEditor({
  idPrefix,
  levels,
  onChange,
  problem,
  errorId,
}: {
  idPrefix: string;
  levels: LevelDraft[];
  onChange: (next: LevelDraft[]) => void;
  /** A refusal about the scale, and the level it is about when it names one. */
  problem: { message: string; index?: number | undefined } | null;
  errorId: string;
}) {
  const at = (key: string, part: string) => `[data-level-key="${key}"] [data-part="${part}"]`;

  const move = (index: number, delta: -1 | 1) => {
    const other = index + delta;
    const a = levels[index];
    const b = levels[other];
    if (!a || !b) return;
    const next = [...levels];
    next[index] = b;
    next[other] = a;
    onChange(next);
    focusLater(at(a.key, arrowAfterMove(index, delta, levels.length)));
  };

  const remove = (index: number) => {
    const next = levels.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[index] ?? next[index - 1];
    focusLater(neighbour ? at(neighbour.key, 'text') : `#${CSS.escape(`${idPrefix}-add`)}`);
  };

  const add = () => {
    const level = newLevel();
    onChange([...levels, level]);
    focusLater(at(level.key, 'text'));
  };

  const label = (i: number) =>
    `Mức ${i + 1}${i === 0 ? ' (thấp nhất)' : i === levels.length - 1 ? ' (cao nhất)' : ''}`;
  const describedBy = [`${idPrefix}-hint`, problem && problem.index === undefined ? errorId : '']
    .filter(Boolean)
    .join(' ');

  return (
    <fieldset className="levels-editor" aria-describedby={describedBy}>
      <legend className="field-label">Các mức xếp loại</legend>
      <p id={`${idPrefix}-hint`} className="field-hint">
        Từ thấp đến cao: mức 1 là mức thấp nhất. Cần từ 2 đến {MAX_LEVELS} mức, không trùng nhau.
      </p>
      <ol className="levels-list">
        {levels.map((level, i) => {
          const inputId = `${idPrefix}-${level.key}`;
          const faulty = problem?.index === i;
          const shown = level.text.trim() || `mức ${i + 1}`;
          return (
            <li key={level.key} className="level-item" data-level-key={level.key}>
              <label className="level-label" htmlFor={inputId}>
                {label(i)}
              </label>
              <div className="level-controls">
                <input
                  id={inputId}
                  data-part="text"
                  className="input"
                  type="text"
                  autoComplete="off"
                  value={level.text}
                  onChange={(e) =>
                    onChange(levels.map((l) => (l.key === level.key ? { ...l, text: e.target.value } : l)))
                  }
                  aria-invalid={faulty || undefined}
                  aria-describedby={faulty ? errorId : undefined}
                />
                <OrderButtons
                  name={shown}
                  index={i}
                  count={levels.length}
                  onMove={(delta) => move(i, delta)}
                  mark="data-part"
                  titles={['Đưa lên trên (thấp hơn)', 'Đưa xuống dưới (cao hơn)']}
                />
                <button
                  type="button"
                  className="button button-small button-secondary"
                  data-part="remove"
                  aria-label={`Bỏ ${shown}`}
                  onClick={() => remove(i)}
                >
                  Bỏ
                </button>
              </div>
              {faulty && (
                <p id={errorId} className="field-error" role="alert">
                  {problem.message}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {problem && problem.index === undefined && (
        <p id={errorId} className="field-error" role="alert">
          {problem.message}
        </p>
      )}
      {levels.length < MAX_LEVELS && (
        <div>
          <button
            id={`${idPrefix}-add`}
            type="button"
            className="button button-small button-secondary"
            onClick={add}
          >
            Thêm mức
          </button>
        </div>
      )}
    </fieldset>
  );
}
