import type { TargetLinesDto } from '../../../../shared/schemas/target-lines';
import { StatusBadge } from '../../../components/ui/status-badge';

/** In the choice after a conflict: the list someone else saved meanwhile, against the length of one's own. */
export function TheirLines({ lines, mine }: { lines: TargetLinesDto['lines']; mine: number }) {
  return (
    <>
      <p>Danh sách hiện tại, do người khác vừa lưu:</p>
      {lines.length === 0 ? (
        <p className="muted">(Danh sách trống.)</p>
      ) : (
        <ol className="tl-conflict-list">
          {lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the stored lines have no identity but their place
            <li key={i}>
              {l.text} <StatusBadge status={l.status} />
            </li>
          ))}
        </ol>
      )}
      <p>Danh sách của bạn có {mine} dòng. Giữ danh sách của bạn sẽ thay toàn bộ danh sách hiện tại.</p>
    </>
  );
}
