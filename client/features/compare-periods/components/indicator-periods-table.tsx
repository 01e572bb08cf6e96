import { parsePeriod } from '../../../../shared/period';
import type { ComparePeriodsDto } from '../../../../shared/schemas/compare';
import { useFollowLink } from '../../../lib/navigation';
import { FigureCells, FigureHeads } from '../../dashboard/components/chart-notes';
import { ResultCell } from '../../dashboard/components/result-cell';
import { formatAchievement } from '../../dashboard/utils/achievement';
import { changeDirection, changeInWords } from '../utils/change-words';
import { isSameTimeLastYear } from '../utils/compare-choice';
import { dashboardHref } from '../utils/links';
import { PeriodNote } from './period-note';

const ARROWS = { up: '▲', down: '▼', same: '=' } as const;

interface IndicatorPeriodsTableProps {
  data: ComparePeriodsDto;
  caption: string;
}

/** Kỳ, Kế hoạch, Thực hiện, Tỷ lệ so với KH, Đánh giá, Thay đổi: the figures behind the chart. */
export function IndicatorPeriodsTable({ data, caption }: IndicatorPeriodsTableProps) {
  const followLink = useFollowLink();
  const { indicator, unit } = data;
  const level = indicator.kind === 'level';

  return (
    <div className="table-wrap">
      <table className="data-table cmpk-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Kỳ</th>
            <FigureHeads level={level} />
            <th scope="col" className="cmpk-col-change">
              Thay đổi so với kỳ trước
            </th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row, i) => {
            const previous = i > 0 ? parsePeriod(data.rows[i - 1]!.period.code) : null;
            const sameTime = isSameTimeLastYear(previous, parsePeriod(row.period.code));
            const direction = changeDirection(row.change);
            const href = dashboardHref(unit.id, row.period.code, indicator.code);
            return (
              <tr key={row.period.code} data-period={row.period.code}>
                <th scope="row" className="cmpk-col-period" data-label="Kỳ">
                  <a
                    href={href}
                    title={`Mở Bảng chỉ tiêu ${row.period.label}`}
                    onClick={(e) => followLink(e, href)}
                  >
                    {row.period.label}
                  </a>
                  <PeriodNote period={row.period} />
                </th>
                <FigureCells
                  level={level}
                  target={row.target?.display ?? <span className="muted">—</span>}
                  result={<ResultCell result={row.result} rule={indicator} />}
                  achievement={formatAchievement(row.achievement)}
                  status={row.status}
                />
                <td
                  className="cmpk-col-change"
                  data-label="Thay đổi so với kỳ trước"
                  data-change={row.change ?? ''}
                >
                  <span className="cmpk-change">
                    {direction && direction !== 'same' && (
                      <span className={`cmpk-arrow is-${direction}`} aria-hidden="true">
                        {ARROWS[direction]}{' '}
                      </span>
                    )}
                    <span className="cmpk-change-words">
                      {changeInWords(row.change, indicator, sameTime)}
                    </span>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
