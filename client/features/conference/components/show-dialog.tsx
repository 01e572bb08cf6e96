import { type ReactNode, useEffect, useLayoutEffect, useRef } from 'react';
import { exitFullscreen } from '../utils/fullscreen';

// The presentation is a modal <dialog> over the whole window: the browser keeps the page
// behind it out of reach of Tab and of screen readers, and draws it above everything, in
// full screen or not.

/**
 * Esc leaves full screen first, then the presentation. The slides take Esc with their other
 * keys (presentation.tsx); while they are loading, or when a browser forces the dialog shut
 * after Esc twice, the dialog's own cancel and close lead to the same place.
 */
export function ShowDialog({
  label,
  onLeave,
  children,
}: {
  label: string;
  onLeave: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const leave = useRef(onLeave);
  leave.current = onLeave;

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // The slide, once drawn, takes the focus from here (presentation.tsx).
    dialog.focus({ preventScroll: true });
    const onCancel = (event: Event) => {
      event.preventDefault();
      if (document.fullscreenElement) exitFullscreen();
      else leave.current();
    };
    // A close event arrives a moment after the close; if the dialog was opened again since
    // (React ran this effect anew on the same element), it is not a request to leave.
    const onClose = () => {
      if (!dialog.open) leave.current();
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onClose);
    return () => {
      // Closed because the page moved on: not a request to leave.
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onClose);
      if (dialog.open) dialog.close();
    };
  }, []);

  // Leaving the presentation leaves full screen too.
  useEffect(() => () => exitFullscreen(), []);

  return (
    <dialog ref={ref} className="conf-show" aria-label={label} tabIndex={-1}>
      {children}
    </dialog>
  );
}
