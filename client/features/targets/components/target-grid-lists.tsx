import type { TargetDto } from '../../../../shared/schemas/values';
import { ConflictChoice } from '../../../components/editing/conflict-choice';
import type { VersionedSave } from '../../../components/editing/use-versioned-save';

const CELL_CHOICE = ['Giữ của tôi', 'Lấy giá trị kia'] as const;

/** "Ô chưa hợp lệ": every cell that cannot be saved as it is, each a way to it. */
export function GridProblems({
  problems,
  labelOf,
  onGo,
}: {
  problems: (readonly [string, string])[];
  labelOf: (key: string) => string;
  onGo: (key: string) => void;
}) {
  if (problems.length === 0) return null;
  return (
    <section className="tg-problems" aria-label="Ô chưa hợp lệ">
      <h3>Ô chưa hợp lệ</h3>
      <ul>
        {problems.map(([key, message]) => (
          <li key={key}>
            <button type="button" className="link-button" onClick={() => onGo(key)}>
              {labelOf(key)}
            </button>
            : {message}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * "Vừa được người khác sửa": each cell someone else saved while this grid was being typed,
 * the two values side by side, and the choice for it (or for them all).
 */
export function GridConflicts({
  saving,
  labelOf,
  mineOf,
}: {
  saving: VersionedSave<string, TargetDto>;
  labelOf: (key: string) => string;
  /** What was typed in the cell, as typed. */
  mineOf: (key: string) => string;
}) {
  const { conflicts } = saving;
  if (conflicts.size === 0) return null;
  return (
    <section className="tg-conflicts" aria-label="Giá trị vừa được người khác sửa">
      <h3>Vừa được người khác sửa</h3>
      <ul>
        {[...conflicts.entries()].map(([key, current]) => {
          const mine = mineOf(key);
          return (
            <ConflictChoice key={key} of={saving} at={key} labels={CELL_CHOICE} as="li" dataKey={key}>
              <span className="tg-conflict-what">{labelOf(key)}</span>
              <span>
                Của bạn: <strong>{mine === '' ? 'trống (xóa)' : mine}</strong>; người khác vừa lưu:{' '}
                <strong>{current ? current.display : 'trống'}</strong>
              </span>
            </ConflictChoice>
          );
        })}
      </ul>
      {conflicts.size > 1 && (
        <ConflictChoice
          of={saving}
          at=""
          labels={['Giữ tất cả của tôi', 'Lấy tất cả giá trị kia']}
          onKeep={() => saving.chooseAll('mine')}
          onTake={() => saving.chooseAll('theirs')}
          as="p"
          className="tg-conflict-all"
        />
      )}
    </section>
  );
}
