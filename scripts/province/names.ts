import { pick, type Rand } from '../lib/random';

// Invented names of the province's blocs, committees and cells: no person is named.

// Syllables of invented place names (two of them make a commune, a village or a company).
export const SYLLABLES = (
  'An Bình Cẩm Châu Diễn Đông Đức Giang Hà Hải Hòa Hồng Hưng Hương Khánh Kim Lạc Lam Lâm Liên Linh Long Lộc Minh Mỹ ' +
  'Nam Ngọc Nghĩa Nhân Phong Phú Phúc Quang Quế Sơn Tân Thạch Thái Thanh Thành Thịnh Thọ Thuận Tiến Trung Trường Vân Vĩnh Xuân Yên'
).split(' ');

/** A two-syllable place name not yet used among `taken` (siblings keep distinct names). */
export function placeName(rand: Rand, taken: Set<string>): string {
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

export type BlocType = 'agency' | 'city' | 'district';
export const BLOCS: { name: string; type: BlocType }[] = [
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

export const PROVINCE_AGENCIES = [
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
export type CellPool = 'village' | 'ward' | 'office' | 'enterprise';
export const OFFICE_CELLS = [
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
export const COMMUNE_INSTITUTIONS = [
  'Trường Mầm non',
  'Trường Tiểu học',
  'Trường Trung học cơ sở',
  'Trạm Y tế',
  'Công an xã',
  'Quân sự xã',
  'Cơ quan',
];

export interface CommitteePlan {
  name: string;
  pool: CellPool;
}

export function committeesOf(rand: Rand, type: BlocType, perBloc: number): CommitteePlan[] {
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

export function cellNames(rand: Rand, pool: CellPool, n: number): string[] {
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
