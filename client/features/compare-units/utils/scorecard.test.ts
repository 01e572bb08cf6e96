import { describe, expect, it } from 'vitest';
import type { Status } from '../../../../shared/judgement';
import {
  type CompareCell,
  type CompareIndicator,
  type CompareRow,
  describeSort,
  nextSort,
  readSort,
  resultMerit,
  sortRows,
  unitSummary,
} from './scorecard';

const PERCENT: CompareIndicator = {
  code: 'DV_HTT',
  name: 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên',
  unitLabel: '%',
  kind: 'ratio',
  direction: 'higher',
  timeAggregate: 'sum',
};
const DISCIPLINE: CompareIndicator = {
  code: 'KY_LUAT',
  name: 'Số đảng viên bị kỷ luật',
  unitLabel: 'đảng viên',
  kind: 'count',
  direction: 'lower',
  timeAggregate: 'sum',
};
const RATING: CompareIndicator = {
  code: 'XL',
  name: 'Xếp loại tổ chức đoàn thể',
  unitLabel: 'mức',
  kind: 'level',
  direction: 'higher',
  timeAggregate: 'last',
  levels: ['Trung bình', 'Khá', 'Vững mạnh', 'Vững mạnh tiêu biểu'],
};
const INDICATORS = [PERCENT, DISCIPLINE, RATING];

function cell(
  code: string,
  status: Status,
  result: number | string | null = null,
  achievement: number | null = null,
): CompareCell {
  return {
    code,
    status,
    target: status === 'no_target' ? null : { value: 0, display: '0' },
    result: result === null ? null : { value: result, display: String(result), source: 'entered' },
    achievement,
  };
}

function row(id: string, name: string, cells: CompareCell[]): CompareRow {
  return { unit: { id, name, kind: 'chi_bo' }, hasChildren: false, cells };
}

const ids = (rows: CompareRow[]) => rows.map((r) => r.unit.id);

