import type { ReactNode } from 'react';
import type { DashboardRowDto } from '../../../../shared/schemas/dashboard';
import { formatAchievement } from '../utils/achievement';
import { FigureCells, FigureHeads } from './chart-notes';
import { ResultCell } from './result-cell';
import '../dashboard.css';

interface DashboardTableProps {
  rows: DashboardRowDto[];
  caption: string;
  selectedCode: string | undefined;
  /** Points the chart at an indicator; absent when there is no chart (no units below). */
  onSelect?: (code: string) => void;
  /** What can be done on a row (update, history), in a last, compact column. */
  actions?: (row: DashboardRowDto) => ReactNode;
}

/** TT, Chỉ tiêu, ĐVT, Kế hoạch, Thực hiện, Tỷ lệ so với KH, Đánh giá: the report's table. */
export function DashboardTable({ rows, caption, selectedCode, onSelect, actions }: DashboardTableProps) {
  return (
    <div className="table-wrap">
      <table className="data-table dashboard-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-tt">
              TT
            </th>
            <th scope="col" className="col-name">
              Chỉ tiêu
            </th>
            <th scope="col" className="col-unit">
              ĐVT
            </th>
            <FigureHeads level={false} />
            {actions && (
              <th scope="col" className="col-actions">
                <span className="visually-hidden">Thao tác</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const { indicator } = row;
            const selected = onSelect !== undefined && indicator.code === selectedCode;
            const numeric = indicator.kind !== 'level';
            return (
              <tr
                key={indicator.code}
                data-code={indicator.code}
                className={selected ? 'is-selected' : undefined}
              >
                <td className="col-tt num" data-label="TT">
                  {i + 1}
                </td>
                <th scope="row" className="col-name" data-label="Chỉ tiêu">
                  {onSelect ? (
                    <button
                      type="button"
                      className="link-button"
                      aria-pressed={selected}
                      title="Xem biểu đồ chỉ tiêu này theo đơn vị trực thuộc"
                      onClick={() => onSelect(indicator.code)}
                    >
                      {indicator.name}
                    </button>
                  ) : (
                    indicator.name
                  )}
                </th>
                <td className="col-unit" data-label="ĐVT">
                  {indicator.unitLabel}
                </td>
                <FigureCells
                  level={!numeric}
                  target={row.target?.display ?? <span className="muted figure-none">—</span>}
                  result={<ResultCell result={row.result} rule={indicator} />}
                  achievement={formatAchievement(row.achievement)}
                  status={row.status}
                  judgementClass="col-status"
                />
                {actions && (
                  <td className="col-actions" data-label="Thao tác">
                    <div className="value-actions">{actions(row)}</div>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
