import type { IndicatorDef } from '../../../../shared/indicator';
import { changeText, checkChangeInput, type TargetChange } from '../../../../shared/targets';
import { foldVietnamese } from '../../../../shared/text';
import { readVietnameseDecimal } from '../../values/utils/vietnamese-number';

// A target written as a committee writes it against last year ("tăng 10%", "giảm 5%", "tăng 2
// đảng viên", "tăng 2 điểm %"): a change from the same unit's result a year before, sent as
// {"change": {"percent": P}} or {"change": {"amount": A}} (docs/rules.md, "Targets relative to
// last year"). The server computes the value; the rules of the change are shared/targets.ts.

export type ChangeJson = { percent: number } | { amount: number };

export type ReadRelative =
  /** Not written as a change: a plain value, read as one. */
  null | { ok: true; change: ChangeJson } | { ok: false; message: string };

// After folding: "tang 10%", "giam 1,5 %", "+2 diem %", "tang 2 dang vien", "-5%".
const CHANGE = /^(tang|giam|\+|-)\s*([\d.,]+)\s*(%|diem\s*%?|diem phan tram|.*)$/;

/** Reads a cell's text as a change from last year, checked by the server's own rules. */
export function readRelative(ind: IndicatorDef, text: string): ReadRelative {
  const folded = foldVietnamese(text).replace(/\s+/g, ' ').trim();
  if (folded === 'khong doi' || folded === 'giu nguyen') return check(ind, { amount: 0 });
  const m = CHANGE.exec(folded);
  if (!m) {
    if (/^(tang|giam)\b/.test(folded))
      return {
        ok: false,
        message: `Chưa đọc được mức tăng, giảm “${text.trim()}”; hãy viết như “tăng 10%”, “giảm 5%” hoặc “tăng 2”.`,
      };
    return null;
  }
  const [, verb, number, unit] = m as unknown as [string, string, string, string];
  const plain = readVietnameseDecimal(number);
  if (plain === null)
    return {
      ok: false,
      message: `Chưa đọc được số “${number}” trong “${text.trim()}”; hãy viết như “tăng 10%” hoặc “tăng 1,5%”.`,
    };
  const size = Number(plain) * (verb === 'giam' || verb === '-' ? -1 : 1);
  return check(ind, unit.trim().startsWith('%') ? { percent: size } : { amount: size });
}

function check(ind: IndicatorDef, change: ChangeJson): ReadRelative {
  const checked = checkChangeInput(ind, change);
  return checked.ok ? { ok: true, change } : { ok: false, message: checked.message };
}

/** The change as the API sends it, in hundredths, as the shared rules read it. */
export function changeOf(json: { percent?: number | undefined; amount?: number | undefined }): TargetChange {
  return json.percent !== undefined
    ? { kind: 'percent', x100: Math.round(json.percent * 100) }
    : { kind: 'amount', x100: Math.round((json.amount ?? 0) * 100) };
}

/** "tăng 10%", "giảm 2 đảng viên": a stored change as the cell shows it, read back the same. */
export const relativeText = (ind: IndicatorDef, json: { percent?: number; amount?: number }) =>
  changeText(ind, changeOf(json));

/** Whether two changes are the same rule ("không đổi" either way). */
export function sameChange(
  a: { percent?: number | undefined; amount?: number | undefined },
  b: { percent?: number | undefined; amount?: number | undefined },
): boolean {
  const x = changeOf(a);
  const y = changeOf(b);
  return x.x100 === y.x100 && (x.x100 === 0 || x.kind === y.kind);
}
