// Builds a province-sized database for measuring (issue 7, "Province scale, measured"):
//   npm run province -- [path] [--force]        default .tmp/province.db
// One province committee, ten blocs (Đảng bộ khối, thành phố, thị xã, huyện), 500 grassroots
// committees and about 5.000 cells (chi bộ); twenty indicators of every kind; targets and
// results for 2021–2025, their halves and the term NK2020-2025. Every name is invented and
// no person is named. The data come from a seeded generator: two runs give the same rows
// (only the admin's salted password hash and its creation time differ), which the printed
// fingerprint shows.
//
// The database is made by the project's own migrations (openDatabase) and the admin by its
// own password hashing (ensureAdmin); the rows go in through prepared statements in one
// transaction, which is what makes a million and a half of them take seconds.
import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureAdmin } from '../server/auth/bootstrap';
import { DEFAULT_LOG2N } from '../server/auth/password';
import { openDatabase } from '../server/db/client';
import { passwordSchema } from '../shared/accounts';
import { formatNumber } from '../shared/format';

export const DEFAULT_PROVINCE_PATH = '.tmp/province.db';
export const DEFAULT_PROVINCE_PASSWORD = 'quan-tri-tinh-2026';
export const PROVINCE_ROOT = 'Đảng bộ tỉnh Hồng Lam';
/** Years with data; the term that holds them. */
export const YEARS = [2021, 2022, 2023, 2024, 2025] as const;
export const TERM = 'NK2020-2025';
/** Entered only at the cells (never higher up), so the root's figure is always their sum. */
export const CELL_ONLY_COUNT = 'KET_NAP';

const SEED = 20_260_701;

type Kind = 'count' | 'percent' | 'ratio' | 'level';
type Aggregate = 'sum' | 'last' | 'none';
interface Indicator {
  code: string;
  name: string;
  unitLabel: string;
  kind: Kind;
  direction?: 'lower';
  timeAggregate: Aggregate;
  levels?: string[];
  memberRating?: 'good_or_better' | 'excellent';
}

const PARTY_LEVELS = [
  'Không hoàn thành nhiệm vụ',
  'Hoàn thành nhiệm vụ',
  'Hoàn thành tốt nhiệm vụ',
  'Hoàn thành xuất sắc nhiệm vụ',
];
const MASS_LEVELS = ['Trung bình', 'Khá', 'Vững mạnh', 'Vững mạnh tiêu biểu'];

