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

/** The colour a key picks while a selection waits: 1–5 in toolbar order, H for yellow. */
export function colorForKey(key: string): HighlightColor | undefined {
  return HIGHLIGHT_COLORS[key === 'h' || key === 'H' ? 0 : Number(key) - 1];
}

/** What a screen reader hears about a highlight besides its text: "Yellow highlight, with a note". */
export function highlightDescription(color: string, note: string): string {
  const label = isHighlightColor(color) ? COLOR_LABELS[color] : 'Coloured';
  return `${label} highlight${note.trim() ? `, with a note: ${note.trim().slice(0, 200)}` : ''}`;
}
