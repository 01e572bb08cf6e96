import { UNIT_PATH_SEPARATOR } from '../../../shared/import-export';
import { chainUp } from '../../../shared/rights';
import { clipQuote, foldVietnamese } from '../../../shared/text';
import type { UnitRow } from '../../db/schema';
import { type Catalogue, parentIn } from '../catalogue';

// The unit column of a file: a unit's id, or its names from the root joined with " / "
// ("Đảng bộ Trường / Chi bộ A"). Names match exactly (Unicode-normalised, so a file saved on
// a Mac matches); typed without diacritics or in another case they match too, as long as
// that names one unit only.

export type UnitLookup = { ok: true; unit: UnitRow } | { ok: false; message: string };

const nfc = (s: string) => s.normalize('NFC');

export class UnitNames {
  private readonly paths = new Map<number, string>();
  private readonly exact = new Map<string, number[]>();
  private readonly folded = new Map<string, number[]>();
  private readonly byFoldedName = new Map<string, number[]>();
  private readonly cache = new Map<string, UnitLookup>();

  constructor(private readonly cat: Catalogue) {
    for (const id of cat.units.keys()) {
      const path = this.pathOf(id);
      push(this.exact, nfc(path), id);
      push(this.folded, foldVietnamese(path), id);
      push(this.byFoldedName, foldVietnamese(cat.units.get(id)!.name), id);
    }
  }

  /** The names from the root to the unit, joined with " / ". */
  pathOf(id: number): string {
    const known = this.paths.get(id);
    if (known !== undefined) return known;
    const unit = this.cat.units.get(id)!;
    const path =
      unit.parentId === null || !this.cat.units.has(unit.parentId)
        ? unit.name
        : `${this.pathOf(unit.parentId)}${UNIT_PATH_SEPARATOR}${unit.name}`;
    this.paths.set(id, path);
    return path;
  }

  /**
   * What an export writes in the unit column: the names path, or the id where the path would
   * not name this unit alone when read back (two units with the same path, a name holding
   * " / ", a path that reads as an id or loses spaces when trimmed).
   */
  label(id: number): string {
    const path = this.pathOf(id);
    const chainHasSeparator = chainUp(parentIn(this.cat), id).some((cur) =>
      this.cat.units.get(cur)?.name.includes(UNIT_PATH_SEPARATOR),
    );
    const unique = this.exact.get(nfc(path))?.length === 1;
    if (!unique || chainHasSeparator || /^\d+$/.test(path) || path !== path.trim()) return String(id);
    return path;
  }

  resolve(cell: string): UnitLookup {
    const hit = this.cache.get(cell);
    if (hit) return hit;
    const found = this.lookup(cell);
    this.cache.set(cell, found);
    return found;
  }

  private lookup(cell: string): UnitLookup {
    const text = cell.trim();
    if (/^\d{1,16}$/.test(text)) {
      const unit = this.cat.units.get(Number(text));
      if (unit) return { ok: true, unit };
    }
    const exact = this.exact.get(nfc(text));
    if (exact?.length === 1) return { ok: true, unit: this.cat.units.get(exact[0]!)! };
    if (exact && exact.length > 1)
      return {
        ok: false,
        message: `Có ${exact.length} đơn vị cùng tên "${text}"; hãy ghi mã đơn vị (${exact.join(' hoặc ')}) thay cho tên`,
      };
    const folded = this.folded.get(foldVietnamese(text));
    if (folded?.length === 1) return { ok: true, unit: this.cat.units.get(folded[0]!)! };
    if (folded && folded.length > 1)
      return {
        ok: false,
        message: `"${text}" gõ không dấu khớp với ${folded.length} đơn vị (${folded.map((id) => `"${this.pathOf(id)}"`).join(', ')}); hãy gõ đủ dấu hoặc ghi mã đơn vị`,
      };
    if (/^\d+$/.test(text)) return { ok: false, message: `Không có đơn vị nào có mã ${clipQuote(text)}` };
    // The last name alone, as people often write it: point at the full path.
    const last = text.split('/').pop()!;
    const named = this.byFoldedName.get(foldVietnamese(last));
    if (named?.length === 1)
      return {
        ok: false,
        message: `Không tìm thấy đơn vị "${clipQuote(text)}"; cột đơn vị (unit) ghi tên các đơn vị từ cấp trên cùng, nối bằng " / ", ví dụ "${this.pathOf(named[0]!)}"`,
      };
    return {
      ok: false,
      message: `Không tìm thấy đơn vị "${clipQuote(text)}"; hãy ghi mã đơn vị hoặc tên các đơn vị từ cấp trên cùng, nối bằng " / "`,
    };
  }
}

function push(map: Map<string, number[]>, key: string, id: number) {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
