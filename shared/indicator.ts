import { kindsText, kindText } from './unit';

// What an indicator measures and how its values are read (docs/rules.md, "Indicators").

export const INDICATOR_KINDS = ['count', 'percent', 'ratio', 'level'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const TIME_AGGREGATES = ['sum', 'last', 'none'] as const;
export type TimeAggregate = (typeof TIME_AGGREGATES)[number];

/** The two shares that follow from a cell's member ratings (docs/rules.md, "Member ratings"). */
export const MEMBER_RATING_SHARES = ['good_or_better', 'excellent'] as const;
export type MemberRatingShare = (typeof MEMBER_RATING_SHARES)[number];

export const MEMBER_RATING_SHARE_LABELS: Record<MemberRatingShare, string> = {
  good_or_better: 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên',
  excellent: 'Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ',
};

/**
 * A `count` or `ratio` computed from the units below instead of entered (docs/rules.md, "Units
 * counted by their rating"): the units of `kinds` below, at any depth, whose result of the
 * `level` indicator `indicator` for the same period is `atLeast` or better.
 */
export interface CountUnitsRule {
  indicator: string;
  atLeast: string;
  kinds: string[];
}

export interface DerivedRule {
  countUnits: CountUnitsRule;
}

export interface IndicatorDef {
  code: string;
  name: string;
  unitLabel: string;
  kind: IndicatorKind;
  direction: Direction;
  timeAggregate: TimeAggregate;
  /** Only for `level`: the ordered scale, lowest first. */
  levels?: string[];
  /** The unit kinds it applies to; absent: every kind. */
  appliesTo?: string[];
  /** Set when its result is computed from the units below, never entered. */
  derived?: DerivedRule;
}

/** Whether an indicator is entered at a unit of `kind` (docs/rules.md, "Where an indicator applies"). */
export function appliesAt(ind: Pick<IndicatorDef, 'appliesTo'>, kind: string): boolean {
  return !ind.appliesTo || ind.appliesTo.includes(kind);
}

/** Why a value of `ind` is not entered at `unit`: one sentence, for the refusal and the screens. */
export function notApplicableMessage(
  ind: Pick<IndicatorDef, 'name' | 'appliesTo'>,
  unit: { name: string; kind: string },
): string {
  return `Chỉ tiêu "${ind.name}" chỉ áp dụng cho ${kindsText(ind.appliesTo ?? [])}; "${unit.name}" là ${kindText(unit.kind)} nên không nhập chỉ tiêu này.`;
}

/** Why a result of `ind` is not entered: it is computed from the units below. */
export function derivedResultMessage(ind: Pick<IndicatorDef, 'name' | 'derived'>): string {
  const rule = ind.derived?.countUnits;
  const what = rule ? ` (đếm ${kindsText(rule.kinds)} đạt từ mức "${rule.atLeast}" trở lên)` : '';
  return `Kết quả của chỉ tiêu "${ind.name}" được tính tự động từ xếp loại của các đơn vị trực thuộc${what}, không nhập tay.`;
}

export const KIND_LABELS: Record<IndicatorKind, string> = {
  count: 'Số lượng',
  percent: 'Tỷ lệ phần trăm',
  ratio: 'Tỷ lệ (tử số/mẫu số)',
  level: 'Mức xếp loại',
};

export const DIRECTION_LABELS: Record<Direction, string> = {
  higher: 'Càng cao càng tốt',
  lower: 'Càng thấp càng tốt',
};

export const TIME_AGGREGATE_LABELS: Record<TimeAggregate, string> = {
  sum: 'Cộng dồn các kỳ',
  last: 'Lấy kỳ gần nhất',
  none: 'Không cộng dồn',
};
