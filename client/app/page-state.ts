import { createContext, use, useEffect, useState } from 'react';
import type { MeDto } from '../../shared/accounts';
import { parsePeriod } from '../../shared/period';
import type { UnitDto } from '../../shared/schemas/units';
import { currentYear } from '../../shared/vietnam-time';
import { useUnits } from '../features/units/api/get-units';
import { type PagePath, type SearchOf, usePageSearch } from './search';

// What the pages keep alike: the window's title, the unit and period they show (from the
// address, with the page's default), what was just said, and who is signed in.

/** The window's title, "… · Chỉ tiêu", so several open tabs and the history list stay apart. */
export function usePageTitle(title: string | null) {
  useEffect(() => {
    document.title = title ? `${title} · Chỉ tiêu` : 'Chỉ tiêu';
  }, [title]);
}

export interface UnitPeriod {
  unit?: string;
  period?: string;
}

/**
 * The unit and the period a page shows: those of the address, else the page's default unit
 * (`defaultUnit`, from the units the user may read) and this year. `choose` writes both to the
 * address with the change, so a link shows exactly this view.
 */
export function useUnitPeriod<P extends PagePath>(
  from: P,
  defaultUnit: (units: UnitDto[]) => UnitDto | undefined,
) {
  const [search, change] = usePageSearch(from);
  const asked = search as UnitPeriod;
  const units = useUnits();
  const list = units.data?.units ?? [];
  const unitId = asked.unit ?? defaultUnit(list)?.id;
  const periodCode = asked.period ?? String(currentYear());
  const choose = (patch: Partial<SearchOf<P>>) =>
    change({ unit: unitId, period: periodCode, ...patch } as Partial<SearchOf<P>>);
  return {
    search,
    change,
    choose,
    units,
    list,
    unitId,
    unit: list.find((u) => u.id === unitId),
    periodCode,
    periodLabel: parsePeriod(periodCode)?.label ?? periodCode,
    /** Nothing to show at all: the organisation has no unit yet. */
    noUnits: units.isSuccess && list.length === 0 && !asked.unit,
  };
}

/**
 * A message said once ("Đã khóa…", "Đã mở khóa…"), for the view it was about: showing another
 * unit or period leaves it behind. The text while on that view, and a way to say one.
 */
export function useViewNotice(view: string) {
  const [notice, setNotice] = useState<{ at: string; text: string } | null>(null);
  const say = (text: string) => setNotice({ at: view, text });
  return [notice?.at === view ? notice.text : null, say] as const;
}

const SignedInContext = createContext<MeDto | null>(null);

/** Gives the pages who is signed in: the user the root (root.tsx) let in. */
export const SignedInProvider = SignedInContext.Provider;

/**
 * Who is signed in, as the root let them in: every page is shown under the sign-in gate, so
 * someone is, even while a session that just ended takes the app back to the sign-in page.
 */
export function useSignedIn(): MeDto {
  const me = use(SignedInContext);
  if (!me) throw new Error('Trang này chỉ mở khi đã đăng nhập.');
  return me;
}
