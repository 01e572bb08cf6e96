import { and, count, eq, isNotNull, notInArray } from 'drizzle-orm';
import { type DerivedRule, MEMBER_RATING_SHARE_LABELS } from '../../shared/indicator';
import type { CreateIndicatorBody, IndicatorDto, PatchIndicatorBody } from '../../shared/schemas/indicators';
import { clipQuote } from '../../shared/text';
import { kindsText } from '../../shared/unit';
import type { Db } from '../db/client';
import { type IndicatorRow, indicators, results, targets, type UserRow, units } from '../db/schema';
import { AppError, badRequest, conflict } from '../lib/errors';
import { type Catalogue, catalogue, changeCatalogue } from './catalogue';

// The catalogue of indicators (docs/rules.md, "Indicators"): adding one, and changing one as
// far as the values already entered with it allow.

export const indicatorDto = (i: IndicatorRow): IndicatorDto => ({
  code: i.code,
  name: i.name,
  unitLabel: i.unitLabel,
  kind: i.kind,
  direction: i.direction,
  timeAggregate: i.timeAggregate,
  ...(i.kind === 'level' ? { levels: i.levels ?? [] } : {}),
  ...(i.memberRating ? { memberRating: i.memberRating } : {}),
  ...(i.appliesTo ? { appliesTo: i.appliesTo } : {}),
  ...(i.derived ? { derived: i.derived } : {}),
  position: i.position,
  archived: i.archived,
});

/** Each share of the member ratings goes to one indicator at most. */
function assertRatingFree(all: IndicatorRow[], share: IndicatorRow['memberRating'], self: number | null) {
  if (!share) return;
  const holder = all.find((i) => i.memberRating === share && i.id !== self);
  if (holder)
    throw new AppError(
      409,
      'member_rating_taken',
      `Chỉ tiêu "${holder.name}" đang nhận ${MEMBER_RATING_SHARE_LABELS[share].toLowerCase()} từ xếp loại đảng viên; hãy bỏ gắn ở chỉ tiêu đó trước.`,
      'memberRating',
    );
}

/** The stored columns of a new indicator, with the defaults of what it leaves out. */
export const newIndicatorRow = (body: CreateIndicatorBody, position: number) => ({
  code: body.code,
  name: body.name,
  unitLabel: body.unitLabel,
  kind: body.kind,
  direction: body.direction ?? 'higher',
  timeAggregate: body.timeAggregate ?? 'none',
  levels: body.kind === 'level' ? (body.levels ?? null) : null,
  memberRating: body.memberRating ?? null,
  appliesTo: body.appliesTo ?? null,
  derived: body.derived ?? null,
  position,
});

const invalidDerived = (message: string, field = 'derived') =>
  new AppError(400, 'invalid_derived', message, field);

/**
 * A derived rule must count units by a `level` indicator of the catalogue, from one of its
 * levels, on a `count` or `ratio` that no member ratings feed (docs/rules.md, "Units counted
 * by their rating").
 */
function assertDerived(
  cat: Catalogue,
  kind: IndicatorRow['kind'],
  memberRating: IndicatorRow['memberRating'],
  derived: DerivedRule | null,
) {
  if (!derived) return;
  if (kind !== 'count' && kind !== 'ratio')
    throw invalidDerived(
      'Chỉ chỉ tiêu loại count (số lượng) hoặc ratio (tỷ lệ) mới tính được tự động từ xếp loại của các đơn vị.',
    );
  if (memberRating)
    throw invalidDerived(
      'Chỉ tiêu nhận kết quả xếp loại đảng viên không thể đồng thời tính tự động từ xếp loại của các đơn vị.',
    );
  const rule = derived.countUnits;
  const base = cat.indicatorsByCode.get(rule.indicator);
  if (!base)
    throw invalidDerived(
      `Không có chỉ tiêu nào mã "${clipQuote(rule.indicator)}" để đếm đơn vị theo xếp loại.`,
      'derived.countUnits.indicator',
    );
  if (base.kind !== 'level')
    throw invalidDerived(
      `Chỉ tiêu "${base.name}" không phải chỉ tiêu xếp loại (level) nên không dùng để đếm đơn vị theo mức được.`,
      'derived.countUnits.indicator',
    );
  const levels = base.levels ?? [];
  if (!levels.includes(rule.atLeast))
    throw invalidDerived(
      `Chỉ tiêu "${base.name}" không có mức "${clipQuote(rule.atLeast)}"; các mức là ${levels.map((l) => `"${l}"`).join(', ')}.`,
      'derived.countUnits.atLeast',
    );
}

