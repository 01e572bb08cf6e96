import { eq } from 'drizzle-orm';
import type { TargetLineInput } from '../../../shared/schemas/target-lines';
import { targetLines } from '../../db/schema';
import { catalogue } from '../../domain/catalogue';
import { recordChange } from '../../domain/history';
import { assertUnlocked } from '../../domain/locks';
import { judgedLines, storedLines } from '../../domain/target-lines';
import { badRequest, conflict } from '../../lib/errors';
import { requirePeriod, requireUnit } from '../../lib/lookups';
import { cachedJson, requestKey } from '../../lib/response-cache';
import { accessOf, createRouter } from '../../lib/router';
import { resolveAsOf, today } from '../../lib/today';
import * as routes from './target-lines.routes';

export const targetLinesRouter = createRouter()
  .openapi(routes.getTargetLines, (c) => {
    const q = c.req.valid('query');
    const cat = catalogue(c.get('db'));
    const unit = requireUnit(cat, q.unit, 'unit');
    const period = requirePeriod(q.period, 'period');
    accessOf(c).demand('read', unit.id);
    const asOf = resolveAsOf(q.asOf);
    return cachedJson(c, requestKey(c, asOf), () => judgedLines(c.get('db'), unit, period, asOf));
  })
  .openapi(routes.putTargetLines, (c) => {
    const db = c.get('db');
    const params = c.req.valid('param');
    const body = c.req.valid('json');
    const cat = catalogue(db);
    const unit = requireUnit(cat, params.unitId, 'unitId');
    const period = requirePeriod(params.period, 'period');
    const access = accessOf(c);
    access.demand('plan', unit.id);
    body.lines.forEach((line, i) => {
      line.codes.forEach((code, j) => {
        if (!cat.indicatorsByCode.has(code))
          throw badRequest(
            'indicator_not_found',
            `Chỉ tiêu chủ yếu thứ ${i + 1} gắn với mã chỉ tiêu "${code}" không có trong danh mục.`,
            `lines.${i}.codes.${j}`,
          );
      });
    });
    const lines: TargetLineInput[] = body.lines.map((l) => ({ text: l.text, codes: l.codes }));
    db.transaction((tx) => {
      assertUnlocked(tx, cat, unit.id, period);
      const current = storedLines(tx, unit.id, period.code);
      if (body.version !== undefined && (current?.version ?? 0) !== body.version)
        throw conflict(
          'version_conflict',
          'Danh sách chỉ tiêu chủ yếu vừa được người khác sửa; hãy xem bản hiện tại rồi lưu lại.',
          { current: judgedLines(db, unit, period, today()) },
        );
      const before = current?.lines ?? [];
      if (JSON.stringify(before) === JSON.stringify(lines)) return;
      const updatedAt = new Date().toISOString();
      // Emptied lists keep their row, so that the version keeps counting up.
      if (current)
        tx.update(targetLines)
          .set({ lines, version: current.version + 1, updatedAt })
          .where(eq(targetLines.id, current.id))
          .run();
      else tx.insert(targetLines).values({ unitId: unit.id, period: period.code, lines, updatedAt }).run();
      recordChange(tx, access.user, {
        type: 'target_line',
        action: !current || before.length === 0 ? 'create' : lines.length === 0 ? 'delete' : 'update',
        unitId: unit.id,
        period: period.code,
        before: before.length ? before : null,
        after: lines.length ? lines : null,
      });
    });
    return c.json(judgedLines(db, unit, period, today()), 200);
  });
