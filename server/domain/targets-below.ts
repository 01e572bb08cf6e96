import type { Period } from '../../shared/period';
import type { TargetsBelowBody, TargetsBelowDto } from '../../shared/schemas/values';
import { kindsText } from '../../shared/unit';
import { checkTargetInput } from '../../shared/value';
import type { Access } from '../auth/rights';
import type { Db, DbOrTx } from '../db/client';
import type { IndicatorRow, UnitRow } from '../db/schema';
import { AppError, badRequest } from '../lib/errors';
import { catalogue, subtreeIds, toIndicatorDef } from './catalogue';
import { assertUnlocked } from './locks';
import { applyWrite, currentTarget, writeOver } from './value-writes';
import { targetDto, targetOut } from './values';

// POST /api/targets/below (docs/rules.md, "One target for each unit below"): "các đoàn thể đạt
// vững mạnh", "mỗi chi bộ kết nạp ít nhất 01 đảng viên". A committee sets one target for every
// unit of some kinds below it, at any depth; each is stored as that unit's own target, in one
// transaction, recorded in the history as any target. Targets already there are kept unless
// `replace`. Refused whole when any of those units is outside the caller's rights (403) or its
// period is locked (423), and when the indicator does not apply to one of the kinds (422).

export function setTargetsBelow(
  db: Db,
  access: Access,
  at: { unit: UnitRow; indicator: IndicatorRow; period: Period },
  body: TargetsBelowBody,
  dryRun: boolean,
): TargetsBelowDto {
  const cat = catalogue(db);
  const { unit, indicator, period } = at;
  const def = toIndicatorDef(indicator);
  const checked = checkTargetInput(def, body.value);
  if (!checked.ok) throw badRequest('invalid_value', checked.message, checked.field);
  access.demand('plan', unit.id);
  const below = subtreeIds(cat, unit.id)
    .slice(1)
    .map((id) => cat.units.get(id)!)
    .filter((u) => (body.kinds as readonly string[]).includes(u.kind));
  for (const u of below) access.demand('plan', u.id);
  const outside = def.appliesTo ? body.kinds.filter((k) => !def.appliesTo!.includes(k)) : [];
  if (outside.length > 0)
    throw new AppError(
      422,
      'not_applicable',
      `Chỉ tiêu "${def.name}" chỉ áp dụng cho ${kindsText(def.appliesTo!)}, không giao cho ${kindsText(outside)}.`,
      'kinds',
    );
  const replace = body.replace ?? false;
  const run = (tx: DbOrTx) => {
    assertUnlocked(tx, cat, unit.id, period);
    for (const u of below) assertUnlocked(tx, cat, u.id, period);
    let written = 0;
    const units = below.map((u) => {
      const key = { unitId: u.id, indicator, def, period };
      const current = currentTarget(tx, key);
      const shown = { id: String(u.id), name: u.name, kind: u.kind };
      if (current && !replace) {
        const dto = targetDto(def, current);
        return {
          unit: shown,
          action: 'kept' as const,
          target: dto ? { value: dto.value, display: dto.display } : null,
        };
      }
      written++;
      if (!dryRun)
        applyWrite(
          tx,
          access.user,
          writeOver(tx, 'target', key, checked.value, null, { change: null, eachYear: false }),
        );
      return { unit: shown, action: 'written' as const, target: targetOut(def, checked.value) };
    });
    return { written, kept: below.length - written, dryRun, units };
  };
  return dryRun ? run(db) : db.transaction((tx) => run(tx));
}
