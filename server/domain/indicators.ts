import { and, count, eq, isNotNull, notInArray } from 'drizzle-orm';
import { MEMBER_RATING_SHARE_LABELS } from '../../shared/indicator';
import type { CreateIndicatorBody, IndicatorDto, PatchIndicatorBody } from '../../shared/schemas/indicators';
import type { Db } from '../db/client';
import { type IndicatorRow, indicators, results, targets, type UserRow } from '../db/schema';
import { AppError, badRequest, conflict } from '../lib/errors';
import { catalogue, changeCatalogue } from './catalogue';

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
  position,
});

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
    db.select({ n: count() }).from(results).where(eq(results.indicatorId, ind.id)).get()!.n >
  0;

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
  const memberRating = body.memberRating !== undefined ? body.memberRating : ind.memberRating;
  if (memberRating && kind !== 'ratio')
    throw badRequest(
      'invalid_input',
      'Chỉ chỉ tiêu loại tỷ lệ (ratio) mới nhận kết quả xếp loại đảng viên.',
      'memberRating',
    );
  assertRatingFree(catalogue(db).indicators, memberRating, ind.id);
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
          updatedAt: new Date().toISOString(),
        })
        .where(eq(indicators.id, ind.id))
        .returning()
        .get(),
    indicatorDto,
    (after) => ({ type: 'indicator', action: 'update', code: ind.code, before: indicatorDto(ind), after }),
  );
}
