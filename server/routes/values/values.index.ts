import { and, eq } from 'drizzle-orm';
import type { ResultDto, TargetDto } from '../../../shared/schemas/values';
import { checkResultInput, checkTargetInput } from '../../../shared/value';
import type { Db } from '../../db/client';
import { results, targets } from '../../db/schema';
import { catalogue, toIndicatorDef } from '../../domain/catalogue';
import { assertUnlocked } from '../../domain/locks';
import { applyResult, applyTarget, currentResult, currentTarget } from '../../domain/value-writes';
import { resultDto, targetDto } from '../../domain/values';
import { badRequest, conflict, notFound } from '../../lib/errors';
import { requireIndicator, requirePeriod, requireUnit } from '../../lib/lookups';
import { accessOf, createRouter } from '../../lib/router';
import { writeBatch } from './values.batch';
import * as routes from './values.routes';

function resolveKey(db: Db, params: { unitId: string; code: string; period: string }) {
  const cat = catalogue(db);
  const unit = requireUnit(cat, params.unitId, 'unitId');
  const indicator = requireIndicator(cat, params.code, 'code');
  const period = requirePeriod(params.period, 'period');
  return { unit, unitId: unit.id, indicator, def: toIndicatorDef(indicator), period };
}

export const valuesRouter = createRouter()
  .openapi(routes.putTarget, (c) => {
    const db = c.get('db');
    const access = accessOf(c);
    const key = resolveKey(db, c.req.valid('param'));
    access.demand('plan', key.unitId);
    const body = c.req.valid('json');
    const checked = checkTargetInput(key.def, body.value);
    if (!checked.ok) throw badRequest('invalid_value', checked.message, checked.field);
    const saved = db.transaction((tx) => {
      assertUnlocked(tx, catalogue(db), key.unitId, key.period);
      const current = currentTarget(tx, key);
      if (body.version !== undefined && (current?.version ?? 0) !== body.version)
        throw conflict(
          'version_conflict',
          'Chỉ tiêu này vừa được người khác sửa; hãy xem giá trị hiện tại rồi lưu lại.',
          { current: current ? targetDto(key.def, current) : null },
        );
      return applyTarget(tx, access.user, key, current, checked.value);
    });
    return c.json({ target: saved! }, 200);
  })
  .openapi(routes.deleteTarget, (c) => {
    const db = c.get('db');
    const access = accessOf(c);
    const key = resolveKey(db, c.req.valid('param'));
    access.demand('plan', key.unitId);
    db.transaction((tx) => {
      assertUnlocked(tx, catalogue(db), key.unitId, key.period);
      const current = currentTarget(tx, key);
      if (!current)
        throw notFound(
          'target_not_found',
          `Đơn vị "${key.unit.name}" chưa được giao chỉ tiêu này trong ${key.period.label.toLowerCase()}.`,
        );
      applyTarget(tx, access.user, key, current, null);
    });
    return c.json({ deleted: true as const }, 200);
  })
  .openapi(routes.putResult, (c) => {
    const db = c.get('db');
    const access = accessOf(c);
    const key = resolveKey(db, c.req.valid('param'));
    access.demand('report', key.unitId);
    const body = c.req.valid('json');
    const checked = checkResultInput(key.def, body);
    if (!checked.ok) throw badRequest('invalid_value', checked.message, checked.field);
    const note = body.note?.trim() ? body.note.trim() : null;
    const saved = db.transaction((tx) => {
      assertUnlocked(tx, catalogue(db), key.unitId, key.period);
      const current = currentResult(tx, key);
      if (body.version !== undefined && (current?.version ?? 0) !== body.version)
        throw conflict(
          'version_conflict',
          'Kết quả này vừa được người khác sửa; hãy xem giá trị hiện tại rồi chọn giữ giá trị nào.',
          { current: current ? resultDto(key.def, current) : null },
        );
      return applyResult(tx, access.user, key, current, checked.value, note);
    });
    return c.json({ result: saved! }, 200);
  })
  .openapi(routes.deleteResult, (c) => {
    const db = c.get('db');
    const access = accessOf(c);
    const key = resolveKey(db, c.req.valid('param'));
    access.demand('report', key.unitId);
    db.transaction((tx) => {
      assertUnlocked(tx, catalogue(db), key.unitId, key.period);
      const current = currentResult(tx, key);
      if (!current)
        throw notFound(
          'result_not_found',
          `Đơn vị "${key.unit.name}" chưa báo cáo kết quả này trong ${key.period.label.toLowerCase()}.`,
        );
      applyResult(tx, access.user, key, current, null, null);
    });
    return c.json({ deleted: true as const }, 200);
  })
  .openapi(routes.batchValues, (c) => {
    const out = writeBatch(c.get('db'), accessOf(c), c.req.valid('json'));
    return c.json(out, 200);
  })
  .openapi(routes.listValues, (c) => {
    const db = c.get('db');
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
