import { useRef } from 'react';
import { Modal } from './Modal';

/** Every shortcut Lectern has, as the help overlay lists them. */
export const SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: 'Ctrl+O', action: 'Import files' },
  { keys: 'Ctrl+E', action: 'Export citations, bibliographies or highlights' },
  { keys: 'Ctrl+K or /', action: 'Search the whole library' },
  { keys: '↑ ↓ Enter', action: 'Choose a search result and open it at the hit' },
  { keys: 'Ctrl+F', action: 'Find in the active document' },
  { keys: 'Enter / Shift+Enter', action: 'Next / previous match (in find)' },
  { keys: '1 – 5, H', action: 'Highlight the selected text (H: yellow)' },
  { keys: 'Ctrl+Enter (in find)', action: 'Highlight the current match: highlighting without a mouse' },
  { keys: 'Ctrl+Shift+N', action: 'Quote the selected highlight in a notebook' },
  { keys: 'Delete', action: 'Delete the selected highlight' },
  { keys: 'Ctrl+Z', action: 'Undo the last deletion' },
  { keys: 'Ctrl+Shift+C', action: 'Copy the selected highlight as a quote with its citation' },
  { keys: 'Tab, Enter', action: 'Move to a citation, open its entry' },
  { keys: 'Shift+click / Shift+Enter on a citation', action: 'Open its entry side by side' },
  { keys: 'Shift+Enter on a library row', action: 'Open the document in a new pane' },
  { keys: 'Ctrl+B / Ctrl+I', action: 'Bold / italic in notes' },
  { keys: 'Ctrl+Shift+D', action: 'Switch light and dark' },
  { keys: 'Esc', action: 'Close a popup; back to the library' },
  { keys: '?', action: 'Show this list' },
];

/** The list of keyboard shortcuts, opened with "?". */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  return (
    <Modal className="overlay-card shortcut-help" label="Keyboard shortcuts" initialFocus={closeButton} onClose={onClose}>
      <h2>Keyboard shortcuts</h2>
      <dl className="shortcut-list">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.keys} className="shortcut-row">
            <dt>
              <kbd>{shortcut.keys}</kbd>
            </dt>
            <dd>{shortcut.action}</dd>
          </div>
        ))}
      </dl>
      <button ref={closeButton} type="button" className="button" onClick={onClose}>
        Close
      </button>
    </Modal>
  );
}
