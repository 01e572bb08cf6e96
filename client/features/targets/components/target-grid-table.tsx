import type { ReactNode, Ref } from 'react';
import type { LockDto } from '../../../../shared/accounts';
import type { IndicatorDef } from '../../../../shared/indicator';
import type { Period } from '../../../../shared/period';
import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import { LockIcon } from '../../../components/ui/lock-icon';

const HINTS: Record<IndicatorDef['kind'], string> = {
  count: 'số nguyên',
  percent: '%, tối đa 2 chữ số thập phân',
  ratio: '% từ 0 đến 100',
  level: 'một mức xếp loại',
};

/** The id of the list of a level indicator's levels, offered in its cells. */
export const levelsListId = (id: string, code: string) => `${id}-levels-${code}`;

/**
 * The grid's table: indicators by periods (on a phone, by the one period `shown`), a locked period marked in its heading, each
 * indicator with the kind of value it takes; the cells are drawn by `cell`.
 */
export function TargetGridTable({
  id,
  unitName,
  periods,
  indicators,
  locks,
  tableRef,
  describedBy,
  shown,
  cell,
}: {
  id: string;
  unitName: string;
  periods: Period[];
  indicators: IndicatorDto[];
  locks: ReadonlyMap<string, LockDto>;
  tableRef: Ref<HTMLTableElement>;
  describedBy: string;
  /** The column a phone shows; the others are hidden on a narrow screen (target-grid.css). */
  shown: number;
  cell: (ind: IndicatorDto, period: Period, row: number, col: number) => ReactNode;
}) {
  return (
    <div className="target-grid-scroll">
      <table className="target-grid" ref={tableRef} aria-describedby={describedBy}>
        <caption className="visually-hidden">Chỉ tiêu giao cho {unitName}, theo chỉ tiêu và theo kỳ</caption>
        <thead>
          <tr>
            <th scope="col" className="tg-name">
              Chỉ tiêu
            </th>
            <th scope="col" className="tg-unit">
              ĐVT
            </th>
            {periods.map((p, col) => {
              const lock = locks.get(p.code);
              return (
                <th
                  key={p.code}
                  scope="col"
                  className={`tg-period${col === shown ? '' : ' tg-off'}`}
                  data-period={p.code}
                >
                  {p.label}
                  {lock && (
                    <span className="tg-locked" title={`Đã khóa sau hội nghị đánh giá (${lock.lockedBy})`}>
                      <LockIcon /> Đã khóa
                    </span>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {indicators.map((ind, row) => (
            <tr key={ind.code} data-code={ind.code}>
              <th scope="row" className="tg-name">
                {ind.name}
                <span className="tg-kind">
                  {HINTS[ind.kind]}
                  <span className="tg-kind-unit">{ind.kind === 'count' ? ` (${ind.unitLabel})` : ''}</span>
                </span>
              </th>
              <td className="tg-unit">{ind.unitLabel}</td>
              {periods.map((p, col) => cell(ind, p, row, col))}
            </tr>
          ))}
        </tbody>
      </table>
      {indicators
        .filter((i) => i.kind === 'level')
        .map((i) => (
          <datalist key={i.code} id={levelsListId(id, i.code)}>
            {(i.levels ?? []).map((l) => (
              <option key={l} value={l} />
            ))}
          </datalist>
        ))}
    </div>
  );
}
