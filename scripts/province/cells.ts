import { int, type Rand } from '../lib/random';
import { MASS_LEVELS, PARTY_LEVELS, SUMMED_COUNTS, YEARS } from './catalogue';
import { fixedTargets } from './committees';
import type { CellPool } from './names';
import { add, halves, type ProvinceWriter, split, stampOf, type Tally } from './writer';

// A cell (chi bộ): its targets for every year and half, its members' ratings, its results.

/** A cell: its targets for every year and half, its results with a few percent missing. */
export const cell = (
  w: ProvinceWriter,
  rand: Rand,
  cellId: number,
  pool: CellPool,
  up: Tally,
  reported: Tally,
) => {
  const { target, result, insertRating, counts } = w;
  let members =
    pool === 'village' ? int(rand, 15, 60) : pool === 'ward' ? int(rand, 12, 45) : int(rand, 6, 30);
  const residential = pool === 'village' || pool === 'ward';
  for (const y of YEARS) {
    const p = String(y);
    members = Math.max(3, members + int(rand, -1, 2));
    fixedTargets(w, cellId, y, rand);
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
    result(cellId, 'HOC_TAP_NQ', p, [members - (rand() < 0.1 ? 1 : 0), members], 'Theo sổ theo dõi học tập');
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
      m < 0.02 ? MASS_LEVELS[0]! : m < 0.17 ? MASS_LEVELS[1]! : m < 0.87 ? MASS_LEVELS[2]! : MASS_LEVELS[3]!,
    );
  }
};
