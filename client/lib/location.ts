import { type MouseEvent, useSyncExternalStore } from 'react';
import { confirmLeave } from './leave-guard';

// Which page is open lives in the path (/ and /nguoi-dung); the dashboard's choices stay in
// the query string (url-state.ts). The server answers index.html for every non-/api path, so
// a reload or a bookmark opens the same page.

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

const currentPath = () => window.location.pathname;

/** The path in the address bar, kept in step with Back and Forward. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/');
}

/**
 * Opens another page of the app without reloading it. A popstate event tells every reader of
 * the address (this hook and the dashboard's selection) that it changed.
 */
export function navigate(to: string): void {
  const current = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  if (to === current) return;
  if (!confirmLeave()) return;
  window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/**
 * A click on an in-app link: handled here unless the user asked for a new tab or window
 * (Ctrl, Cmd, Shift, middle button), which the browser does itself.
 */
export function followLink(event: MouseEvent<HTMLAnchorElement>, to: string): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(to);
}
