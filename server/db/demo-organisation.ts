import type { CreateIndicatorBody } from '../../shared/schemas/indicators';
import type { UnitKind } from '../../shared/unit';

// The demo organisation (demo.ts loads it): a fictional college's party committee with its
// cells, departments and mass organisations, and ten-odd indicators of the kinds the seed
// articles name: the members' shares where there are members to rate, the chi bộ counted by
// their rating, the đoàn thể rated on their own scale. All names are invented.

const PARTY_LEVELS = [
  'Không hoàn thành nhiệm vụ',
  'Hoàn thành nhiệm vụ',
  'Hoàn thành tốt nhiệm vụ',
  'Hoàn thành xuất sắc nhiệm vụ',
];
const MASS_LEVELS = ['Trung bình', 'Khá', 'Vững mạnh', 'Vững mạnh tiêu biểu'];
export const GOOD = PARTY_LEVELS[2]!;
export const EXCELLENT = PARTY_LEVELS[3]!;
/** The units with members to rate, and those rated as party organisations. */
const PARTY: UnitKind[] = ['chi_bo', 'dang_bo'];

export const INDICATORS: CreateIndicatorBody[] = [
  {
    code: 'DV_HTT',
    name: 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên',
    unitLabel: '%',
    kind: 'ratio',
    memberRating: 'good_or_better',
    appliesTo: PARTY,
  },
  {
    code: 'DV_HTXS',
    name: 'Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ',
    unitLabel: '%',
    kind: 'ratio',
    memberRating: 'excellent',
    appliesTo: PARTY,
  },
  // Counted from the chi bộ's own ratings (XL_DANG_BO), never typed.
  {
    code: 'CB_HTT',
    name: 'Số chi bộ hoàn thành tốt nhiệm vụ trở lên',
    unitLabel: 'chi bộ',
    kind: 'count',
    derived: { countUnits: { indicator: 'XL_DANG_BO', atLeast: GOOD, kinds: ['chi_bo'] } },
  },
  {
    code: 'CB_HTXS',
    name: 'Số chi bộ hoàn thành xuất sắc nhiệm vụ',
    unitLabel: 'chi bộ',
    kind: 'count',
    derived: { countUnits: { indicator: 'XL_DANG_BO', atLeast: EXCELLENT, kinds: ['chi_bo'] } },
  },
  {
    code: 'HOC_TAP_NQ',
    name: 'Tỷ lệ đảng viên, quần chúng tham gia học tập nghị quyết của Đảng',
    unitLabel: '%',
    kind: 'ratio',
    timeAggregate: 'last',
  },
  {
    code: 'NCKH_TINH',
    name: 'Số đề tài nghiên cứu khoa học cấp tỉnh',
    unitLabel: 'đề tài',
    kind: 'count',
    timeAggregate: 'sum',
  },
  {
    code: 'NCKH_CS',
    name: 'Số đề tài nghiên cứu khoa học cấp cơ sở',
    unitLabel: 'đề tài',
    kind: 'count',
    timeAggregate: 'sum',
  },
  {
    code: 'KH_DAO_TAO',
    name: 'Tỷ lệ hoàn thành kế hoạch đào tạo, bồi dưỡng',
    unitLabel: '%',
    kind: 'percent',
    // Reported cumulatively: the latest figure of the year is the year's.
    timeAggregate: 'last',
  },
  {
    code: 'GV_GIOI',
    name: 'Số giảng viên đạt danh hiệu giảng viên dạy giỏi các cấp',
    unitLabel: 'giảng viên',
    kind: 'count',
    timeAggregate: 'sum',
  },
  {
    code: 'TUYEN_SINH',
    name: 'Số học sinh, sinh viên tuyển mới',
    unitLabel: 'học sinh',
    kind: 'count',
    timeAggregate: 'sum',
  },
  {
    code: 'KET_NAP',
    name: 'Số đảng viên mới được kết nạp',
    unitLabel: 'đảng viên',
    kind: 'count',
    timeAggregate: 'sum',
  },
  {
    code: 'KY_LUAT',
    name: 'Số đảng viên bị kỷ luật',
    unitLabel: 'đảng viên',
    kind: 'count',
    direction: 'lower',
    timeAggregate: 'sum',
  },
  {
    code: 'XL_DOAN_THE',
    name: 'Xếp loại tổ chức đoàn thể',
    unitLabel: 'mức',
    kind: 'level',
    levels: MASS_LEVELS,
    timeAggregate: 'last',
    appliesTo: ['doan_the'],
  },
  {
    code: 'XL_DANG_BO',
    name: 'Xếp loại chất lượng tổ chức đảng',
    unitLabel: 'mức',
    kind: 'level',
    levels: PARTY_LEVELS,
    timeAggregate: 'last',
    appliesTo: PARTY,
  },
];

export const ROOT = 'Đảng bộ Trường Cao đẳng Sư phạm Hồng Lam';
interface DemoCell {
  name: string;
  members: number;
}
export const CELLS: DemoCell[] = [
  { name: 'Chi bộ Khoa Giáo dục Tiểu học – Mầm non', members: 14 },
  { name: 'Chi bộ Khoa Khoa học Tự nhiên', members: 12 },
  { name: 'Chi bộ Khoa Xã hội – Ngoại ngữ', members: 12 },
  { name: 'Chi bộ Đào tạo – Khảo thí', members: 12 },
  { name: 'Chi bộ Hành chính – Quản trị', members: 10 },
];
export const DEPARTMENTS = [
  'Phòng Đào tạo',
  'Phòng Khoa học và Hợp tác quốc tế',
  'Phòng Tổ chức – Hành chính',
];
export const MASS = ['Công đoàn Trường', 'Đoàn Thanh niên Trường'];
