/**
 * Every keyboard shortcut of Lectern, in one list: each key handler asks this keymap whether an
 * event is its shortcut, and the "?" help is drawn from it, so the help cannot drift from the keys.
 *
 * A combination is written "Mod+Shift+Alt+key": Mod is Ctrl (or ⌘ on a Mac), the key is the
 * KeyboardEvent key ("Enter", "ArrowDown", "Space", a letter, a digit or a sign). A letter or a
 * named key wants Shift exactly as written; a sign or a digit ignores Shift, because the sign
 * already says it (Shift+/ is "?", and "+" needs Shift on some keyboards and not on others).
 */

/** Where a shortcut works; two shortcuts of one place never share a key. */
export type KeyScope = 'anywhere' | 'selection' | 'highlight' | 'find' | 'citation' | 'search' | 'library' | 'list' | 'pdf' | 'epub' | 'notes' | 'dialog' | 'menu';

/** One shortcut: what it does, its keys and where they work. */
export interface KeyBinding {
  /** Stable name the handlers match by. */
  readonly id: string;
  /** The combinations that trigger it (any one of them). */
  readonly keys: readonly string[];
  /** What it does, as the help says it. */
  readonly label: string;
  readonly scope: KeyScope;
}

/** The help's heading for each place, in the order the help shows them. */
export const SCOPE_TITLES: Readonly<Record<KeyScope, string>> = {
  anywhere: 'Anywhere',
  selection: 'With text selected in a document',
  highlight: 'With a highlight selected',
  find: 'In the find bar',
  citation: 'On a citation in the text',
  search: 'In the library search',
  library: 'On a library row',
  list: 'In the library list and the highlights sidebar',
  pdf: 'In a PDF',
  epub: 'In an EPUB',
  notes: 'In notes and notebooks',
  dialog: 'In a dialog',
  menu: 'In a menu',
};

export const KEYMAP = [
  { id: 'import', keys: ['Mod+O'], label: 'Import files', scope: 'anywhere' },
  { id: 'export', keys: ['Mod+E'], label: 'Export citations, bibliographies or highlights', scope: 'anywhere' },
  { id: 'search', keys: ['Mod+K', '/'], label: 'Search the whole library', scope: 'anywhere' },
  { id: 'find', keys: ['Mod+F'], label: 'Find in the active document', scope: 'anywhere' },
  { id: 'undo', keys: ['Mod+Z'], label: 'Undo the last deletion (outside a text field)', scope: 'anywhere' },
  { id: 'toggle-theme', keys: ['Mod+Shift+D'], label: 'Switch light and dark', scope: 'anywhere' },
  { id: 'sync-settings', keys: ['Mod+,'], label: 'Sync settings (sync is off until set up)', scope: 'anywhere' },
  { id: 'to-library', keys: ['Escape'], label: 'Back to the library', scope: 'anywhere' },
  { id: 'help', keys: ['?'], label: 'Show this list', scope: 'anywhere' },

  { id: 'color-yellow', keys: ['1', 'H', 'Shift+H'], label: 'Highlight the selection yellow', scope: 'selection' },
  { id: 'color-green', keys: ['2'], label: 'Highlight the selection green', scope: 'selection' },
  { id: 'color-blue', keys: ['3'], label: 'Highlight the selection blue', scope: 'selection' },
  { id: 'color-pink', keys: ['4'], label: 'Highlight the selection pink', scope: 'selection' },
  { id: 'color-purple', keys: ['5'], label: 'Highlight the selection purple', scope: 'selection' },

  { id: 'highlight-to-notebook', keys: ['Mod+Shift+N'], label: 'Quote the selected highlight in a notebook', scope: 'highlight' },
  { id: 'highlight-copy', keys: ['Mod+Shift+C'], label: 'Copy the selected highlight as a quote with its citation', scope: 'highlight' },
  { id: 'highlight-cite', keys: ['Mod+Shift+L'], label: 'Copy the selected highlight as a citation, as last chosen (pandoc, LaTeX or a style)', scope: 'highlight' },
  { id: 'highlight-delete', keys: ['Delete', 'Backspace'], label: 'Delete the selected highlight', scope: 'highlight' },

  { id: 'find-next', keys: ['Enter'], label: 'Next match', scope: 'find' },
  { id: 'find-previous', keys: ['Shift+Enter'], label: 'Previous match', scope: 'find' },
  { id: 'find-highlight', keys: ['Mod+Enter'], label: 'Highlight the current match: highlighting without a mouse', scope: 'find' },
  { id: 'find-close', keys: ['Escape'], label: 'Close the find bar', scope: 'find' },

  { id: 'citation-open', keys: ['Enter', 'Space'], label: 'Open the cited entry (Tab moves from citation to citation)', scope: 'citation' },
  { id: 'citation-open-beside', keys: ['Shift+Enter', 'Shift+Space'], label: 'Open the cited entry side by side (or Shift+click)', scope: 'citation' },
  { id: 'citation-close', keys: ['Escape'], label: 'Close the citation card', scope: 'citation' },

  { id: 'search-next', keys: ['ArrowDown'], label: 'Next result', scope: 'search' },
  { id: 'search-previous', keys: ['ArrowUp'], label: 'Previous result', scope: 'search' },
  { id: 'search-open', keys: ['Enter'], label: 'Open the chosen result at the hit', scope: 'search' },
  { id: 'search-close', keys: ['Escape'], label: 'Close the results; again, clear the search', scope: 'search' },

  { id: 'library-open', keys: ['Enter'], label: 'Open the document', scope: 'library' },
  { id: 'library-open-beside', keys: ['Shift+Enter'], label: 'Open the document in a new pane', scope: 'library' },
  { id: 'library-trash', keys: ['Delete'], label: 'Move the document to the Trash', scope: 'library' },

  { id: 'list-next', keys: ['ArrowDown'], label: 'Next row', scope: 'list' },
  { id: 'list-previous', keys: ['ArrowUp'], label: 'Previous row', scope: 'list' },
  { id: 'list-first', keys: ['Home'], label: 'First row', scope: 'list' },
  { id: 'list-last', keys: ['End'], label: 'Last row', scope: 'list' },
  { id: 'list-page-down', keys: ['PageDown'], label: 'Ten rows down (library)', scope: 'list' },
  { id: 'list-page-up', keys: ['PageUp'], label: 'Ten rows up (library)', scope: 'list' },

  { id: 'pdf-zoom-in', keys: ['Mod+=', 'Mod++'], label: 'Zoom in', scope: 'pdf' },
  { id: 'pdf-zoom-out', keys: ['Mod+-'], label: 'Zoom out', scope: 'pdf' },
  { id: 'pdf-fit', keys: ['Mod+0'], label: 'Fit the page width', scope: 'pdf' },
  { id: 'pdf-go-to-page', keys: ['Enter'], label: 'Go to the page typed in the page field', scope: 'pdf' },
  { id: 'pdf-page-cancel', keys: ['Escape'], label: 'Leave the page field unchanged', scope: 'pdf' },

  { id: 'epub-next-page', keys: ['ArrowRight', 'PageDown'], label: 'Next page', scope: 'epub' },
  { id: 'epub-previous-page', keys: ['ArrowLeft', 'PageUp'], label: 'Previous page', scope: 'epub' },

  { id: 'notes-bold', keys: ['Mod+B'], label: 'Bold', scope: 'notes' },
  { id: 'notes-italic', keys: ['Mod+I'], label: 'Italic', scope: 'notes' },
  { id: 'notebook-title-done', keys: ['Enter'], label: 'Keep the notebook title being typed', scope: 'notes' },

  { id: 'dialog-close', keys: ['Escape'], label: 'Close the dialog without its action', scope: 'dialog' },

  { id: 'menu-next', keys: ['ArrowDown'], label: 'Next item', scope: 'menu' },
  { id: 'menu-previous', keys: ['ArrowUp'], label: 'Previous item', scope: 'menu' },
  { id: 'menu-first', keys: ['Home'], label: 'First item', scope: 'menu' },
  { id: 'menu-last', keys: ['End'], label: 'Last item', scope: 'menu' },
  { id: 'menu-close', keys: ['Escape'], label: 'Close the menu', scope: 'menu' },
] as const satisfies readonly KeyBinding[];

