import type { TargetLinesDto } from '../../../../shared/schemas/target-lines';
import { FormError } from '../../../components/ui/form';
import { StatusBadge } from '../../../components/ui/status-badge';
import { LineParts } from './line-parts';

export const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The stored lines, each with its status and its parts: "1. …" with the indicators under it. */
export function StoredLines({ lines, label }: { lines: TargetLinesDto['lines']; label: string }) {
  return (
    <ol className="tl-list" aria-label={label}>
      {lines.map((l, i) => (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: the stored lines have no identity but their place
          key={i}
          className="tl-line is-readonly"
          data-testid="target-line"
          data-status={l.status}
        >
          <div className="tl-line-head">
            <span className="tl-number">{i + 1}.</span>
            <p className="tl-text">{l.text}</p>
            <StatusBadge status={l.status} className="tl-status" />
          </div>
          <LineParts parts={l.parts} label={`Kết quả các chỉ tiêu của dòng ${i + 1}`} />
        </li>
      ))}
    </ol>
  );
}

/**
 * The list for those who cannot write it now: a viewer, a locked period, or a period locked
 * while it was being written (with the refusal that said so).
 */
export function TargetLinesReadOnly({
  data,
  canPlan,
  locked,
  lockedNow,
  refusal,
}: {
  data: TargetLinesDto;
  canPlan: boolean;
  locked: boolean;
  lockedNow: boolean;
  refusal: string | undefined;
}) {
  return (
    <div className="tl-list-wrap">
      {lockedNow && <FormError>{refusal ?? 'Kỳ này vừa bị khóa; danh sách không lưu được.'}</FormError>}
      {data.lines.length === 0 ? (
        <p className="tl-empty">
          {data.unit.name} chưa ghi chỉ tiêu chủ yếu nào cho {lowerFirst(data.period.label)}.
        </p>
      ) : (
        <StoredLines lines={data.lines} label="Các chỉ tiêu chủ yếu" />
      )}
      {canPlan && locked && (
        <p className="field-hint tl-readonly-note">
          Kỳ này đã khóa: danh sách chỉ tiêu chủ yếu không sửa được cho đến khi mở khóa.
        </p>
      )}
      {!canPlan && (
        <p className="field-hint tl-readonly-note">
          Các chỉ tiêu chủ yếu do cấp ủy của đơn vị ghi; tài khoản của bạn chỉ xem.
        </p>
      )}
    </div>
  );
}
