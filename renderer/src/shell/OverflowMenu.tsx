import { useEffect, useId, useRef, useState } from 'react';
import { menuKey } from './menu-keys';

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
  // Tab leaves a menu as the platform's menus do: it closes, and focus moves on.
  const onMenuKey = (event: React.KeyboardEvent) => {
    if (menuKey(event, wrapper.current) === 'close') close();
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
