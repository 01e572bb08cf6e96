import { describe, expect, it } from 'vitest';
import type { DashboardRowDto } from '../../../../shared/schemas/dashboard';
import type { TargetLineDto, TargetLinesDto } from '../../../../shared/schemas/target-lines';
import {
  buildSlides,
  emptyMessage,
  levelSteps,
  partBars,
  partDescription,
  partFigures,
  partScale,
  sentenceSize,
  slideAnnouncement,
  slideFromParam,
  slideLabel,
  summarySentence,
  verdictCounts,
} from './slides';

// The rows as GET /api/target-lines gives them for the demo root in 2021 (the 2021 report the demo reproduces).

const htt: DashboardRowDto = {
  indicator: {
    code: 'DV_HTT',
    name: 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên',
    unitLabel: '%',
    kind: 'ratio',
    direction: 'higher',
    timeAggregate: 'sum',
  },
  target: { value: 90, display: '90%' },
  result: {
    value: 100,
    display: '100%',
    numerator: 60,
    denominator: 60,
    source: 'units',
    coverage: { reported: 5, total: 10 },
  },
  status: 'exceeded',
  achievement: 111.11,
};

const cells: DashboardRowDto = {
  indicator: {
    code: 'CB_HTT',
    name: 'Số chi bộ hoàn thành tốt nhiệm vụ trở lên',
    unitLabel: 'chi bộ',
    kind: 'count',
    direction: 'higher',
    timeAggregate: 'sum',
  },
  target: { value: 1500, display: '1.500' },
  result: { value: 1560, display: '1.560', source: 'entered' },
  status: 'exceeded',
  achievement: 104,
};

const rating: DashboardRowDto = {
  indicator: {
    code: 'XL_DANG_BO',
    name: 'Xếp loại Đảng bộ',
    unitLabel: 'mức',
    kind: 'level',
    direction: 'higher',
    timeAggregate: 'last',
    levels: ['Hoàn thành nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành xuất sắc nhiệm vụ'],
  },
  target: { value: 'Hoàn thành tốt nhiệm vụ', display: 'Hoàn thành tốt nhiệm vụ' },
  result: null,
  status: 'no_data',
  achievement: null,
};

const line = (
  text: string,
  status: TargetLineDto['status'],
  parts: DashboardRowDto[] = [],
): TargetLineDto => ({
  text,
  codes: parts.map((p) => p.indicator.code),
  status,
  parts,
});

const lines = [
  line('Có 90% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên', 'exceeded', [htt]),
  line('100% đảng viên, quần chúng tham gia học tập các nghị quyết của Đảng', 'met'),
  line('Trong năm 2021, có 03 giảng viên đạt danh hiệu giảng viên dạy giỏi các cấp', 'missed'),
  line('Phối hợp Ban Giám hiệu hoàn thành tốt kế hoạch đào tạo, bồi dưỡng năm 2021', 'exceeded'),
];

const data: Pick<TargetLinesDto, 'unit' | 'period' | 'summary'> = {
  unit: { id: '1', name: 'Đảng bộ Trường Cao đẳng Sư phạm Hồng Lam' },
  period: { code: '2021', label: 'Năm 2021', start: '2021-01-01', end: '2021-12-31', open: false },
  summary: { total: 4, achieved: 3, share: 75 },
};

describe('the deck', () => {
  it('is a title slide, one slide per line in order, and a closing slide', () => {
    const slides = buildSlides(lines);
    expect(slides.map((s) => s.kind)).toEqual(['title', 'line', 'line', 'line', 'line', 'closing']);
    expect(slides.filter((s) => s.kind === 'line').map((s) => s.number)).toEqual([1, 2, 3, 4]);
    expect(slideLabel(slides[3]!)).toBe(
      'Chỉ tiêu 3: Trong năm 2021, có 03 giảng viên đạt danh hiệu giảng viên dạy giỏi các cấp',
    );
  });

  it('is empty when the unit has no lines for the period', () => {
    expect(buildSlides([])).toEqual([]);
    expect(emptyMessage('Chi bộ Đào tạo – Khảo thí', 'Năm 2021')).toBe(
      'Chi bộ Đào tạo – Khảo thí chưa có chỉ tiêu chủ yếu nào trong năm 2021.',
    );
    expect(emptyMessage('Đảng bộ', 'Quý I/2023')).toBe(
      'Đảng bộ chưa có chỉ tiêu chủ yếu nào trong quý I/2023.',
    );
  });

  it('resumes on the slide of the address, kept inside the deck', () => {
    expect(slideFromParam('3', 9)).toBe(3);
    expect(slideFromParam('12', 9)).toBe(9);
    expect(slideFromParam('0', 9)).toBe(1);
    expect(slideFromParam('abc', 9)).toBe(1);
    expect(slideFromParam(undefined, 9)).toBeNull();
    expect(slideFromParam('3', 0)).toBeNull();
  });
});

