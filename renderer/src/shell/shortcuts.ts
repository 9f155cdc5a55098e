import { useEffect, useRef } from 'react';
import type { PlatformCommand } from '../../platform';
import { isShortcut, whichShortcut, type KeyLike } from './keymap';

/** Options for the app-wide shortcuts. */
export interface ShortcutOptions {
  /** In the desktop app the native menu owns Ctrl+O and friends; the page must not fire them twice. */
  platformHandles: boolean;
  onCommand: (command: PlatformCommand) => void;
  onEscape: () => void;
  /** "?": the list of shortcuts. */
  onHelp: () => void;
  /** Ctrl+F: find in the active pane. */
  onFind: () => void;
  /** Ctrl+Z outside an editor: undo the last undoable action; false when there was none. */
  onUndo: () => boolean;
}

function inEditable(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/** Maps a key event to a command, or null. Exported for tests. */
export function commandForKey(event: KeyLike): PlatformCommand | null {
  return whichShortcut(['import', 'export', 'toggle-theme'], event);
}

/** Installs the keyboard shortcuts of the app shell. */
export function useShortcuts(options: ShortcutOptions): void {
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { platformHandles, onCommand, onEscape, onFind, onUndo, onHelp } = latest.current;
      const editing = inEditable(event.target);
      if (isShortcut('help', event) && !editing) {
        event.preventDefault();
        onHelp();
        return;
      }
      if (isShortcut('to-library', event) && !event.defaultPrevented && !editing) {
        onEscape();
        return;
      }
      if (isShortcut('find', event) && !event.defaultPrevented) {
        event.preventDefault();
        onFind();
        return;
      }
      if (isShortcut('undo', event) && !editing && onUndo()) {
        event.preventDefault();
        return;
      }
      if (platformHandles) return;
      const command = commandForKey(event);
      if (command) {
        event.preventDefault();
        onCommand(command);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