export const PROVINCE_INDICATORS: Indicator[] = [
  {
    code: 'DV_HTT',
    name: 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên',
    unitLabel: '%',
    kind: 'ratio',
    timeAggregate: 'none',
    memberRating: 'good_or_better',
  },
  {
    code: 'DV_HTXS',
    name: 'Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ',
    unitLabel: '%',
    kind: 'ratio',
    timeAggregate: 'none',
    memberRating: 'excellent',
  },
  {
    code: 'KET_NAP',
    name: 'Số đảng viên mới được kết nạp',
    unitLabel: 'đảng viên',
    kind: 'count',
    timeAggregate: 'sum',
  },
  {
    code: 'QC_BOI_DUONG',
    name: 'Số quần chúng ưu tú được bồi dưỡng nhận thức về Đảng',
    unitLabel: 'người',
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

// ---------------------------------------------------------------------------------------
// Names

/** mulberry32: small, fast and the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rand = () => number;
const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

// Syllables of invented place names (two of them make a commune, a village or a company).
const SYLLABLES = (
  'An Bình Cẩm Châu Diễn Đông Đức Giang Hà Hải Hòa Hồng Hưng Hương Khánh Kim Lạc Lam Lâm Liên Linh Long Lộc Minh Mỹ ' +
  'Nam Ngọc Nghĩa Nhân Phong Phú Phúc Quang Quế Sơn Tân Thạch Thái Thanh Thành Thịnh Thọ Thuận Tiến Trung Trường Vân Vĩnh Xuân Yên'
).split(' ');

/** A two-syllable place name not yet used among `taken` (siblings keep distinct names). */
function placeName(rand: Rand, taken: Set<string>): string {
  for (;;) {
    const a = pick(rand, SYLLABLES);
    const b = pick(rand, SYLLABLES);
    const name = `${a} ${b}`;
    if (a !== b && !taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

type BlocType = 'agency' | 'city' | 'district';
const BLOCS: { name: string; type: BlocType }[] = [
  { name: 'Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh', type: 'agency' },
  { name: 'Đảng bộ thành phố Lam Giang', type: 'city' },
  { name: 'Đảng bộ thị xã Hồng Phong', type: 'city' },
  { name: 'Đảng bộ huyện Xuân Sơn', type: 'district' },
  { name: 'Đảng bộ huyện Cẩm Giang', type: 'district' },
  { name: 'Đảng bộ huyện Thạch Lâm', type: 'district' },
  { name: 'Đảng bộ huyện Yên Phú', type: 'district' },
  { name: 'Đảng bộ huyện Vân Thạch', type: 'district' },
  { name: 'Đảng bộ huyện Đông Lam', type: 'district' },
  { name: 'Đảng bộ huyện Kỳ Phong', type: 'district' },
];
/** About 50 grassroots committees under each bloc: 500 in all, and 5.000 cells under them. */
export const COMMITTEES_PER_BLOC = 50;

const PROVINCE_AGENCIES = [
  'Sở Giáo dục và Đào tạo',
  'Sở Y tế',
  'Sở Tài chính',
  'Sở Nông nghiệp và Môi trường',
  'Sở Xây dựng',
  'Sở Công Thương',
  'Sở Khoa học và Công nghệ',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Nội vụ',
  'Sở Tư pháp',
  'Văn phòng Ủy ban nhân dân tỉnh',
  'Bệnh viện Đa khoa tỉnh',
  'Bệnh viện Sản – Nhi tỉnh',
  'Trường Đại học Hồng Lam',
  'Trường Cao đẳng Sư phạm Hồng Lam',
  'Trường Cao đẳng Kỹ thuật Công nghiệp Hồng Lam',
  'Báo Hồng Lam',
  'Đài Phát thanh và Truyền hình tỉnh',
  'Kho bạc Nhà nước tỉnh',
  'Bảo hiểm xã hội tỉnh',
];
type CellPool = 'village' | 'ward' | 'office' | 'enterprise';
const OFFICE_CELLS = [
  'Văn phòng',
  'Phòng Tổ chức – Hành chính',
  'Phòng Kế hoạch – Tài chính',
  'Phòng Nghiệp vụ',
  'Phòng Thanh tra',
  'Phòng Pháp chế',
  'Phòng Quản lý chất lượng',
  'Phòng Công nghệ thông tin',
  'Trung tâm Dịch vụ',
  'Phòng Hợp tác',
  'Phòng Đào tạo',
  'Phòng Tổng hợp',
  'Ban Quản lý dự án',
  'Trung tâm Thông tin',
];
const COMMUNE_INSTITUTIONS = [
  'Trường Mầm non',
  'Trường Tiểu học',
  'Trường Trung học cơ sở',
  'Trạm Y tế',
  'Công an xã',
  'Quân sự xã',
  'Cơ quan',
];

interface CommitteePlan {
  name: string;
  pool: CellPool;
}

function committeesOf(rand: Rand, type: BlocType, perBloc: number): CommitteePlan[] {
  const taken = new Set<string>();
  const out: CommitteePlan[] = [];
  if (type === 'agency') {
    for (const a of PROVINCE_AGENCIES) out.push({ name: `Đảng bộ ${a}`, pool: 'office' });
    while (out.length < perBloc)
      out.push({ name: `Đảng bộ Công ty Cổ phần ${placeName(rand, taken)}`, pool: 'enterprise' });
    return out.slice(0, perBloc);
  }
  const where = type === 'city' ? 'thành phố' : 'huyện';
  for (const o of ['Cơ quan Ủy ban nhân dân', 'Công an', 'Quân sự', 'Trung tâm Y tế'])
    out.push({ name: `Đảng bộ ${o} ${where}`, pool: 'office' });
  out.push({ name: `Đảng bộ Trường THPT ${placeName(rand, taken)}`, pool: 'office' });
  out.push({ name: `Đảng bộ Trường THPT ${placeName(rand, taken)}`, pool: 'office' });
  if (type === 'district') {
    out.push({ name: `Đảng bộ thị trấn ${placeName(rand, taken)}`, pool: 'ward' });
    out.push({ name: `Đảng bộ thị trấn ${placeName(rand, taken)}`, pool: 'ward' });
  }
  while (out.length < perBloc) {
    const ward = type === 'city' && out.length < 36;
    out.push({
      name: `Đảng bộ ${ward ? 'phường' : 'xã'} ${placeName(rand, taken)}`,
      pool: ward ? 'ward' : 'village',
    });
  }
  return out.slice(0, perBloc);
}

function cellNames(rand: Rand, pool: CellPool, n: number): string[] {
  const taken = new Set<string>();
  const out: string[] = [];
  if (pool === 'office') {
    for (let i = 0; i < n; i++)
      out.push(
        i < OFFICE_CELLS.length
          ? `Chi bộ ${OFFICE_CELLS[i]}`
          : `Chi bộ Phòng Nghiệp vụ ${i - OFFICE_CELLS.length + 2}`,
      );
    return out;
  }
  if (pool === 'enterprise') {
    for (let i = 0; i < n; i++)
      out.push(i === 0 ? 'Chi bộ Văn phòng Công ty' : `Chi bộ Xí nghiệp ${placeName(rand, taken)}`);
    return out;
  }
  const institutions = pool === 'village' ? Math.min(3, n - 5) : 1;
  for (let i = 0; i < n - institutions; i++)
    out.push(pool === 'ward' ? `Chi bộ tổ dân phố số ${i + 1}` : `Chi bộ thôn ${placeName(rand, taken)}`);
  for (let i = 0; i < institutions; i++) out.push(`Chi bộ ${COMMUNE_INSTITUTIONS[i]}`);
  return out;
}

// ---------------------------------------------------------------------------------------
// Values

type Value = number | string | [number, number];
/** Sums of the targets of a unit's children, per `${code} ${period}`, for the unit's own. */
type Tally = Map<string, number>;
const add = (t: Tally, code: string, period: string, v: number) => {
  const k = `${code} ${period}`;
  t.set(k, (t.get(k) ?? 0) + v);
};
const got = (t: Tally, code: string, period: string) => t.get(`${code} ${period}`) ?? 0;

/** The day a value was last touched: targets at the start of their period, results after its end. */
function stampOf(period: string, type: 'target' | 'result'): string {
  if (period === TERM) return '2020-10-20T02:00:00.000Z';
  const year = Number(period.slice(0, 4));
  if (type === 'target') return `${year}-01-15T02:00:00.000Z`;
  if (period.endsWith('-H1')) return `${year}-07-10T02:00:00.000Z`;
  return `${year + 1}-01-10T02:00:00.000Z`;
}

export interface ProvinceSummary {
  units: number;
  blocs: number;
  committees: number;
  cells: number;
  indicators: number;
  targets: number;
  results: number;
  memberRatings: number;
  targetLines: number;
  fingerprint: string;
  ms: number;
}

/** Builds the province at `path` (which must not exist); returns what it wrote. */
export async function generateProvince(
  path: string,
  password: string,
  { committeesPerBloc = COMMITTEES_PER_BLOC }: { committeesPerBloc?: number } = {},
): Promise<ProvinceSummary> {
  const started = performance.now();
  const partial = `${path}.partial`;
  for (const p of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(p, { force: true });
  const db = openDatabase(partial);
  const sqlite = db.$client;
  // A fresh file that is renamed into place only when complete: no journal is needed.
  sqlite.pragma('journal_mode = MEMORY');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -131072');

  const insertIndicator = sqlite.prepare(
    `INSERT INTO indicators (code, name, unit_label, kind, direction, time_aggregate, levels, member_rating, position, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '2020-10-20T02:00:00.000Z')`,
  );
  const insertUnit = sqlite.prepare(
    `INSERT INTO units (parent_id, name, kind, position, updated_at) VALUES (?, ?, ?, ?, '2020-10-20T02:00:00.000Z')`,
  );
  const insertTarget = sqlite.prepare(
    'INSERT INTO targets (unit_id, indicator_id, period, value_x100, level, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertResult = sqlite.prepare(
    `INSERT INTO results (unit_id, indicator_id, period, value_x100, numerator, denominator, level, note, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRating = sqlite.prepare(
    `INSERT INTO member_ratings (unit_id, period, excellent, good, complete, not_complete, outstanding, note, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
  );
  const insertLines = sqlite.prepare(
    'INSERT INTO target_lines (unit_id, period, lines, updated_at) VALUES (?, ?, ?, ?)',
  );

  const counts = {
    units: 0,
    blocs: 0,
    committees: 0,
    cells: 0,
    targets: 0,
    results: 0,
    ratings: 0,
    lines: 0,
  };
  const rand = prng(SEED);
  const ind = new Map<string, number>();
  const kindOf = new Map(PROVINCE_INDICATORS.map((i) => [i.code, i.kind]));

  const unit = (parentId: number | null, name: string, kind: string) => {
    counts.units++;
    return Number(insertUnit.run(parentId, name, kind, counts.units).lastInsertRowid);
  };
  // Numbers are written as hundredths, as the app stores them; percentages are made as
  // whole hundredths so that no float is rounded on the way in.
  const target = (unitId: number, code: string, period: string, v: number | string, x100 = false) => {
    counts.targets++;
    const value = typeof v === 'number' ? (x100 ? v : v * 100) : null;
    insertTarget.run(
      unitId,
      ind.get(code)!,
      period,
      value,
      typeof v === 'string' ? v : null,
      stampOf(period, 'target'),
    );
  };
  const result = (unitId: number, code: string, period: string, v: Value, note: string | null = null) => {
    counts.results++;
    const isRatio = Array.isArray(v);
    if (isRatio !== (kindOf.get(code) === 'ratio')) throw new Error(`${code}: wrong kind of value`);
    insertResult.run(
      unitId,
      ind.get(code)!,
      period,
      typeof v === 'number' ? (kindOf.get(code) === 'percent' ? v : v * 100) : null,
      isRatio ? v[0] : null,
      isRatio ? v[1] : null,
      typeof v === 'string' ? v : null,
      note,
      stampOf(period, 'result'),
    );
  };

  const halves = (y: number) => [`${y}-H1`, `${y}-H2`] as const;
  const split = (n: number): [number, number] => [Math.floor(n / 2), n - Math.floor(n / 2)];

  /** The yearly targets every unit has that are not counts: the same rule at every level. */
  const fixedTargets = (unitId: number, y: number, r: Rand) => {
    const p = String(y);
    target(unitId, 'DV_HTT', p, pick(r, [85, 90, 90, 90, 95]));
    target(unitId, 'DV_HTXS', p, pick(r, [15, 15, 20]));
    target(unitId, 'HOC_TAP_NQ', p, pick(r, [95, 100, 100]));
    target(unitId, 'SH_DAY_DU', p, 90);
    target(unitId, 'KH_KIEM_TRA', p, 100);
    target(unitId, 'THU_DANG_PHI', p, 100);
    target(unitId, 'GD_VAN_HOA', p, int(r, 170, 190) * 50, true); // 85,00–95,00%
    target(unitId, 'BHYT', p, int(r, 180, 190) * 50, true);
    target(unitId, 'XL_TCD', p, r() < 0.2 ? PARTY_LEVELS[3]! : PARTY_LEVELS[2]!);
    target(unitId, 'XL_DOAN_THE', p, r() < 0.15 ? MASS_LEVELS[3]! : MASS_LEVELS[2]!);
  };

  /** A unit above the cells: its own targets, made from what its children were set. */
  const committeeTargets = (unitId: number, children: Tally, cellsUnder: number, r: Rand, up: Tally) => {
    const own: Tally = new Map();
    for (const y of YEARS) {
      const p = String(y);
      fixedTargets(unitId, y, r);
      for (const code of SUMMED_COUNTS) {
        // A committee asks a little more than its units were set, and allows a few cases of
        // discipline (about one and a half for a hundred cells) where each cell is set none.
        const base = got(children, code, p);
        const t = code === 'KY_LUAT' ? Math.round(cellsUnder * 0.015) : Math.round(base * (1 + r() * 0.08));
        target(unitId, code, p, t);
        add(up, code, p, t);
        add(own, code, TERM, t);
        const [h1, h2] = split(t);
        target(unitId, code, `${y}-H1`, h1);
        target(unitId, code, `${y}-H2`, h2);
      }
      for (const code of ['SO_DANG_VIEN', 'HUY_HIEU']) {
        const t = got(children, code, p);
        target(unitId, code, p, t);
        add(up, code, p, t);
      }
    }
    // The term's resolution: the five years' counts together, the last year's size, the same rates.
    for (const code of SUMMED_COUNTS) target(unitId, code, TERM, got(own, code, TERM));
    target(unitId, 'SO_DANG_VIEN', TERM, got(children, 'SO_DANG_VIEN', '2025'));
    target(
      unitId,
      'HUY_HIEU',
      TERM,
      YEARS.reduce((s, y) => s + got(children, 'HUY_HIEU', String(y)), 0),
    );
    target(unitId, 'DV_HTT', TERM, 90);
    target(unitId, 'DV_HTXS', TERM, 15);
    target(unitId, 'HOC_TAP_NQ', TERM, 100);
    target(unitId, 'SH_DAY_DU', TERM, 90);
    target(unitId, 'KH_KIEM_TRA', TERM, 100);
    target(unitId, 'THU_DANG_PHI', TERM, 100);
    target(unitId, 'GD_VAN_HOA', TERM, 90);
    target(unitId, 'BHYT', TERM, 95);
    target(unitId, 'XL_TCD', TERM, PARTY_LEVELS[2]!);
    target(unitId, 'XL_DOAN_THE', TERM, MASS_LEVELS[2]!);
  };

  /** What a committee, a bloc or the province records itself: rates and ratings, which do not roll up. */
  const committeeResults = (unitId: number, r: Rand, gaps: number) => {
    for (const y of YEARS) {
      if (r() < gaps) continue;
      const p = String(y);
      result(unitId, 'KH_KIEM_TRA', p, int(r, 180, 210) * 50);
      result(unitId, 'THU_DANG_PHI', p, r() < 0.8 ? 10000 : int(r, 9500, 9990));
      result(unitId, 'GD_VAN_HOA', p, int(r, 8500, 9650));
      result(unitId, 'BHYT', p, int(r, 8800, 9950));
      const q = r();
      result(
        unitId,
        'XL_TCD',
        p,
        q < 0.03 ? PARTY_LEVELS[1]! : q < 0.7 ? PARTY_LEVELS[2]! : PARTY_LEVELS[3]!,
        'Theo kết quả kiểm điểm, đánh giá, xếp loại cuối năm',
      );
      const m = r();
      result(
        unitId,
        'XL_DOAN_THE',
        p,
        m < 0.1 ? MASS_LEVELS[1]! : m < 0.85 ? MASS_LEVELS[2]! : MASS_LEVELS[3]!,
      );
    }
  };

  const build = () => {
    PROVINCE_INDICATORS.forEach((d, i) => {
      const row = insertIndicator.run(
        d.code,
        d.name,
        d.unitLabel,
        d.kind,
        d.direction ?? 'higher',
        d.timeAggregate,
        d.levels ? JSON.stringify(d.levels) : null,
        d.memberRating ?? null,
        i + 1,
      );
      ind.set(d.code, Number(row.lastInsertRowid));
    });

    const root = unit(null, PROVINCE_ROOT, 'dang_bo');
    const province: Tally = new Map();
    let committeeIndex = 0;
    for (const bloc of BLOCS) {
      const blocId = unit(root, bloc.name, 'dang_bo');
      counts.blocs++;
      const blocTally: Tally = new Map();
      const plans = committeesOf(rand, bloc.type, committeesPerBloc);
      let blocCells = 0;
      for (const plan of plans) {
        const committeeId = unit(blocId, plan.name, 'dang_bo');
        counts.committees++;
        // 8 to 12 cells, ten on average over every five committees.
        const n = 10 + ((committeeIndex++ * 3) % 5) - 2;
        blocCells += n;
        const committeeTally: Tally = new Map();
        /** Each year, what the cells reported of the counts the committee may enter itself. */
        const reported: Tally = new Map();
        for (const name of cellNames(rand, plan.pool, n)) {
          const cellId = unit(committeeId, name, 'chi_bo');
          counts.cells++;
          cell(cellId, plan.pool, committeeTally, reported);
        }
        committeeTargets(committeeId, committeeTally, n, rand, blocTally);
        committeeResults(committeeId, rand, 0.02);
        // A few committees count members and badges themselves, and their count differs
        // from what their cells reported: the dashboard shows both.
        for (const y of YEARS) {
          for (const code of ['SO_DANG_VIEN', 'HUY_HIEU']) {
            if (rand() >= 0.04) continue;
            const sum = got(reported, code, String(y));
            const delta = pick(rand, [-2, -1, 1, 2, 3]);
            result(committeeId, code, String(y), Math.max(0, sum + delta), 'Theo báo cáo của Ban Tổ chức');
          }
        }
      }
      committeeTargets(blocId, blocTally, blocCells, rand, province);
      committeeResults(blocId, rand, 0);
    }
    committeeTargets(root, province, counts.cells, rand, new Map());
    committeeResults(root, rand, 0);
    rootLines(root);
  };

  /** A cell: its targets for every year and half, its results with a few percent missing. */
  const cell = (cellId: number, pool: CellPool, up: Tally, reported: Tally) => {
    let members =
      pool === 'village' ? int(rand, 15, 60) : pool === 'ward' ? int(rand, 12, 45) : int(rand, 6, 30);
    const residential = pool === 'village' || pool === 'ward';
    for (const y of YEARS) {
      const p = String(y);
      members = Math.max(3, members + int(rand, -1, 2));
      fixedTargets(cellId, y, rand);
      const admit = members >= 30 ? int(rand, 1, 3) : int(rand, 0, 2);
      const planned: Record<string, number> = {
        KET_NAP: admit,
        QC_BOI_DUONG: admit + int(rand, 0, 2),
        KY_LUAT: 0,
        SH_CHUYEN_DE: 4,
        KIEM_TRA_GS: int(rand, 2, 4),
        HO_THOAT_NGHEO: residential ? int(rand, 1, 8) : int(rand, 0, 1),
        NHA_DAI_DOAN_KET: residential ? int(rand, 0, 2) : 0,
        TIN_BAI: int(rand, 4, 12),
      };
      for (const code of SUMMED_COUNTS) {
        const t = planned[code]!;
        target(cellId, code, p, t);
        add(up, code, p, t);
        const [h1, h2] = split(t);
        target(cellId, code, `${y}-H1`, h1);
        target(cellId, code, `${y}-H2`, h2);
      }
      const badges = int(rand, 0, 3);
      target(cellId, 'SO_DANG_VIEN', p, members + 1);
      add(up, 'SO_DANG_VIEN', p, members + 1);
      target(cellId, 'HUY_HIEU', p, badges);
      add(up, 'HUY_HIEU', p, badges);

      // About three cells in a hundred did not report this year.
      if (rand() < 0.03) continue;
      add(reported, 'SO_DANG_VIEN', p, members);
      const notComplete = rand() < 0.08 ? 1 : 0;
      const complete = Math.floor(members * rand() * 0.15);
      const goodOrBetter = members - complete - notComplete;
      // Excellent within the cap of 20% of those rated good or better; a few break it.
      const cap = Math.floor(goodOrBetter * 0.2);
      const excellent = Math.max(0, rand() < 0.01 ? cap + 1 : cap - int(rand, 0, 1));
      insertRating.run(
        cellId,
        p,
        excellent,
        goodOrBetter - excellent,
        complete,
        notComplete,
        0,
        stampOf(p, 'result'),
      );
      counts.ratings++;
      result(cellId, 'DV_HTT', p, [goodOrBetter, members]);
      result(cellId, 'DV_HTXS', p, [excellent, members]);
      for (const [i, h] of halves(y).entries()) {
        const t = split(planned.KET_NAP!)[i]!;
        result(cellId, 'KET_NAP', h, Math.max(0, t + int(rand, -1, 1)));
        result(cellId, 'QC_BOI_DUONG', h, int(rand, 0, 4));
        result(cellId, 'KY_LUAT', h, rand() < 0.015 ? 1 : 0);
        result(cellId, 'SH_CHUYEN_DE', h, int(rand, 1, 3));
        result(cellId, 'KIEM_TRA_GS', h, int(rand, 0, 3));
        result(cellId, 'HO_THOAT_NGHEO', h, residential ? int(rand, 0, 5) : 0);
        result(cellId, 'NHA_DAI_DOAN_KET', h, residential && rand() < 0.4 ? 1 : 0);
        result(
          cellId,
          'TIN_BAI',
          h,
          int(rand, 1, 8),
          rand() < 0.05 ? 'Đăng trên trang thông tin của xã' : null,
        );
      }
      result(cellId, 'SO_DANG_VIEN', p, members);
      const given = Math.max(0, badges + int(rand, -1, 1));
      add(reported, 'HUY_HIEU', p, given);
      result(cellId, 'HUY_HIEU', p, given);
      result(
        cellId,
        'HOC_TAP_NQ',
        p,
        [members - (rand() < 0.1 ? 1 : 0), members],
        'Theo sổ theo dõi học tập',
      );
      const meetings = members * 12;
      result(cellId, 'SH_DAY_DU', p, [meetings - int(rand, 0, Math.ceil(members / 2)), meetings]);
      result(cellId, 'KH_KIEM_TRA', p, int(rand, 170, 210) * 50);
      result(cellId, 'THU_DANG_PHI', p, rand() < 0.85 ? 10000 : int(rand, 9000, 9990));
      result(cellId, 'GD_VAN_HOA', p, residential ? int(rand, 7800, 9900) : int(rand, 9000, 10000));
      result(cellId, 'BHYT', p, int(rand, 8500, 9990));
      const q = rand();
      result(
        cellId,
        'XL_TCD',
        p,
        q < 0.01
          ? PARTY_LEVELS[0]!
          : q < 0.08
            ? PARTY_LEVELS[1]!
            : q < 0.75
              ? PARTY_LEVELS[2]!
              : PARTY_LEVELS[3]!,
      );
      const m = rand();
      result(
        cellId,
        'XL_DOAN_THE',
        p,
        m < 0.02
          ? MASS_LEVELS[0]!
          : m < 0.17
            ? MASS_LEVELS[1]!
            : m < 0.87
              ? MASS_LEVELS[2]!
              : MASS_LEVELS[3]!,
      );
    }
  };

  /** The province's "chỉ tiêu chủ yếu", one list per year and one for the term, from its targets. */
  const rootLines = (root: number) => {
    const own = sqlite.prepare(
      `SELECT i.code AS code, t.value_x100 AS x100 FROM targets t JOIN indicators i ON i.id = t.indicator_id
       WHERE t.unit_id = ? AND t.period = ?`,
    );
    for (const p of [...YEARS.map(String), TERM]) {
      const t = new Map(
        (own.all(root, p) as { code: string; x100: number | null }[]).map((r) => [
          r.code,
          (r.x100 ?? 0) / 100,
        ]),
      );
      const n = (code: string) => formatNumber(t.get(code) ?? 0);
      const when = p === TERM ? 'nhiệm kỳ 2020–2025' : `năm ${p}`;
      const lines = [
        {
          text: `Có ${n('DV_HTT')}% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có ${n('DV_HTXS')}% đảng viên hoàn thành xuất sắc nhiệm vụ`,
          codes: ['DV_HTT', 'DV_HTXS'],
        },
        {
          text: `Kết nạp ${n('KET_NAP')} đảng viên mới; bồi dưỡng nhận thức về Đảng cho ${n('QC_BOI_DUONG')} quần chúng ưu tú`,
          codes: ['KET_NAP', 'QC_BOI_DUONG'],
        },
        {
          text: `Số đảng viên bị kỷ luật trong ${when} không quá ${n('KY_LUAT')} đồng chí`,
          codes: ['KY_LUAT'],
        },
        {
          text: `Các chi bộ tổ chức ${n('SH_CHUYEN_DE')} buổi sinh hoạt chuyên đề; ${n('SH_DAY_DU')}% lượt đảng viên dự sinh hoạt chi bộ định kỳ`,
          codes: ['SH_CHUYEN_DE', 'SH_DAY_DU'],
        },
        {
          text: `Thực hiện ${n('KIEM_TRA_GS')} cuộc kiểm tra, giám sát, hoàn thành 100% kế hoạch kiểm tra, giám sát`,
          codes: ['KIEM_TRA_GS', 'KH_KIEM_TRA'],
        },
        {
          text: `Giúp đỡ ${n('HO_THOAT_NGHEO')} hộ thoát nghèo; xây dựng, sửa chữa ${n('NHA_DAI_DOAN_KET')} nhà Đại đoàn kết`,
          codes: ['HO_THOAT_NGHEO', 'NHA_DAI_DOAN_KET'],
        },
        {
          text: `Có ${n('GD_VAN_HOA')}% hộ gia đình đạt danh hiệu Gia đình văn hóa; ${n('BHYT')}% người dân tham gia bảo hiểm y tế`,
          codes: ['GD_VAN_HOA', 'BHYT'],
        },
        {
          text: '100% đảng viên tham gia học tập, quán triệt nghị quyết; thu, nộp đảng phí đúng hạn 100%',
          codes: ['HOC_TAP_NQ', 'THU_DANG_PHI'],
        },
        {
          text: 'Đảng bộ tỉnh hoàn thành tốt nhiệm vụ trở lên; Mặt trận Tổ quốc và các đoàn thể đạt vững mạnh',
          codes: ['XL_TCD', 'XL_DOAN_THE'],
        },
      ];
      insertLines.run(root, p, JSON.stringify(lines), stampOf(p, 'target'));
      counts.lines++;
    }
  };

  sqlite.transaction(build)();
  await ensureAdmin(db, password, DEFAULT_LOG2N);
  const fingerprint = fingerprintOf(sqlite);
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
  renameSync(partial, path);
  return {
    units: counts.units,
    blocs: counts.blocs,
    committees: counts.committees,
    cells: counts.cells,
    indicators: PROVINCE_INDICATORS.length,
    targets: counts.targets,
    results: counts.results,
    memberRatings: counts.ratings,
    targetLines: counts.lines,
    fingerprint,
    ms: performance.now() - started,
  };
}

/** SHA-256 of every data row, in key order: equal for two runs of the same seed. */
function fingerprintOf(sqlite: ReturnType<typeof openDatabase>['$client']): string {
  const hash = createHash('sha256');
  for (const table of ['units', 'indicators', 'targets', 'results', 'member_ratings', 'target_lines']) {
    hash.update(`#${table}\n`);
    for (const row of sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).raw().iterate())
      hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--force');
  const paths = args.filter((a) => !a.startsWith('--'));
  if (unknown.length > 0 || paths.length > 1) {
    console.error('usage: npm run province -- [path, default .tmp/province.db] [--force]');
    process.exit(2);
  }
  const path = resolve(paths[0] ?? DEFAULT_PROVINCE_PATH);
  // A script of its own, not the server: it reads its one setting here rather than in server/env.ts.
  const password = process.env.PROVINCE_ADMIN_PASSWORD ?? DEFAULT_PROVINCE_PASSWORD;
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) {
    console.error(`PROVINCE_ADMIN_PASSWORD: ${checked.error.issues[0]?.message}`);
    process.exit(2);
  }
  if (existsSync(path)) {
    if (!force) {
      console.error(`${path} exists; add --force to overwrite it.`);
      process.exit(1);
    }
    for (const p of [path, `${path}-wal`, `${path}-shm`]) rmSync(p, { force: true });
  }
  const s = await generateProvince(path, password);
  const n = (x: number) => x.toLocaleString('en-US');
  console.log(`Built ${path} in ${(s.ms / 1000).toFixed(1)} s`);
  console.log(
    `  units ${n(s.units)}: 1 province, ${n(s.blocs)} blocs, ${n(s.committees)} grassroots committees, ${n(s.cells)} cells`,
  );
  console.log(
    `  indicators ${n(s.indicators)}, targets ${n(s.targets)}, results ${n(s.results)}, member ratings ${n(s.memberRatings)}, target line lists ${n(s.targetLines)}`,
  );
  console.log('  user admin, password from PROVINCE_ADMIN_PASSWORD (default quan-tri-tinh-2026)');
  console.log(`  data fingerprint ${s.fingerprint} (the same for every run of this generator)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
