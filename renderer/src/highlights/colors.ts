import { plainKey, whichShortcut, type KeyLike } from '../shell/keymap';

/** The five highlight colours, in toolbar order; keys 1–5 pick them. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** One of the highlight colours. */
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** Names a colour for buttons and screen readers. */
export const COLOR_LABELS: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/** True for a colour Lectern draws. */
export function isHighlightColor(value: string): value is HighlightColor {
  return (HIGHLIGHT_COLORS as readonly string[]).includes(value);
}

const COLOR_SHORTCUTS = ['color-yellow', 'color-green', 'color-blue', 'color-pink', 'color-purple'] as const satisfies readonly `color-${HighlightColor}`[];

/** The colour a key picks while a selection waits (the keymap's colour keys: 1–5 in toolbar order, H for yellow). */
export function colorForKey(key: string | KeyLike): HighlightColor | undefined {
  const id = whichShortcut(COLOR_SHORTCUTS, typeof key === 'string' ? plainKey(key) : key);
  return id ? (id.slice('color-'.length) as HighlightColor) : undefined;
}

/** What a screen reader hears about a highlight besides its text: "Yellow highlight, with a note". */
export function highlightDescription(color: string, note: string): string {
  const label = isHighlightColor(color) ? COLOR_LABELS[color] : 'Coloured';
  return `${label} highlight${note.trim() ? `, with a note: ${note.trim().slice(0, 200)}` : ''}`;
}
