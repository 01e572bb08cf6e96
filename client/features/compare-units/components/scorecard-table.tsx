import type { ReactNode } from 'react';
import type { CompareUnitsDto } from '../../../../shared/schemas/compare';
import { useFollowLink } from '../../../lib/navigation';
import {
  type CompareRow,
  cellOf,
  NAME_KEY,
  type SortState,
  SUMMARY_KEY,
  unitSummary,
} from '../utils/scorecard';
import { ScorecardCell } from './scorecard-cell';

interface ScorecardTableProps {
  data: CompareUnitsDto;
  /** The rows in the order shown. */
  rows: CompareRow[];
  sort: SortState | null;
  onSort: (key: string) => void;
  /** The indicator drawn in the ranking chart, and how to point the chart at another. */
  chartCode: string | undefined;
  onChart: (code: string) => void;
  dashboardHref: (unitId: string) => string;
  compareHref: (unitId: string) => string;
}

const ariaSort = (sort: SortState | null, key: string) =>
  sort?.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';

function SortIcon({ state }: { state: 'ascending' | 'descending' | 'none' }) {
  return (
    <svg
      className={`cmpu-sort-icon is-${state}`}
      viewBox="0 0 12 16"
      width="10"
      height="14"
      aria-hidden="true"
    >
      <path className="up" d="M6 1 11 6.5H1Z" />
      <path className="down" d="M6 15 1 9.5h10Z" />
    </svg>
  );
}

function ChartIcon() {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
      <path d="M3 4h9v3H3zM3 8.5h13v3H3zM3 13h6v3H3z" fill="currentColor" />
    </svg>
  );
}

/** A column heading that sorts the units: a button inside the header cell, which bears aria-sort. */
function SortButton({
  sortKey,
  sort,
  onSort,
  children,
}: {
  sortKey: string;
  sort: SortState | null;
  onSort: (key: string) => void;
  children: ReactNode;
}) {
  return (
    <button type="button" className="cmpu-sort" onClick={() => onSort(sortKey)}>
      <span className="cmpu-sort-text">{children}</span>
      <SortIcon state={ariaSort(sort, sortKey)} />
    </button>
  );
}

/**
 * Units by indicators: each cell the verdict in word and colour with the figures behind it, a
 * first column with the unit's name that stays in view while the table scrolls sideways, and a
 * summary column "N/M đạt và vượt". Every heading sorts.
 */
export function ScorecardTable({
  data,
  rows,
  sort,
  onSort,
  chartCode,
  onChart,
  dashboardHref,
  compareHref,
}: ScorecardTableProps) {
  const followLink = useFollowLink();
  const { indicators } = data;
  return (
    <table className="data-table cmpu-table" data-testid="scorecard">
      <caption className="visually-hidden">
        So sánh các đơn vị trực thuộc {data.parent.name} — {data.period.label}: mỗi dòng một đơn vị, mỗi cột
        một chỉ tiêu
      </caption>
      <thead>
        <tr>
          <th scope="col" className="cmpu-unit" aria-sort={ariaSort(sort, NAME_KEY)}>
            <SortButton sortKey={NAME_KEY} sort={sort} onSort={onSort}>
              Đơn vị
            </SortButton>
          </th>
          <th scope="col" className="cmpu-summary" aria-sort={ariaSort(sort, SUMMARY_KEY)}>
            <SortButton sortKey={SUMMARY_KEY} sort={sort} onSort={onSort}>
              Đạt và vượt
            </SortButton>
          </th>
          {indicators.map((i) => (
            <th
              key={i.code}
              scope="col"
              className={`cmpu-col${i.code === chartCode ? ' is-charted' : ''}`}
              data-code={i.code}
              aria-sort={ariaSort(sort, i.code)}
            >
              <div className="cmpu-head">
                <SortButton sortKey={i.code} sort={sort} onSort={onSort}>
                  {i.name} <span className="cmpu-head-unit">({i.unitLabel})</span>
                </SortButton>
                <button
                  type="button"
                  className="cmpu-chart-button"
                  aria-pressed={i.code === chartCode}
                  aria-label={`Biểu đồ xếp hạng: ${i.name}`}
                  title="Xem biểu đồ xếp hạng các đơn vị theo chỉ tiêu này"
                  onClick={() => onChart(i.code)}
                >
                  <ChartIcon />
                </button>
              </div>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const { achieved, withTarget } = unitSummary(row);
          const share = withTarget === 0 ? 0 : (achieved / withTarget) * 100;
          return (
            <tr key={row.unit.id} data-unit={row.unit.id}>
              <th scope="row" className="cmpu-unit">
                <a
                  className="cmpu-unit-link"
                  href={dashboardHref(row.unit.id)}
                  title={`Mở bảng chỉ tiêu của ${row.unit.name}`}
                  onClick={(e) => followLink(e, dashboardHref(row.unit.id))}
                >
                  {row.unit.name}
                </a>
                {row.hasChildren && (
                  <a
                    className="cmpu-drill"
                    href={compareHref(row.unit.id)}
                    aria-label={`So sánh các đơn vị trực thuộc ${row.unit.name}`}
                    onClick={(e) => followLink(e, compareHref(row.unit.id))}
                  >
                    So sánh các đơn vị trực thuộc
                  </a>
                )}
              </th>
              <td className="cmpu-summary" data-label="Đạt và vượt">
                {withTarget === 0 ? (
                  <span className="muted">Chưa giao chỉ tiêu</span>
                ) : (
                  <>
                    <span className="cmpu-summary-text">
                      <strong>
                        {achieved}/{withTarget}
                      </strong>{' '}
                      <span className="cmpu-summary-label">đạt và vượt</span>
                    </span>
                    <span className="share-bar cmpu-share" aria-hidden="true">
                      <span style={{ width: `${share}%` }} />
                    </span>
                  </>
                )}
              </td>
              {indicators.map((i) => {
                const cell = cellOf(row, i.code);
                return (
                  <td
                    key={i.code}
                    className={`cmpu-col${i.code === chartCode ? ' is-charted' : ''}`}
                    data-code={i.code}
                  >
                    <ScorecardCell cell={cell} indicator={i} />
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
