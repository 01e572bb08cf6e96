import { describe, expect, it } from 'vitest';
import type { ComparePeriodsDto } from '../../../../shared/schemas/compare';
import { chartSummary, periodChartData } from './period-chart-data';

const period = (code: string, label: string, start: string, end: string) => ({
  code,
  label,
  start,
  end,
  open: false,
});

const ratio: ComparePeriodsDto = {
  unit: { id: '1', name: 'Đảng bộ Trường' },
  indicator: {
    code: 'DV_HTT',
    name: 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên',
    unitLabel: '%',
    kind: 'ratio',
    direction: 'higher',
    timeAggregate: 'sum',
  },
  rows: [
    {
      period: period('2022-H1', '6 tháng đầu năm 2022', '2022-01-01', '2022-06-30'),
      target: { value: 90, display: '90%' },
      result: { value: 93.33, display: '93,33%', numerator: 56, denominator: 60, source: 'units' },
      status: 'exceeded',
      achievement: 103.7,
      change: null,
    },
    {
      period: period('2023-H1', '6 tháng đầu năm 2023', '2023-01-01', '2023-06-30'),
      target: null,
      result: null,
      status: 'no_target',
      achievement: null,
      change: null,
    },
  ],
};

describe('the chart of one indicator across periods', () => {
  it('plots target and result per period, named by its year on the axis', () => {
    const { scale, rows } = periodChartData(ratio);
    expect(scale).toEqual({ kind: 'percent' });
    expect(rows[0]).toMatchObject({
      code: '2022-H1',
      name: '2022',
      label: '6 tháng đầu năm 2022',
      target: 90,
      result: 93.33,
      parts: '56/60',
      status: 'exceeded',
    });
    expect(rows[1]).toMatchObject({ target: null, result: null, parts: null });
  });

  it('plots a level by its position on the scale, lowest first from 1', () => {
    const { scale, rows } = periodChartData({
      ...ratio,
      indicator: {
        ...ratio.indicator,
        kind: 'level',
        levels: ['Trung bình', 'Khá', 'Vững mạnh'],
      },
      rows: [
        {
          ...ratio.rows[0]!,
          target: { value: 'Khá', display: 'Khá' },
          result: { value: 'Vững mạnh', display: 'Vững mạnh', source: 'entered' },
          achievement: null,
        },
      ],
    });
    expect(scale).toEqual({ kind: 'level', levels: ['Trung bình', 'Khá', 'Vững mạnh'] });
    expect(rows[0]).toMatchObject({ target: 2, result: 3 });
  });

  it('says every period in words for a screen reader', () => {
    const text = chartSummary('Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên', periodChartData(ratio).rows);
    expect(text).toContain(
      '6 tháng đầu năm 2022: kế hoạch 90%, thực hiện 93,33% (56/60), bằng 103,7% kế hoạch, Vượt.',
    );
    expect(text).toContain('6 tháng đầu năm 2023: chưa giao kế hoạch, chưa có kết quả, Chưa giao chỉ tiêu.');
  });
});