/** The first unit of a kind outside `kinds` that holds a target or a result of the indicator. */
function valueOutside(db: Db, ind: IndicatorRow, kinds: string[]) {
  for (const table of [targets, results] as const) {
    const found = db
      .select({ name: units.name, kind: units.kind })
      .from(table)
      .innerJoin(units, eq(units.id, table.unitId))
      .where(and(eq(table.indicatorId, ind.id), notInArray(units.kind, kinds)))
      .limit(1)
      .get();
    if (found) return found;
  }
  return undefined;
}

/** The derived indicators that count units by this one's levels. */
const countedBy = (cat: Catalogue, ind: IndicatorRow) =>
  cat.indicators.filter((i) => i.derived?.countUnits.indicator === ind.code);

/** Adds an indicator at the end of the catalogue. */
export function createIndicator(db: Db, by: UserRow, body: CreateIndicatorBody): IndicatorDto {
  const cat = catalogue(db);
  if (cat.indicatorsByCode.has(body.code))
    throw new AppError(
      409,
      'indicator_exists',
      `Mã chỉ tiêu "${body.code}" đã có; hãy chọn mã khác.`,
      'code',
    );
  assertRatingFree(cat.indicators, body.memberRating ?? null, null);
  assertDerived(cat, body.kind, body.memberRating ?? null, body.derived ?? null);
  const position = cat.indicators.reduce((m, i) => Math.max(m, i.position), 0) + 1;
  return changeCatalogue(
    db,
    by,
    (tx) => tx.insert(indicators).values(newIndicatorRow(body, position)).returning().get(),
    indicatorDto,
    (after) => ({ type: 'indicator', action: 'create', code: after.code, after }),
  );
}

/** Whether targets or results were entered with the indicator. */
const inUse = (db: Db, ind: IndicatorRow) =>
  db.select({ n: count() }).from(targets).where(eq(targets.indicatorId, ind.id)).get()!.n +
    resultsOf(db, ind) >
  0;

const resultsOf = (db: Db, ind: IndicatorRow) =>
  db.select({ n: count() }).from(results).where(eq(results.indicatorId, ind.id)).get()!.n;

/** The levels of the indicator that stored values use and `levels` leaves out. */
const levelsInUse = (db: Db, ind: IndicatorRow, levels: string[]) => [
  ...db
    .selectDistinct({ level: targets.level })
    .from(targets)
    .where(and(eq(targets.indicatorId, ind.id), isNotNull(targets.level), notInArray(targets.level, levels)))
    .all(),
  ...db
    .selectDistinct({ level: results.level })
    .from(results)
    .where(and(eq(results.indicatorId, ind.id), isNotNull(results.level), notInArray(results.level, levels)))
    .all(),
];

