// The province's indicators (scripts/province.ts): twenty of every kind, and the years and
// the term that hold their data.

import { demoIndicator, MASS_LEVELS, PARTY_LEVELS } from '../../server/db/demo-organisation';

/** Years with data; the term that holds them. */
export const YEARS = [2021, 2022, 2023, 2024, 2025] as const;
export const TERM = 'NK2020-2025';
/** Entered only at the cells (never higher up), so the root's figure is always their sum. */
export const CELL_ONLY_COUNT = 'KET_NAP';

export type Kind = 'count' | 'percent' | 'ratio' | 'level';
export type Aggregate = 'sum' | 'last' | 'none';
export interface Indicator {
  code: string;
  name: string;
  unitLabel: string;
  kind: Kind;
  direction?: 'higher' | 'lower';
  timeAggregate: Aggregate;
  levels?: string[];
  memberRating?: 'good_or_better' | 'excellent' | null;
}

export { MASS_LEVELS, PARTY_LEVELS };

/** An indicator the province shares with the demo, every aggregate said ("none" where it says none). */
function fromDemo(code: string): Indicator {
  const indicator = demoIndicator(code);
  return { ...indicator, timeAggregate: indicator.timeAggregate ?? 'none' };
}

export const PROVINCE_INDICATORS: Indicator[] = [
  fromDemo('DV_HTT'),
  fromDemo('DV_HTXS'),
  fromDemo('KET_NAP'),
  {
    code: 'QC_BOI_DUONG',
    name: 'Số quần chúng ưu tú được bồi dưỡng nhận thức về Đảng',
    unitLabel: 'người',
    kind: 'count',
    timeAggregate: 'sum',
  },
  fromDemo('KY_LUAT'),
  {
    code: 'SH_CHUYEN_DE',
    name: 'Số buổi sinh hoạt chuyên đề của chi bộ',
    unitLabel: 'buổi',
    kind: 'count',
    timeAggregate: 'sum',
  },
  {
    code: 'KIEM_TRA_GS',
    name: 'Số cuộc kiểm tra, giám sát đã thực hiện',
    unitLabel: 'cuộc',
    kind: 'count',
    timeAggregate: 'sum',
  },
  {
    code: 'HO_THOAT_NGHEO',
    name: 'Số hộ nghèo được giúp đỡ thoát nghèo',
    unitLabel: 'hộ',
    kind: 'count',
    timeAggregate: 'sum',
  },
  {
    code: 'NHA_DAI_DOAN_KET',
    name: 'Số nhà Đại đoàn kết được xây dựng, sửa chữa',
    unitLabel: 'nhà',
    kind: 'count',
    timeAggregate: 'sum',
  },
  {
    code: 'TIN_BAI',
    name: 'Số tin, bài tuyên truyền về công tác xây dựng Đảng',
    unitLabel: 'tin, bài',
    kind: 'count',
    timeAggregate: 'sum',
  },
  {
    code: 'SO_DANG_VIEN',
    name: 'Tổng số đảng viên',
    unitLabel: 'đảng viên',
    kind: 'count',
    timeAggregate: 'last',
  },
  {
    code: 'HUY_HIEU',
    name: 'Số đảng viên được tặng Huy hiệu Đảng',
    unitLabel: 'đảng viên',
    kind: 'count',
    timeAggregate: 'none',
  },
  {
    code: 'HOC_TAP_NQ',
    name: 'Tỷ lệ đảng viên tham gia học tập, quán triệt nghị quyết',
    unitLabel: '%',
    kind: 'ratio',
    timeAggregate: 'last',
  },
  {
    code: 'SH_DAY_DU',
    name: 'Tỷ lệ lượt đảng viên dự sinh hoạt chi bộ định kỳ',
    unitLabel: '%',
    kind: 'ratio',
    timeAggregate: 'sum',
  },
  {
    code: 'KH_KIEM_TRA',
    name: 'Tỷ lệ hoàn thành kế hoạch kiểm tra, giám sát',
    unitLabel: '%',
    kind: 'percent',
    timeAggregate: 'last',
  },
  {
    code: 'THU_DANG_PHI',
    name: 'Tỷ lệ thu, nộp đảng phí đúng hạn',
    unitLabel: '%',
    kind: 'percent',
    timeAggregate: 'none',
  },
  {
    code: 'GD_VAN_HOA',
    name: 'Tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa',
    unitLabel: '%',
    kind: 'percent',
    timeAggregate: 'none',
  },
  {
    code: 'BHYT',
    name: 'Tỷ lệ người dân tham gia bảo hiểm y tế',
    unitLabel: '%',
    kind: 'percent',
    timeAggregate: 'last',
  },
  {
    code: 'XL_TCD',
    name: 'Xếp loại chất lượng tổ chức đảng',
    unitLabel: 'mức',
    kind: 'level',
    timeAggregate: 'last',
    levels: PARTY_LEVELS,
  },
  {
    code: 'XL_DOAN_THE',
    name: 'Xếp loại Mặt trận Tổ quốc và các đoàn thể',
    unitLabel: 'mức',
    kind: 'level',
    timeAggregate: 'none',
    levels: MASS_LEVELS,
  },
];

/** The counts added up over halves: their targets and their cells' results are by half. */
export const SUMMED_COUNTS = PROVINCE_INDICATORS.filter(
  (i) => i.kind === 'count' && i.timeAggregate === 'sum',
).map((i) => i.code);
