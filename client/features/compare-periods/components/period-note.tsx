import { todayIso } from '../../../../shared/vietnam-time';
import { periodNote } from '../utils/compare-choice';

/** "Đang diễn ra" or "Chưa bắt đầu" under a period that is not over: its "Chưa đạt" may still change. */
export function PeriodNote({ period }: { period: { start: string; open: boolean } }) {
  const note = periodNote(period, todayIso());
  return note ? (
    <span className={`cmpk-open${note === 'Chưa bắt đầu' ? ' is-future' : ''}`}>{note}</span>
  ) : null;
}
