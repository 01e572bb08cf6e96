import { type Period, parsePeriod, periodError } from '../../shared/period';
import { clipQuote } from '../../shared/text';
import type { IndicatorRow, UnitRow } from '../db/schema';
import type { Catalogue } from '../domain/catalogue';
import { badRequest, notFound } from './errors';

// Turning the ids and codes of a request into the things they name, with one clear
// sentence when they name nothing.

export function requirePeriod(code: string | undefined, field = 'period'): Period {
  if (code === undefined || code === '')
    throw badRequest('invalid_period', 'Thiếu mã kỳ (ví dụ 2025, 2025-H1, NK2020-2025).', field);
  const p = parsePeriod(code);
  if (!p) throw badRequest('invalid_period', periodError(code) ?? `Mã kỳ "${code}" không hợp lệ.`, field);
  return p;
}

export function requireUnit(cat: Catalogue, id: string | undefined, field = 'unit'): UnitRow {
  if (id === undefined || id === '') throw badRequest('invalid_input', 'Thiếu mã đơn vị.', field);
  const n = /^[1-9][0-9]{0,15}$/.test(id) ? Number(id) : Number.NaN;
  const unit = Number.isSafeInteger(n) ? cat.units.get(n) : undefined;
  if (!unit) throw notFound('unit_not_found', `Không tìm thấy đơn vị có mã "${clipQuote(id)}".`, field);
  return unit;
}

export function requireIndicator(cat: Catalogue, code: string | undefined, field = 'code'): IndicatorRow {
  if (code === undefined || code === '') throw badRequest('invalid_input', 'Thiếu mã chỉ tiêu.', field);
  const ind = cat.indicatorsByCode.get(code);
  if (!ind)
    throw notFound('indicator_not_found', `Không tìm thấy chỉ tiêu có mã "${clipQuote(code)}".`, field);
  return ind;
}
