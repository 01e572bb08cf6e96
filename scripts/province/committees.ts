import { int, pick, type Rand } from '../lib/random';
import { MASS_LEVELS, PARTY_LEVELS, SUMMED_COUNTS, TERM, YEARS } from './catalogue';
import { add, got, type ProvinceWriter, split, type Tally } from './writer';

// What the units above the cells are set and record: their targets, made from what their units
// were set, and the rates and ratings they report themselves.

/** The yearly targets every unit has that are not counts: the same rule at every level. */
export const fixedTargets = (w: ProvinceWriter, unitId: number, y: number, r: Rand) => {
  const { target } = w;
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
export const committeeTargets = (
  w: ProvinceWriter,
  unitId: number,
  children: Tally,
  cellsUnder: number,
  r: Rand,
  up: Tally,
) => {
  const { target } = w;
  const own: Tally = new Map();
  for (const y of YEARS) {
    const p = String(y);
    fixedTargets(w, unitId, y, r);
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
export const committeeResults = (w: ProvinceWriter, unitId: number, r: Rand, gaps: number) => {
  const { result } = w;
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