describe('sorting the scorecard by an indicator', () => {
  const rows = [
    row('1', 'Chi bộ A', [cell('DV_HTT', 'exceeded', 100, 111.11)]),
    row('2', 'Chi bộ B', [cell('DV_HTT', 'no_target')]),
    row('3', 'Chi bộ C', [cell('DV_HTT', 'missed', 80, 88.89)]),
    row('4', 'Chi bộ D', [cell('DV_HTT', 'no_data')]),
    row('5', 'Chi bộ E', [cell('DV_HTT', 'met', 90, 100)]),
    row('6', 'Chi bộ G', [cell('DV_HTT', 'not_yet', 85, 94.44)]),
    row('7', 'Chi bộ H', [cell('DV_HTT', 'missed', 50, 55.56)]),
  ];

  it('puts the worst news first: Không đạt, Chưa đạt, Chưa có số liệu, Đạt, Vượt, then Chưa giao', () => {
    const sorted = sortRows(rows, INDICATORS, { key: 'DV_HTT', dir: 'asc' });
    expect(sorted.map((r) => r.cells[0]?.status)).toEqual([
      'missed',
      'missed',
      'not_yet',
      'no_data',
      'met',
      'exceeded',
      'no_target',
    ]);
  });

  it('orders units of the same verdict by achievement, the lower first when ascending', () => {
    expect(ids(sortRows(rows, INDICATORS, { key: 'DV_HTT', dir: 'asc' }))).toEqual([
      '7',
      '3',
      '6',
      '4',
      '5',
      '1',
      '2',
    ]);
  });

  it('turns round when descending, and still keeps the unit without a target last', () => {
    expect(ids(sortRows(rows, INDICATORS, { key: 'DV_HTT', dir: 'desc' }))).toEqual([
      '1',
      '5',
      '4',
      '6',
      '3',
      '7',
      '2',
    ]);
  });

  it('judges a lower-is-better count by its result: more disciplined members is worse', () => {
    const discipline = [
      row('1', 'A', [cell('KY_LUAT', 'missed', 1)]),
      row('2', 'B', [cell('KY_LUAT', 'missed', 3)]),
      row('3', 'C', [cell('KY_LUAT', 'met', 0)]),
    ];
    expect(ids(sortRows(discipline, INDICATORS, { key: 'KY_LUAT', dir: 'asc' }))).toEqual(['2', '1', '3']);
  });

  it('orders levels by their place on the scale', () => {
    const ratings = [
      row('1', 'A', [cell('XL', 'exceeded', 'Vững mạnh tiêu biểu')]),
      row('2', 'B', [cell('XL', 'no_target', 'Khá')]),
      row('3', 'C', [cell('XL', 'missed', 'Trung bình')]),
      row('4', 'D', [cell('XL', 'missed', 'Khá')]),
    ];
    expect(ids(sortRows(ratings, INDICATORS, { key: 'XL', dir: 'asc' }))).toEqual(['3', '4', '1', '2']);
    expect(ids(sortRows(ratings, INDICATORS, { key: 'XL', dir: 'desc' }))).toEqual(['1', '4', '3', '2']);
  });

  it('keeps the organisation order between equals, and without a sort', () => {
    const equal = [
      row('1', 'A', [cell('DV_HTT', 'met', 90, 100)]),
      row('2', 'B', [cell('DV_HTT', 'met', 90, 100)]),
    ];
    expect(ids(sortRows(equal, INDICATORS, { key: 'DV_HTT', dir: 'asc' }))).toEqual(['1', '2']);
    expect(ids(sortRows(equal, INDICATORS, { key: 'DV_HTT', dir: 'desc' }))).toEqual(['1', '2']);
    expect(ids(sortRows(rows, INDICATORS, null))).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it('takes a unit missing a cell as having no target', () => {
    const sparse = [row('1', 'A', []), row('2', 'B', [cell('DV_HTT', 'met', 90, 100)])];
    expect(ids(sortRows(sparse, INDICATORS, { key: 'DV_HTT', dir: 'asc' }))).toEqual(['2', '1']);
  });
});

describe('sorting by name and by the summary', () => {
  const rows = [
    row('1', 'Đoàn Thanh niên Trường', [cell('DV_HTT', 'met'), cell('KY_LUAT', 'met')]),
    row('2', 'Chi bộ Khoa Xã hội', [cell('DV_HTT', 'missed'), cell('KY_LUAT', 'met')]),
    row('3', 'Công đoàn Trường', [cell('DV_HTT', 'no_target'), cell('KY_LUAT', 'no_target')]),
    row('4', 'Chi bộ 10', [cell('DV_HTT', 'exceeded'), cell('KY_LUAT', 'no_data')]),
    row('5', 'Chi bộ 9', [cell('DV_HTT', 'missed'), cell('KY_LUAT', 'no_target')]),
  ];

  it('sorts names the Vietnamese way: Đ after D, numbers by value', () => {
    const names = (dir: 'asc' | 'desc') =>
      sortRows(rows, INDICATORS, { key: 'name', dir }).map((r) => r.unit.name);
    expect(names('asc')).toEqual([
      'Chi bộ 9',
      'Chi bộ 10',
      'Chi bộ Khoa Xã hội',
      'Công đoàn Trường',
      'Đoàn Thanh niên Trường',
    ]);
    expect(names('desc')[0]).toBe('Đoàn Thanh niên Trường');
  });

  it('counts met and exceeded among the cells with a target', () => {
    expect(rows.map(unitSummary)).toEqual([
      { achieved: 2, withTarget: 2 },
      { achieved: 1, withTarget: 2 },
      { achieved: 0, withTarget: 0 },
      { achieved: 1, withTarget: 2 },
      { achieved: 0, withTarget: 1 },
    ]);
  });

  it('sorts by the share met or exceeded, lowest first, a unit without targets last', () => {
    expect(ids(sortRows(rows, INDICATORS, { key: 'summary', dir: 'asc' }))).toEqual([
      '5',
      '2',
      '4',
      '1',
      '3',
    ]);
    expect(ids(sortRows(rows, INDICATORS, { key: 'summary', dir: 'desc' }))).toEqual([
      '1',
      '2',
      '4',
      '5',
      '3',
    ]);
  });
});

describe('the sort in the address', () => {
  it('reads a known column and its direction, ascending unless it says desc', () => {
    expect(readSort({ sort: 'DV_HTT', dir: 'desc' }, INDICATORS)).toEqual({ key: 'DV_HTT', dir: 'desc' });
    expect(readSort({ sort: 'name' }, INDICATORS)).toEqual({ key: 'name', dir: 'asc' });
    expect(readSort({ sort: 'summary', dir: 'sideways' }, INDICATORS)).toEqual({
      key: 'summary',
      dir: 'asc',
    });
  });

  it('ignores a column this scorecard does not have', () => {
    expect(readSort({ sort: 'TUYEN_SINH', dir: 'asc' }, INDICATORS)).toBeNull();
    expect(readSort({}, INDICATORS)).toBeNull();
  });

  it('turns the same column round and starts another ascending', () => {
    expect(nextSort(null, 'DV_HTT')).toEqual({ key: 'DV_HTT', dir: 'asc' });
    expect(nextSort({ key: 'DV_HTT', dir: 'asc' }, 'DV_HTT')).toEqual({ key: 'DV_HTT', dir: 'desc' });
    expect(nextSort({ key: 'DV_HTT', dir: 'desc' }, 'DV_HTT')).toEqual({ key: 'DV_HTT', dir: 'asc' });
    expect(nextSort({ key: 'DV_HTT', dir: 'desc' }, 'name')).toEqual({ key: 'name', dir: 'asc' });
  });

  it('says the order in Vietnamese', () => {
    expect(describeSort({ key: 'DV_HTT', dir: 'asc' }, INDICATORS)).toBe(
      'theo “Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên”, kém nhất trước',
    );
    expect(describeSort({ key: 'name', dir: 'desc' }, INDICATORS)).toBe('theo tên đơn vị, từ Z đến A');
  });
});

describe('the merit of a result', () => {
  const result = (value: number | string) => ({ value, display: String(value), source: 'entered' as const });
  it('grows with the value, shrinks where less is better, follows the scale for a level', () => {
    expect(resultMerit(PERCENT, result(90))).toBe(90);
    expect(resultMerit(DISCIPLINE, result(2))).toBe(-2);
    expect(resultMerit(RATING, result('Vững mạnh'))).toBe(2);
    expect(resultMerit(RATING, result('Không có trên thang'))).toBeNull();
    expect(resultMerit(PERCENT, null)).toBeNull();
  });
});