/** Changes an indicator: its kind and levels only as far as the values entered with it allow. */
export function updateIndicator(
  db: Db,
  by: UserRow,
  ind: IndicatorRow,
  body: PatchIndicatorBody,
): IndicatorDto {
  const kind = body.kind ?? ind.kind;
  if (kind !== ind.kind && inUse(db, ind))
    throw conflict(
      'indicator_in_use',
      `Không thể đổi loại của chỉ tiêu "${ind.name}" vì đã có chỉ tiêu hoặc kết quả được nhập.`,
    );
  let levels = kind === 'level' ? (body.levels ?? ind.levels ?? null) : null;
  if (kind === 'level' && !levels)
    throw badRequest('invalid_input', 'Chỉ tiêu xếp loại cần danh sách các mức.', 'levels');
  if (kind !== 'level' && body.levels)
    throw badRequest('invalid_input', 'Chỉ chỉ tiêu xếp loại mới có các mức.', 'levels');
  if ((body.timeAggregate ?? ind.timeAggregate) === 'sum' && kind === 'level')
    throw badRequest(
      'invalid_input',
      'Chỉ tiêu xếp loại không thể cộng dồn theo kỳ; hãy chọn last hoặc none.',
      'timeAggregate',
    );
  if (kind === 'level' && levels && ind.kind === 'level') {
    // A level that values still use cannot disappear: those values would lose their meaning.
    const used = levelsInUse(db, ind, levels);
    if (used.length > 0)
      throw conflict('level_in_use', `Không thể bỏ mức "${used[0]!.level}" vì đã có số liệu dùng mức này.`);
  }
  if (kind !== 'level') levels = null;
  const cat = catalogue(db);
  // The levels a derived indicator counts from stay, and so does the kind that has them.
  for (const d of countedBy(cat, ind)) {
    const from = d.derived!.countUnits.atLeast;
    if (kind !== 'level' || !levels?.includes(from))
      throw conflict(
        kind !== 'level' ? 'indicator_in_use' : 'level_in_use',
        kind !== 'level'
          ? `Không thể đổi loại của chỉ tiêu "${ind.name}" vì chỉ tiêu "${d.name}" đếm đơn vị theo các mức của nó.`
          : `Không thể bỏ mức "${from}" vì chỉ tiêu "${d.name}" đếm đơn vị từ mức này trở lên.`,
      );
  }
  const memberRating = body.memberRating !== undefined ? body.memberRating : ind.memberRating;
  if (memberRating && kind !== 'ratio')
    throw badRequest(
      'invalid_input',
      'Chỉ chỉ tiêu loại tỷ lệ (ratio) mới nhận kết quả xếp loại đảng viên.',
      'memberRating',
    );
  assertRatingFree(cat.indicators, memberRating, ind.id);
  const derived = body.derived !== undefined ? body.derived : ind.derived;
  assertDerived(cat, kind, memberRating, derived);
  if (derived && !ind.derived && resultsOf(db, ind) > 0)
    throw conflict(
      'indicator_in_use',
      `Không thể chuyển chỉ tiêu "${ind.name}" sang tính tự động vì đã có kết quả được nhập; hãy xóa các kết quả đó trước.`,
    );
  const appliesTo = body.appliesTo !== undefined ? body.appliesTo : ind.appliesTo;
  if (body.appliesTo) {
    const outside = valueOutside(db, ind, body.appliesTo);
    if (outside)
      throw conflict(
        'indicator_in_use',
        `Không thể chỉ áp dụng chỉ tiêu "${ind.name}" cho ${kindsText(body.appliesTo)} vì "${outside.name}" đã có số liệu của chỉ tiêu này; hãy xóa số liệu đó trước.`,
      );
  }
  return changeCatalogue(
    db,
    by,
    (tx) =>
      tx
        .update(indicators)
        .set({
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.unitLabel !== undefined ? { unitLabel: body.unitLabel } : {}),
          ...(body.direction !== undefined ? { direction: body.direction } : {}),
          ...(body.timeAggregate !== undefined ? { timeAggregate: body.timeAggregate } : {}),
          ...(body.position !== undefined ? { position: body.position } : {}),
          ...(body.archived !== undefined ? { archived: body.archived } : {}),
          kind,
          levels,
          memberRating,
          appliesTo,
          derived,
          updatedAt: new Date().toISOString(),
        })
        .where(eq(indicators.id, ind.id))
        .returning()
        .get(),
    indicatorDto,
    (after) => ({ type: 'indicator', action: 'update', code: ind.code, before: indicatorDto(ind), after }),
  );
}
