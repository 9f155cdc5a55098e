import { useCallback, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent, type MouseEvent, type ReactNode, type RefObject } from 'react';
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
   * it, focus stays where an autoFocus put it, or goes to the first element Tab reaches.
   */
  initialFocus?: RefObject<HTMLElement | null> | string;
  /** Given, the dialog is a form and this handles its submit (Enter in a field). */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}

const CANDIDATES = [
  'a[href]',
  'area[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'iframe',
  'audio[controls]',
  'video[controls]',
  'details > summary',
  '[contenteditable]:not([contenteditable="false"])',
  '[tabindex]',
].join(', ');

function isRadio(element: Element | null): element is HTMLInputElement {
  return element instanceof HTMLInputElement && element.type === 'radio';
}

/** The elements Tab visits inside `root`, in document order (Lectern sets no positive tabindex). */
export function tabbableIn(root: HTMLElement): HTMLElement[] {
  const candidates = [...root.querySelectorAll<HTMLElement>(CANDIDATES)].filter((element) => {
    const tabindex = element.getAttribute('tabindex');
    if (tabindex !== null && Number(tabindex) < 0) return false;
    if ((element as HTMLButtonElement).disabled === true || element.closest('fieldset[disabled], [hidden], [inert]')) return false;
    // Inside a closed <details> only its summary shows.
    const details = element.parentElement?.closest('details:not([open])');
    return !details || (element.tagName === 'SUMMARY' && element.parentElement === details);
  });
  // Tab enters a group of radio buttons once: at the checked one, or the first when none is.
  return candidates.filter((element) => {
    if (!isRadio(element) || !element.name) return true;
    const group = candidates.filter((other) => isRadio(other) && other.name === element.name) as HTMLInputElement[];
    const checked = group.find((radio) => radio.checked);
    return checked ? checked === element : group[0] === element;
  });
}

/** Where `active` sits among `items`; a radio button counts as the tabbable one of its group. */
function positionOf(items: HTMLElement[], active: Element | null): number {
  const at = items.indexOf(active as HTMLElement);
  if (at >= 0 || !isRadio(active) || !active.name) return at;
  return items.findIndex((item) => isRadio(item) && item.name === active.name);
}

function focusInto(root: HTMLElement, initial: ModalProps['initialFocus']) {
  const chosen = typeof initial === 'string' ? root.querySelector<HTMLElement>(initial) : initial?.current;
  if (chosen) chosen.focus();
  else if (!root.contains(document.activeElement)) (tabbableIn(root)[0] ?? root).focus();
}

/**
 * The one modal of the app: a backdrop and a dialog over it. Esc closes it without reaching the
 * app's own shortcuts, and so does a click on the backdrop itself (one that starts on it, so a
 * text selection dragged out of a field does not). Focus moves in when it opens, Tab and Shift+Tab
 * wrap around inside it, and focus goes back where it was when it closes.
 */
export function Modal({ onClose, closeOnBackdrop = true, className, role = 'dialog', label, labelledBy, initialFocus, onSubmit, children }: ModalProps) {
  const dialog = useRef<HTMLElement | null>(null);
  const attach = useCallback((node: HTMLElement | null) => {
    dialog.current = node;
  }, []);
  // Read while rendering, before this commit's autoFocus (or the removal of a menu) moves focus.
  const [returnTo] = useState(() => (typeof document === 'undefined' ? null : document.activeElement));
  const pressedBackdrop = useRef(false);

  useLayoutEffect(() => {
    const root = dialog.current;
    if (root) focusInto(root, initialFocus);
    // Focus that lands outside (a Tab the keys below did not catch) comes back in; another modal keeps it.
    const onFocusIn = (event: FocusEvent) => {
      if (root && event.target instanceof Element && !event.target.closest('[aria-modal="true"]')) (tabbableIn(root)[0] ?? root).focus();
    };
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      // Give focus back unless something outside the dialog took it on purpose.
      const active = document.activeElement;
      const lost = !active || active === document.body || (root?.contains(active) ?? false);
      if (lost && returnTo instanceof HTMLElement && returnTo !== document.body && returnTo.isConnected) returnTo.focus();
    };
    // Only the opening focus: a later initialFocus does not pull focus back.
  }, [returnTo]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    const root = dialog.current;
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey || !root) return;
    const items = tabbableIn(root);
    const active = document.activeElement;
    const at = positionOf(items, active);
    const last = items.length - 1;
    const outside = active === root || !root.contains(active);
    if (last < 0) event.preventDefault();
    else if (event.shiftKey && (at === 0 || outside)) {
      event.preventDefault();
      items[last]?.focus();
    } else if (!event.shiftKey && (at === last || outside)) {
      event.preventDefault();
      items[0]?.focus();
    }
  };

  const onBackdropDown = (event: MouseEvent<HTMLDivElement>) => {
    pressedBackdrop.current = event.target === event.currentTarget;
    // The backdrop takes no focus: Esc and Tab keep working in the dialog.
    if (pressedBackdrop.current) event.preventDefault();
  };
  const onBackdropClick = (event: MouseEvent<HTMLDivElement>) => {
    const fromBackdrop = pressedBackdrop.current;
    pressedBackdrop.current = false;
    if (closeOnBackdrop && fromBackdrop && event.target === event.currentTarget) onClose();
  };

  // tabIndex -1: a click on plain text inside keeps focus in the dialog, so Esc and Tab still work.
  const card = { className, role, 'aria-modal': 'true' as const, 'aria-label': label, 'aria-labelledby': labelledBy, tabIndex: -1, onKeyDown };
  return (
    <div className="overlay" role="presentation" onMouseDown={onBackdropDown} onClick={onBackdropClick}>
      {onSubmit ? (
        <form ref={attach} {...card} onSubmit={onSubmit}>
          {children}
        </form>
      ) : (
        <div ref={attach} {...card}>
          {children}
        </div>
      )}
    </div>
  );
}
