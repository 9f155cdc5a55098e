import { useEffect, useRef } from 'react';
import type { PlatformCommand } from '../../platform';

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
export function commandForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): PlatformCommand | null {
  const mod = event.ctrlKey || event.metaKey;
  if (!mod || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'o' && !event.shiftKey) return 'import';
  if (key === 'e' && !event.shiftKey) return 'export';
  if (key === 'd' && event.shiftKey) return 'toggle-theme';
  return null;
}

/** Installs the keyboard shortcuts of the app shell. */
export function useShortcuts(options: ShortcutOptions): void {
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { platformHandles, onCommand, onEscape, onFind, onUndo, onHelp } = latest.current;
      const editing = inEditable(event.target);
      if (event.key === '?' && !editing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        onHelp();
        return;
      }
      if (event.key === 'Escape' && !event.defaultPrevented && !editing) {
        onEscape();
        return;
      }
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'f' && !event.defaultPrevented) {
        event.preventDefault();
        onFind();
        return;
      }
      if (mod && !event.shiftKey && event.key.toLowerCase() === 'z' && !editing && onUndo()) {
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
