// Addresses this page links to: a period's dashboard, and this page with another choice.

/** The dashboard of a unit for one period ("/?unit=1&period=2023"), pointing its chart at an indicator when given. */
export function dashboardHref(unit: string, period: string, code?: string): string {
  const params = new URLSearchParams({ unit, period });
  if (code) params.set('code', code);
  return `/?${params.toString()}`;
}

/** This page's path with some parameters of its address changed; `undefined` removes one. */
export function withParams(
  path: string,
  current: Readonly<Record<string, string>>,
  patch: Record<string, string | undefined>,
): string {
  const params = new URLSearchParams(current);
  for (const [key, value] of Object.entries(patch)) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
