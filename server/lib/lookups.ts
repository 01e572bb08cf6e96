import type { Context } from 'hono';
import { type Period, parsePeriod, periodError } from '../../shared/period';
import { clipQuote } from '../../shared/text';
import type { Access, Capability } from '../auth/rights';
import type { IndicatorRow, UnitRow } from '../db/schema';
import { type Catalogue, catalogue, toIndicatorDef } from '../domain/catalogue';
import type { ValueKey } from '../domain/value-writes';
import { AppError, badRequest, notFound } from './errors';
import { type AppEnv, accessOf } from './router';

// Turning the ids and codes of a request into the things they name, with one clear
// sentence when they name nothing.

export function requirePeriod(code: string | undefined, field = 'period'): Period {
  if (code === undefined || code === '')
    throw badRequest('invalid_period', 'Thiếu mã kỳ (ví dụ 2025, 2025-H1, NK2020-2025).', field);
  const p = parsePeriod(code);
  if (!p) throw badRequest('invalid_period', periodError(code) ?? `Mã kỳ "${code}" không hợp lệ.`, field);
  return p;
}

const MAX_PERIODS = 20;

/** "2021,2022,2023": the periods to compare, in the order asked, at most MAX_PERIODS. */
export function requirePeriods(list: string | undefined, field = 'periods'): Period[] {
  const codes = (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (codes.length === 0)
    throw badRequest(
      'invalid_period',
      'Hãy cho biết các kỳ cần so sánh, ví dụ periods=2023,2024,2025.',
      field,
    );
  if (codes.length > MAX_PERIODS)
    throw badRequest('invalid_period', `Chỉ so sánh được nhiều nhất ${MAX_PERIODS} kỳ một lần.`, field);
  return codes.map((c) => requirePeriod(c, field));
}

export function requireUnit(cat: Catalogue, id: string | undefined, field = 'unit'): UnitRow {
  if (id === undefined || id === '') throw badRequest('invalid_input', 'Thiếu mã đơn vị.', field);
  const n = /^[1-9][0-9]{0,15}$/.test(id) ? Number(id) : Number.NaN;
  const unit = Number.isSafeInteger(n) ? cat.units.get(n) : undefined;
  if (!unit) throw notFound('unit_not_found', `Không tìm thấy đơn vị có mã "${clipQuote(id)}".`, field);
  return unit;
}

/** The unit a listing must be asked for (the history, the locks): 400 `missing_unit` without one. */
export function requireNamedUnit(cat: Catalogue, id: string | undefined): UnitRow {
  if (!id) throw new AppError(400, 'missing_unit', 'Hãy cho biết đơn vị (tham số unit).', 'unit');
  return requireUnit(cat, id, 'unit');
}

export function requireIndicator(cat: Catalogue, code: string | undefined, field = 'code'): IndicatorRow {
  if (code === undefined || code === '') throw badRequest('invalid_input', 'Thiếu mã chỉ tiêu.', field);
  const ind = cat.indicatorsByCode.get(code);
  if (!ind)
    throw notFound('indicator_not_found', `Không tìm thấy chỉ tiêu có mã "${clipQuote(code)}".`, field);
  return ind;
}

/** The target or result a path names (/…/:unitId/:code/:period), once the user may `capability` on its unit. */
export function requireValueKey(
  c: Context<AppEnv>,
  capability: Capability,
  params: { unitId: string; code: string; period: string },
): { key: ValueKey & { unit: UnitRow }; access: Access } {
  const access = accessOf(c);
  const cat = catalogue(c.get('db'));
  const unit = requireUnit(cat, params.unitId, 'unitId');
  const indicator = requireIndicator(cat, params.code, 'code');
  const period = requirePeriod(params.period, 'period');
  access.demand(capability, unit.id);
  return { key: { unit, unitId: unit.id, indicator, def: toIndicatorDef(indicator), period }, access };
}

/**
 * The unit and the period a request names, once its user may `capability` on the unit: the
 * codes are read first, so that a wrong one is named before any refusal of rights.
 */
export function requireUnitPeriod(
  c: Context<AppEnv>,
  capability: Capability,
  unitId: string | undefined,
  periodCode: string | undefined,
  unitField = 'unit',
): { cat: Catalogue; unit: UnitRow; period: Period; access: Access } {
  const cat = catalogue(c.get('db'));
  const unit = requireUnit(cat, unitId, unitField);
  const period = requirePeriod(periodCode, 'period');
  const access = accessOf(c);
  access.demand(capability, unit.id);
  return { cat, unit, period, access };
}
