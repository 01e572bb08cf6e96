import { useMemo, useSyncExternalStore } from 'react';
import { confirmLeave } from './leave-guard';

// What the dashboard shows lives in the query string (?unit=…&period=…&code=…), so a link
// or a bookmark opens the same view and the browser's Back button undoes a choice.

export interface Selection {
  unit?: string;
  period?: string;
  code?: string;
}

const KEYS = ['unit', 'period', 'code'] as const;
const CHANGE_EVENT = 'chitieu:urlchange';

function readSelection(search: string): Selection {
  const params = new URLSearchParams(search);
  const out: Selection = {};
  for (const key of KEYS) {
    const value = params.get(key)?.trim();
    if (value) out[key] = value;
  }
  return out;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

const currentSearch = () => window.location.search;

/** The selection in the address bar, kept in step with Back and Forward. */
export function useSelection(): Selection {
  const search = useSyncExternalStore(subscribe, currentSearch, () => '');
  return useMemo(() => readSelection(search), [search]);
}

/**
 * Writes a new selection to the address bar. A choice (`push`) gets its own history entry so
 * Back returns to the previous view; a passing change (`replace`) does not.
 */
export function setSelection(next: Selection, mode: 'push' | 'replace' = 'push'): void {
  const params = new URLSearchParams(window.location.search);
  for (const key of KEYS) {
    const value = next[key];
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const search = params.toString();
  const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
  const current = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  if (url === current) return;
  if (mode === 'push' && !confirmLeave()) return;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** Every parameter of the address, for screens that keep more than unit, period and code. */
export function useSearchParams(): Readonly<Record<string, string>> {
  const search = useSyncExternalStore(subscribe, currentSearch, () => '');
  return useMemo(() => Object.fromEntries(new URLSearchParams(search)), [search]);
}

/**
 * Changes some parameters of the address and keeps the others; `undefined` or '' removes
 * one. Like setSelection, a choice gets its own entry in the browser's history.
 */
export function patchSearchParams(
  patch: Record<string, string | undefined>,
  mode: 'push' | 'replace' = 'push',
) {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(patch)) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const search = params.toString();
  const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
  const current = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  if (url === current) return;
  if (mode === 'push' && !confirmLeave()) return;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}
