import { COLOR_LABELS, HIGHLIGHT_COLORS, type HighlightColor } from './colors';

/** Where to show the toolbar, relative to the pane. */
export interface ToolbarSpot {
  top: number;
  left: number;
}

/** Appears over a text selection: a colour highlights it (keys 1–5, or H for yellow). */
export function SelectionToolbar({ spot, onHighlight }: { spot: ToolbarSpot; onHighlight: (color: HighlightColor) => void }) {
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Highlight selection" style={{ top: spot.top, left: spot.left }} onMouseDown={(e) => e.preventDefault()}>
      {HIGHLIGHT_COLORS.map((color, index) => (
        <button
          key={color}
          type="button"
          className={`swatch swatch-${color}`}
          title={`Highlight ${COLOR_LABELS[color].toLowerCase()} (${index + 1})`}
          aria-label={`Highlight ${COLOR_LABELS[color].toLowerCase()}`}
          onClick={() => onHighlight(color)}
        />
      ))}
    </div>
  );
}
