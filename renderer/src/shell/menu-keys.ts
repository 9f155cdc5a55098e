import type { KeyboardEvent } from 'react';
import { whichShortcut } from './keymap';

/**
 * The keys of an open menu, as the platform's menus take them: arrows, Home and End move focus
 * among its items (wrapping round), Escape and Tab close it. Returns 'close' for those two (an
 * Escape goes no further than the menu), 'moved' when focus moved, null for any other key.
 */
export function menuKey(event: KeyboardEvent, menu: HTMLElement | null): 'close' | 'moved' | null {
  const shortcut = whichShortcut(['menu-next', 'menu-previous', 'menu-first', 'menu-last', 'menu-close'], event);
  if (shortcut === 'menu-close') {
    event.stopPropagation();
    return 'close';
  }
  if (event.key === 'Tab') return 'close';
  if (!shortcut) return null;
  const entries = [...(menu?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
  const at = entries.indexOf(document.activeElement as HTMLElement);
  const to = shortcut === 'menu-next' ? at + 1 : shortcut === 'menu-previous' ? at - 1 : shortcut === 'menu-first' ? 0 : entries.length - 1;
  entries[(to + entries.length) % entries.length]?.focus();
  event.preventDefault();
  return 'moved';
}
