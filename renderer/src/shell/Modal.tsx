import { useLayoutEffect, useRef, useState, useSyncExternalStore, type FormEvent, type KeyboardEvent, type MouseEvent, type ReactNode, type RefObject, type SyntheticEvent } from 'react';
import { isShortcut } from './keymap';
import './dialogs.css';

/** Props of a modal dialog. */
export interface ModalProps {
  /** Esc, and a click on the backdrop (unless `closeOnBackdrop` is false). */
  onClose: () => void;
  /** False keeps the dialog open on a click on the backdrop (a restore running); Esc still calls onClose. */
  closeOnBackdrop?: boolean;
  /** The dialog element's class, e.g. "overlay-card dialog-card". */
  className: string;
  /** "alertdialog" for a question that interrupts (a confirmation). */
  role?: 'dialog' | 'alertdialog';
  /** The accessible name, when no visible title names the dialog. */
  label?: string;
  /** The id of the visible title that names the dialog. */
  labelledBy?: string;
  /**
   * What takes focus when the dialog opens: an element, or a selector inside the dialog. Without
   * it, the platform focuses the first element Tab reaches in the dialog.
   */
  initialFocus?: RefObject<HTMLElement | null> | string;
  /** Given, the dialog holds a form and this handles its submit (Enter in a field). */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}

// The open modals, the topmost last: what is shown while one is open (notices) goes into it, since
// everything outside the topmost modal dialog is inert.
let openDialogs: readonly HTMLDialogElement[] = [];
const listeners = new Set<() => void>();
function setOpenDialogs(next: readonly HTMLDialogElement[]) {
  openDialogs = next;
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The topmost open modal dialog, or null: the one element a student can reach while it is open. */
export function useTopDialog(): HTMLDialogElement | null {
  return useSyncExternalStore(
    subscribe,
    () => openDialogs.at(-1) ?? null,
    () => null,
  );
}

/** True when the point is outside the dialog's box: a press on its ::backdrop targets the dialog itself. */
function onBackdrop(event: MouseEvent<HTMLDialogElement>): boolean {
  if (event.target !== event.currentTarget) return false;
  const box = event.currentTarget.getBoundingClientRect();
  return event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom;
}

/**
 * The one modal of the app: the platform's <dialog>, opened with showModal(). The platform keeps
 * focus inside it, makes the rest of the page inert, draws its ::backdrop over the page and gives
 * focus back when it closes. Esc closes it without reaching the app's own shortcuts, and so does a
 * click on the backdrop (one that starts on it, so a text selection dragged out of a field does not).
 */
export function Modal({ onClose, closeOnBackdrop = true, className, role = 'dialog', label, labelledBy, initialFocus, onSubmit, children }: ModalProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Read while rendering, before this commit's removal of a menu (or the like) moves focus.
  const [returnTo] = useState(() => (typeof document === 'undefined' ? null : document.activeElement));
  const pressedBackdrop = useRef(false);
  const latestClose = useRef(onClose);
  latestClose.current = onClose;
  const firstFocus = useRef(initialFocus);

  useLayoutEffect(() => {
    const node = dialog.current!;
    let closing = false;
    // A close the platform makes itself (a close request it will not let the page refuse) is an
    // Esc; the dialog reopens when its owner keeps it. The close event comes a task later: one
    // from an earlier close of this effect's own (Suspense hid and showed the dialog) finds it open.
    const onNativeClose = () => {
      if (closing || node.open) return;
      latestClose.current();
      requestAnimationFrame(() => {
        if (!closing && node.isConnected && !node.open) node.showModal();
      });
    };
    node.addEventListener('close', onNativeClose);
    if (!node.open) node.showModal();
    setOpenDialogs([...openDialogs.filter((open) => open !== node), node]);
    const initial = firstFocus.current;
    const chosen = typeof initial === 'string' ? node.querySelector<HTMLElement>(initial) : initial?.current;
    chosen?.focus();
    return () => {
      closing = true;
      node.removeEventListener('close', onNativeClose);
      setOpenDialogs(openDialogs.filter((open) => open !== node));
      if (node.open) node.close();
      // The platform gives focus back to what had it at showModal(); when that was gone (a menu
      // that closed as the dialog opened), to what had it when the dialog was asked for.
      const active = document.activeElement;
      const lost = !active || active === document.body || node.contains(active);
      if (lost && returnTo instanceof HTMLElement && returnTo !== document.body && returnTo.isConnected) returnTo.focus();
    };
  }, [returnTo]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (!isShortcut('dialog-close', event)) return;
    // Handled here rather than by the platform's cancel, so the page keeps the dialog until its owner closes it.
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    onClose();
  };
  const onMouseDown = (event: MouseEvent<HTMLDialogElement>) => {
    pressedBackdrop.current = onBackdrop(event);
  };
  const onClick = (event: MouseEvent<HTMLDialogElement>) => {
    const fromBackdrop = pressedBackdrop.current;
    pressedBackdrop.current = false;
    if (closeOnBackdrop && fromBackdrop && onBackdrop(event)) onClose();
  };

  return (
    <dialog
      ref={dialog}
      className={className}
      role={role}
      aria-label={label}
      aria-labelledby={labelledBy}
      onKeyDown={onKeyDown}
      onCancel={onCancel}
      onMouseDown={onMouseDown}
      onClick={onClick}
    >
      {onSubmit ? (
        <form className="modal-form" onSubmit={onSubmit}>
          {children}
        </form>
      ) : (
        children
      )}
    </dialog>
  );
}
