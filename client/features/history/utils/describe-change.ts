import type { ChangeDto } from '../../../../shared/accounts';
import { formatNumber } from '../../../../shared/format';
import { vietnamDateTime } from '../../../../shared/vietnam-time';

// One line of the history of a row: "dd/mm/yyyy HH:mm · người · Kết quả · trước → sau · ghi chú".

export interface ChangeLine {
  id: string;
  when: string;
  who: string;
  what: string;
  before: string;
  after: string;
  note: string | null;
}

/** The changes that belong to one row: its target and result, and the locks of its period. */
export function belongsToRow(change: ChangeDto, code: string): boolean {
  if (change.type === 'lock') return true;
  return (change.type === 'target' || change.type === 'result') && change.code === code;
}

// A stored target or result as the API wrote it: its display, and the counts of a ratio.
function valueText(v: unknown): string {
  if (typeof v !== 'object' || v === null) return '—';
  const o = v as { display?: unknown; numerator?: unknown; denominator?: unknown; locked?: unknown };
  if (typeof o.locked === 'boolean') return o.locked ? 'Đã khóa' : 'Mở';
  if (typeof o.display !== 'string') return '—';
  if (typeof o.numerator === 'number' && typeof o.denominator === 'number')
    return `${o.display} (${formatNumber(o.numerator)}/${formatNumber(o.denominator)})`;
  return o.display;
}

function what(change: ChangeDto): string {
  switch (change.type) {
    case 'target':
      return 'Kế hoạch';
    case 'result':
      return 'Kết quả';
    case 'lock':
      return change.action === 'delete' ? 'Mở khóa kỳ' : 'Khóa kỳ';
    default:
      return 'Thay đổi';
  }
}

export function describeChange(change: ChangeDto): ChangeLine {
  const removed = change.action === 'delete' && change.type !== 'lock';
  const note = change.note?.trim() ? change.note.trim() : null;
  return {
    id: change.id,
    when: vietnamDateTime(change.at),
    who: change.user ?? 'Hệ thống',
    what: what(change),
    before: change.action === 'create' ? '—' : valueText(change.before),
    after: removed ? 'đã xóa' : valueText(change.after),
    note: note && change.type === 'lock' && change.action === 'delete' ? `Lý do: ${note}` : note,
  };
}