/** The name of a shortcut in the keymap. */
export type ShortcutId = (typeof KEYMAP)[number]['id'];

/** The parts of a key event a shortcut is matched on. */
export type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

interface Combination {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

const NAMED = { Space: ' ' } as const;

/** Splits "Mod+Shift+K" into its modifiers and key; "Mod++" is Mod and "+". */
export function parseCombination(text: string): Combination {
  const combination = { key: text, mod: false, shift: false, alt: false };
  for (;;) {
    const modifier = /^(Mod|Shift|Alt)\+(?=.)/.exec(combination.key);
    if (!modifier) break;
    combination[modifier[1]!.toLowerCase() as 'mod' | 'shift' | 'alt'] = true;
    combination.key = combination.key.slice(modifier[0].length);
  }
  combination.key = NAMED[combination.key as keyof typeof NAMED] ?? combination.key;
  return combination;
}

const byId = new Map<string, readonly Combination[]>(KEYMAP.map((binding) => [binding.id, binding.keys.map(parseCombination)]));

function matchesCombination(combination: Combination, event: KeyLike): boolean {
  if ((event.ctrlKey || event.metaKey) !== combination.mod || event.altKey !== combination.alt) return false;
  const letter = /^[a-z]$/i.test(combination.key);
  if (letter) return event.key.toLowerCase() === combination.key.toLowerCase() && event.shiftKey === combination.shift;
  // A sign or a digit ignores Shift; a named key (Enter, ArrowDown, Space) wants it as written.
  const sign = combination.key.length === 1 && combination.key !== ' ';
  return event.key === combination.key && (sign || event.shiftKey === combination.shift);
}

/** True when the event is one of the shortcut's combinations. */
export function isShortcut(id: ShortcutId, event: KeyLike): boolean {
  return byId.get(id)!.some((combination) => matchesCombination(combination, event));
}

/** The first of the given shortcuts the event is, or null. */
export function whichShortcut<const Id extends ShortcutId>(ids: readonly Id[], event: KeyLike): Id | null {
  return ids.find((id) => isShortcut(id, event)) ?? null;
}

const KEY_NAMES: Record<string, string> = {
  Escape: 'Esc',
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  PageDown: 'Page Down',
  PageUp: 'Page Up',
  ' ': 'Space',
};

/** How the help writes one combination: "Ctrl+Shift+C", "Shift+Enter", "↓". */
export function describeCombination(text: string): string {
  const { key, mod, shift, alt } = parseCombination(text);
  const name = KEY_NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  return [mod ? 'Ctrl' : '', alt ? 'Alt' : '', shift ? 'Shift' : '', name].filter(Boolean).join('+');
}

/** The help's line of keys for a shortcut, e.g. "Ctrl+K or /". Shift+H, the same key as H, is left out. */
export function describeKeys(binding: KeyBinding): string {
  const shown = [...new Set(binding.keys.map(describeCombination).map((text) => (/^Shift\+[A-Z]$/.test(text) ? text.slice(6) : text)))];
  return shown.join(' or ');
}

/** A key pressed alone, for code that knows only the key's name. */
export function plainKey(key: string): KeyLike {
  return { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
}
