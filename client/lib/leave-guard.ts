import { useEffect } from 'react';

// A screen with unsaved typing asks before the person leaves it: closing or reloading the tab
// (the browser's own prompt), following a link of the app, changing what the screen shows, or
// pressing Back. One guard at a time: the screen on display.

const QUESTION = 'Bạn có thay đổi chưa lưu. Rời khỏi đây và bỏ các thay đổi đó?';

/** The address of the guarded screen while it holds unsaved changes; null otherwise. */
let guardedAt: string | null = null;

const here = () => `${window.location.pathname}${window.location.search}${window.location.hash}`;

/** Whether the person agrees to leave: true at once when nothing is unsaved. */
export function confirmLeave(): boolean {
  if (guardedAt === null) return true;
  if (!window.confirm(QUESTION)) return false;
  guardedAt = null;
  return true;
}

function onBeforeUnload(event: BeforeUnloadEvent) {
  if (guardedAt === null) return;
  event.preventDefault();
  // Older browsers show the prompt only when a value is set.
  event.returnValue = '';
}

// Back and Forward cannot be stopped before they happen. This listener is added when the
// module loads, before any reader of the address subscribes, so it runs first: when the
// person refuses to leave, the others never hear of the change and the address is put back.
if (typeof window !== 'undefined') {
  window.addEventListener('popstate', (event) => {
    if (guardedAt === null) return;
    const back = guardedAt;
    if (confirmLeave()) return;
    event.stopImmediatePropagation();
    window.history.pushState(null, '', back);
  });
  window.addEventListener('beforeunload', onBeforeUnload);
}

/** Marks the screen as holding unsaved changes while `when` is true. */
export function useLeaveGuard(when: boolean): void {
  useEffect(() => {
    if (!when) return;
    guardedAt = here();
    return () => {
      guardedAt = null;
    };
  }, [when]);
}
