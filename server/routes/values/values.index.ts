import { and, eq } from 'drizzle-orm';
import type { ResultDto, TargetDto } from '../../../shared/schemas';
import { checkResultInput, checkTargetInput } from '../../../shared/value';
import type { Db } from '../../db/client';
import { results, targets } from '../../db/schema';
import { catalogue, toIndicatorDef } from '../../domain/catalogue';
import { recordChange } from '../../domain/history';
import { assertUnlocked } from '../../domain/locks';
import { resultDto, targetDto, valueColumns } from '../../domain/values';
import { badRequest, conflict, notFound } from '../../lib/errors';
import { requireIndicator, requirePeriod, requireUnit } from '../../lib/lookups';
import { accessOf, createRouter } from '../../lib/router';
import * as routes from './values.routes';

function resolveKey(db: Db, params: { unitId: string; code: string; period: string }) {
  const cat = catalogue(db);
  const unit = requireUnit(cat, params.unitId, 'unitId');
  const indicator = requireIndicator(cat, params.code, 'code');
  const period = requirePeriod(params.period, 'period');
  return { unit, indicator, def: toIndicatorDef(indicator), period };
}

const now = () => new Date().toISOString();

export const valuesRouter = createRouter()
  .openapi(routes.putTarget, (c) => {
    const db = c.var.db;
    const access = accessOf(c);
    const { unit, indicator, def, period } = resolveKey(db, c.req.valid('param'));
    access.demand('plan', unit.id);
    const body = c.req.valid('json');
    const checked = checkTargetInput(def, body.value);
    if (!checked.ok) throw badRequest('invalid_value', checked.message, checked.field);
    const key = and(
      eq(targets.unitId, unit.id),
      eq(targets.indicatorId, indicator.id),
      eq(targets.period, period.code),
    );
    const saved = db.transaction((tx) => {
      assertUnlocked(tx, catalogue(db), unit.id, period);
      const current = tx.select().from(targets).where(key).get();
      if (body.version !== undefined && current?.version !== body.version)
        throw conflict(
          'version_conflict',
          'Chỉ tiêu này vừa được người khác sửa; hãy xem giá trị hiện tại rồi lưu lại.',
          { current: current ? targetDto(def, current) : null },
        );
      const cols = valueColumns(checked.value);
      const set = { valueX100: cols.valueX100, level: cols.level, updatedAt: now() };
      const row = current
        ? tx
            .update(targets)
            .set({ ...set, version: current.version + 1 })
            .where(eq(targets.id, current.id))
            .returning()
            .get()
        : tx
            .insert(targets)
            .values({ unitId: unit.id, indicatorId: indicator.id, period: period.code, ...set })
            .returning()
            .get();
      recordChange(tx, access.user, {
        type: 'target',
        action: current ? 'update' : 'create',
        unitId: unit.id,
        code: indicator.code,
        period: period.code,
        before: current ? targetDto(def, current) : null,
        after: targetDto(def, row),
      });
      return row;
    });
    return c.json({ target: targetDto(def, saved)! }, 200);
  })
  .openapi(routes.deleteTarget, (c) => {
    const db = c.var.db;
    const access = accessOf(c);
    const { unit, indicator, def, period } = resolveKey(db, c.req.valid('param'));
    access.demand('plan', unit.id);
    db.transaction((tx) => {
      assertUnlocked(tx, catalogue(db), unit.id, period);
      const key = and(
        eq(targets.unitId, unit.id),
        eq(targets.indicatorId, indicator.id),
        eq(targets.period, period.code),
      );
      const current = tx.select().from(targets).where(key).get();
      if (!current)
        throw notFound(
          'target_not_found',
          `Đơn vị "${unit.name}" chưa được giao chỉ tiêu này trong ${period.label.toLowerCase()}.`,
        );
      tx.delete(targets).where(eq(targets.id, current.id)).run();
      recordChange(tx, access.user, {
        type: 'target',
        action: 'delete',
        unitId: unit.id,
        code: indicator.code,
        period: period.code,
        before: targetDto(def, current),
      });
    });
    return c.json({ deleted: true as const }, 200);
  })
  .openapi(routes.putResult, (c) => {
    const db = c.var.db;
    const access = accessOf(c);
    const { unit, indicator, def, period } = resolveKey(db, c.req.valid('param'));
    access.demand('report', unit.id);
    const body = c.req.valid('json');
    const checked = checkResultInput(def, body);
    if (!checked.ok) throw badRequest('invalid_value', checked.message, checked.field);
    const note = body.note?.trim() ? body.note.trim() : null;
    const key = and(
      eq(results.unitId, unit.id),
      eq(results.indicatorId, indicator.id),
      eq(results.period, period.code),
    );
    const saved = db.transaction((tx) => {
      assertUnlocked(tx, catalogue(db), unit.id, period);
      const current = tx.select().from(results).where(key).get();
      if (body.version !== undefined && current?.version !== body.version)
        throw conflict(
          'version_conflict',
          'Kết quả này vừa được người khác sửa; hãy xem giá trị hiện tại rồi chọn giữ giá trị nào.',
          { current: current ? resultDto(def, current) : null },
        );
      const set = { ...valueColumns(checked.value), note, updatedAt: now() };
      const row = current
        ? tx
            .update(results)
            .set({ ...set, version: current.version + 1 })
            .where(eq(results.id, current.id))
            .returning()
            .get()
        : tx
            .insert(results)
            .values({ unitId: unit.id, indicatorId: indicator.id, period: period.code, ...set })
            .returning()
            .get();
      recordChange(tx, access.user, {
        type: 'result',
        action: current ? 'update' : 'create',
        unitId: unit.id,
        code: indicator.code,
        period: period.code,
        before: current ? resultDto(def, current) : null,
        after: resultDto(def, row),
        note,
      });
      return row;
    });
    return c.json({ result: resultDto(def, saved)! }, 200);
  })
  .openapi(routes.deleteResult, (c) => {
    const db = c.var.db;
    const access = accessOf(c);
    const { unit, indicator, def, period } = resolveKey(db, c.req.valid('param'));
    access.demand('report', unit.id);
    db.transaction((tx) => {
      assertUnlocked(tx, catalogue(db), unit.id, period);
      const key = and(
        eq(results.unitId, unit.id),
        eq(results.indicatorId, indicator.id),
        eq(results.period, period.code),
      );
      const current = tx.select().from(results).where(key).get();
      if (!current)
        throw notFound(
          'result_not_found',
          `Đơn vị "${unit.name}" chưa báo cáo kết quả này trong ${period.label.toLowerCase()}.`,
        );
      tx.delete(results).where(eq(results.id, current.id)).run();
      recordChange(tx, access.user, {
        type: 'result',
        action: 'delete',
        unitId: unit.id,
        code: indicator.code,
        period: period.code,
        before: resultDto(def, current),
      });
    });
    return c.json({ deleted: true as const }, 200);
  })
  .openapi(routes.listValues, (c) => {
    const db = c.var.db;
    const q = c.req.valid('query');
    const cat = catalogue(db);
    const unit = requireUnit(cat, q.unit, 'unit');
    const period = requirePeriod(q.period, 'period');
    accessOf(c).demand('read', unit.id);
    const order = (a: { indicatorId: number }, b: { indicatorId: number }) =>
      (cat.indicatorsById.get(a.indicatorId)?.position ?? 0) -
      (cat.indicatorsById.get(b.indicatorId)?.position ?? 0);
    const tRows = db
      .select()
      .from(targets)
      .where(and(eq(targets.unitId, unit.id), eq(targets.period, period.code)))
      .all()
      .sort(order);
    const rRows = db
      .select()
      .from(results)
      .where(and(eq(results.unitId, unit.id), eq(results.period, period.code)))
      .all()
      .sort(order);
    const defOf = (id: number) => toIndicatorDef(cat.indicatorsById.get(id)!);
    return c.json(
      {
        targets: tRows
          .map((t) => targetDto(defOf(t.indicatorId), t))
          .filter((t): t is TargetDto => t !== null),
        results: rRows
          .map((r) => resultDto(defOf(r.indicatorId), r))
          .filter((r): r is ResultDto => r !== null),
      },
      200,
    );
  });
