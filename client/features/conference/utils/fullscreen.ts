import { useSyncExternalStore } from 'react';

// Full screen is a wish, not a condition: a phone's browser, a kiosk or a refused permission
// leaves the presentation as it is, filling the window.

/** Asks the browser for full screen; false when it has none or refuses (no gesture, a policy). */
export async function enterFullscreen(): Promise<boolean> {
  if (document.fullscreenElement) return true;
  const root = document.documentElement;
  if (!document.fullscreenEnabled || typeof root.requestFullscreen !== 'function') return false;
  try {
    await root.requestFullscreen({ navigationUI: 'hide' });
    return true;
  } catch {
    return false;
  }
}

export function exitFullscreen(): void {
  if (document.fullscreenElement && typeof document.exitFullscreen === 'function') {
    document.exitFullscreen().catch(() => {});
  }
}

function subscribe(onChange: () => void) {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}

/** Whether the page is in full screen now; the browser's own Esc leaves it too. */
export function useIsFullscreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => document.fullscreenElement !== null && document.fullscreenElement !== undefined,
    () => false,
  );
}
