import { formatNumber } from '../../../../shared/format';

/** "Tỷ lệ so với KH": 111.11 -> '111,11%'; none -> '—'. */
export const formatAchievement = (a: number | null) => (a === null ? '—' : `${formatNumber(a)}%`);