describe('the summary', () => {
  it('reads "Có N/M chỉ tiêu chủ yếu đạt và vượt (P%)" in Vietnamese numbers', () => {
    expect(summarySentence({ total: 7, achieved: 6, share: 85.71 })).toBe(
      'Có 6/7 chỉ tiêu chủ yếu đạt và vượt (85,71%)',
    );
    expect(summarySentence({ total: 11, achieved: 9, share: 81.82 })).toBe(
      'Có 9/11 chỉ tiêu chủ yếu đạt và vượt (81,82%)',
    );
  });

  it('counts the lines of each verdict, best first, leaving out the verdicts nobody has', () => {
    expect(verdictCounts(lines)).toEqual([
      { status: 'exceeded', count: 2 },
      { status: 'met', count: 1 },
      { status: 'missed', count: 1 },
    ]);
  });

  it('is announced with the slide number, the sentence and the verdict in words', () => {
    const slides = buildSlides(lines);
    expect(slideAnnouncement(slides[1]!, 2, slides.length, data)).toBe(
      'Trang 2/6. Chỉ tiêu 1: Có 90% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên. Đánh giá: Vượt.',
    );
    expect(slideAnnouncement(slides[0]!, 1, slides.length, data)).toContain(
      'Kết quả thực hiện các chỉ tiêu chủ yếu — Năm 2021. Có 3/4 chỉ tiêu chủ yếu đạt và vượt (75%).',
    );
  });
});

describe('the figures of a part', () => {
  it('give a ratio with its counts, its achievement and where it came from', () => {
    expect(partFigures(htt)).toEqual({
      target: '90%',
      result: '100%',
      ratio: '60/60',
      achievement: '111,11%',
      source: 'tổng hợp từ 5/10 đơn vị',
    });
    expect(partDescription(htt)).toBe(
      'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên: kế hoạch 90%, thực hiện 100% (60/60), bằng 111,11% kế hoạch; Vượt.',
    );
  });

  it('say how a result over periods was found by the rule of its indicator, never "cộng dồn" for the latest', () => {
    const training: DashboardRowDto = {
      indicator: {
        code: 'KH_DAO_TAO',
        name: 'Tỷ lệ hoàn thành kế hoạch đào tạo, bồi dưỡng',
        unitLabel: '%',
        kind: 'percent',
        direction: 'higher',
        timeAggregate: 'last',
      },
      target: { value: 100, display: '100%' },
      result: { value: 56.4, display: '56,4%', source: 'periods' },
      status: 'not_yet',
      achievement: 56.4,
    };
    expect(partFigures(training).source).toBe('lấy kỳ gần nhất có số liệu');
    const summed = { ...training, indicator: { ...training.indicator, timeAggregate: 'sum' as const } };
    expect(partFigures(summed).source).toBe('cộng dồn các kỳ');
  });

  it('give a count with its unit, in Vietnamese thousands', () => {
    expect(partFigures(cells)).toMatchObject({ target: '1.500 chi bộ', result: '1.560 chi bộ', ratio: null });
    expect(partFigures(cells).source).toBeNull();
  });

  it('say when a result is missing, and draw a level as words', () => {
    expect(partFigures(rating)).toMatchObject({ result: null, achievement: null });
    expect(partDescription(rating)).toContain('thực hiện chưa có số liệu; Chưa có số liệu.');
    expect(partScale(rating)).toBe('level');
    expect(levelSteps(rating)).toEqual([
      { level: 'Hoàn thành nhiệm vụ', target: false, result: false },
      { level: 'Hoàn thành tốt nhiệm vụ', target: true, result: false },
      { level: 'Hoàn thành xuất sắc nhiệm vụ', target: false, result: false },
    ]);
  });

  it('chart a percent or a ratio on a percent axis and a count on its own', () => {
    expect(partScale(htt)).toBe('percent');
    expect(partScale(cells)).toBe('count');
    expect(partBars(htt)).toEqual([
      { name: 'Kế hoạch', value: 90, label: '90%', status: null },
      { name: 'Thực hiện', value: 100, label: '100% (60/60)', status: 'exceeded' },
    ]);
  });
});

describe('the size of a sentence', () => {
  it('shrinks as the sentence grows, so a long line still fits its slide', () => {
    expect(sentenceSize('Kết nạp 02 đảng viên mới')).toBe('xl');
    expect(sentenceSize('x'.repeat(140))).toBe('l');
    expect(sentenceSize('x'.repeat(200))).toBe('m');
    expect(sentenceSize('x'.repeat(600))).toBe('s');
  });
});
