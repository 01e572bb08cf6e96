import { useBlocker, useRouter } from '@tanstack/react-router';
import { type MouseEvent, useCallback } from 'react';

// The two things a feature asks of the router (TanStack Router, set up in client/app/routes.tsx):
// following a link of the app without reloading it, and keeping unsaved typing from being lost.

/** The question asked before unsaved changes are left behind. */
export const LEAVE_QUESTION = 'Bạn có thay đổi chưa lưu. Rời khỏi đây và bỏ các thay đổi đó?';

/**
 * A click on an in-app link (`<a href="/?unit=1&period=2025">`), opened by the router unless
 * the person asked for a new tab or window (Ctrl, Cmd, Shift, middle button), which the
 * browser does itself. The window goes back to the top only when the page changes, not when
 * the same page shows another unit or period.
 */
export function useFollowLink(): (event: MouseEvent<HTMLAnchorElement>, href: string) => void {
  const router = useRouter();
  return useCallback(
    (event, href) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      const samePage = new URL(href, window.location.href).pathname === router.state.location.pathname;
      void router.navigate({ href, resetScroll: !samePage });
    },
    [router],
  );
}

const askToLeave = () => !window.confirm(LEAVE_QUESTION);

/**
 * While `when` holds, the screen has unsaved changes: the router asks before leaving it (a
 * link of the app, another unit or period, Back and Forward) and the browser before closing
 * or reloading the tab. One guard at a time: the screen on display.
 */
export function useLeaveGuard(when: boolean): void {
  useBlocker({ shouldBlockFn: askToLeave, enableBeforeUnload: when, disabled: !when });
}
