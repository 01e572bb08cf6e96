import { describe, expect, it } from 'vitest';
import type { Status } from '../../../../shared/judgement';
import { rankingChartData, rankingRule, rankUnits } from './ranking';
import type { CompareCell, CompareIndicator, CompareRow } from './scorecard';

const ADMITTED: CompareIndicator = {
  code: 'KET_NAP',
  name: 'Số đảng viên mới được kết nạp',
  unitLabel: 'đảng viên',
  kind: 'count',
  direction: 'higher',
  timeAggregate: 'sum',
};
const DISCIPLINE: CompareIndicator = { ...ADMITTED, code: 'KY_LUAT', direction: 'lower' };
const RATING: CompareIndicator = {
  code: 'XL',
  name: 'Xếp loại tổ chức đoàn thể',
  unitLabel: 'mức',
  kind: 'level',
  direction: 'higher',
  timeAggregate: 'last',
  levels: ['Trung bình', 'Khá', 'Vững mạnh', 'Vững mạnh tiêu biểu'],
};

function row(
  id: string,
  code: string,
  status: Status,
  target: number | string | null,
  result: number | string | null,
  achievement: number | null = null,
): CompareRow {
  const cell: CompareCell = {
    code,
    status,
    target: target === null ? null : { value: target, display: String(target) },
    result: result === null ? null : { value: result, display: String(result), source: 'entered' },
    achievement,
  };
  return { unit: { id, name: `Chi bộ ${id}`, kind: 'chi_bo' }, hasChildren: false, cells: [cell] };
}

const order = (ranked: ReturnType<typeof rankUnits>) => ranked.map((r) => `${r.row.unit.id}:${r.rank}`);

describe('ranking the units on one indicator, best first', () => {
  it('ranks by verdict, then achievement, then result where there is no achievement', () => {
    // The demo's 2021 admissions: a target of 0 gives no achievement, yet 1 against 0 is Vượt.
    const rows = [
      row('2', 'KET_NAP', 'met', 1, 1, 100),
      row('3', 'KET_NAP', 'missed', 1, 0, 0),
      row('4', 'KET_NAP', 'met', 0, 0),
      row('5', 'KET_NAP', 'exceeded', 0, 1),
      row('6', 'KET_NAP', 'exceeded', 2, 3, 150),
    ];
    expect(order(rankUnits(rows, ADMITTED))).toEqual(['6:1', '5:2', '2:3', '4:4', '3:5']);
  });

  it('gives equal figures the same rank, and the next one the rank after them', () => {
    const rows = [
      row('1', 'KET_NAP', 'met', 1, 1, 100),
      row('2', 'KET_NAP', 'exceeded', 1, 2, 200),
      row('3', 'KET_NAP', 'met', 1, 1, 100),
      row('4', 'KET_NAP', 'missed', 2, 1, 50),
    ];
    expect(order(rankUnits(rows, ADMITTED))).toEqual(['2:1', '1:2', '3:2', '4:4']);
  });

  it('ranks where less is better by the smaller result', () => {
    const rows = [
      row('1', 'KY_LUAT', 'missed', 0, 2),
      row('2', 'KY_LUAT', 'met', 0, 0),
      row('3', 'KY_LUAT', 'missed', 0, 1),
    ];
    expect(order(rankUnits(rows, DISCIPLINE))).toEqual(['2:1', '3:2', '1:3']);
  });

  it('ranks levels by their place on the scale', () => {
    const rows = [
      row('1', 'XL', 'met', 'Vững mạnh', 'Vững mạnh'),
      row('2', 'XL', 'exceeded', 'Vững mạnh', 'Vững mạnh tiêu biểu'),
      row('3', 'XL', 'no_target', null, 'Khá'),
      row('4', 'XL', 'no_target', null, 'Vững mạnh'),
    ];
    expect(order(rankUnits(rows, RATING))).toEqual(['2:1', '1:2', '4:3', '3:4']);
  });

  it('leaves unranked, at the end, a unit still without a result, then a unit with nothing', () => {
    const rows = [
      row('1', 'KET_NAP', 'no_target', null, null),
      row('2', 'KET_NAP', 'no_data', 1, null),
      row('3', 'KET_NAP', 'missed', 1, 0, 0),
    ];
    expect(order(rankUnits(rows, ADMITTED))).toEqual(['3:1', '2:null', '1:null']);
  });

  it('hands the chart rows in rank order, each name headed by its rank', () => {
    const rows = [row('1', 'KET_NAP', 'no_data', 1, null), row('2', 'KET_NAP', 'met', 1, 1, 100)];
    const data = rankingChartData(
      {
        parent: { id: '9', name: 'Đảng bộ' },
        period: { code: '2021', label: 'Năm 2021', start: '2021-01-01', end: '2021-12-31', open: false },
      },
      ADMITTED,
      rankUnits(rows, ADMITTED),
    );
    expect(data.indicator.code).toBe('KET_NAP');
    expect(data.rows.map((r) => r.unit.name)).toEqual(['1. Chi bộ 2', 'Chi bộ 1']);
    expect(data.rows[0]).toMatchObject({ status: 'met', achievement: 100 });
  });

  it('says how the order was made', () => {
    expect(rankingRule(ADMITTED)).toMatch(/tỷ lệ so với kế hoạch/);
    expect(rankingRule(DISCIPLINE)).toMatch(/càng thấp càng tốt/);
    expect(rankingRule(RATING)).toMatch(/mức xếp loại/);
  });
});
