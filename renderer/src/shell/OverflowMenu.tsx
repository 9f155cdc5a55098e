import { useEffect, useId, useRef, useState } from 'react';
import { whichShortcut } from './keymap';

/** One command in an overflow menu. */
export interface OverflowItem {
  label: string;
  onSelect: () => void;
  /** A toggle's state, shown as a check and told to screen readers. */
  checked?: boolean;
  disabled?: boolean;
}

/**
 * The "⋯" button of a toolbar too narrow for all its commands, and the menu of the ones it
 * hides: arrows move, Enter runs, Escape closes and gives focus back to the button.
 */
export function OverflowMenu({ items, label = 'More commands' }: { items: readonly OverflowItem[]; label?: string }) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    wrapper.current?.querySelector<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])')?.focus();
    const onDown = (event: MouseEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onMenuKey = (event: React.KeyboardEvent) => {
    const entries = [...(wrapper.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => entries[(to + entries.length) % entries.length]?.focus();
    const shortcut = whichShortcut(['menu-next', 'menu-previous', 'menu-first', 'menu-last', 'menu-close'], event);
    if (shortcut === 'menu-next') move(at + 1);
    else if (shortcut === 'menu-previous') move(at - 1);
    else if (shortcut === 'menu-first') move(0);
    else if (shortcut === 'menu-last') move(entries.length - 1);
    // Tab leaves a menu as the platform's menus do: it closes, and focus moves on.
    else if (shortcut === 'menu-close' || event.key === 'Tab') {
      if (shortcut === 'menu-close') event.stopPropagation();
      close();
      return;
    } else return;
    event.preventDefault();
  };

  return (
    <span className="overflow-menu" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="icon-button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        ⋯
      </button>
      {open ? (
        <div className="overflow-menu-list" role="menu" id={menuId} aria-label={label} onKeyDown={onMenuKey}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
              aria-checked={item.checked}
              aria-disabled={item.disabled || undefined}
              tabIndex={-1}
              onClick={() => {
                if (item.disabled) return;
                close();
                item.onSelect();
              }}
            >
              <span className="overflow-check" aria-hidden="true">
                {item.checked ? '✓' : ''}
              </span>
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </span>
  );
}
