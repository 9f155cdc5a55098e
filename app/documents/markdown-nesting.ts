/**
 * Markdown's parser (marked) walks nested lists and block quotes by recursion, so a file of a few
 * kilobytes that nests ten thousand levels ("- - - - … item", ">>>> … text") overflows the
 * stack. Lines are measured before parsing: the containers a line opens (">" and list markers)
 * and its indentation (two columns a level) give its depth, and whatever lies deeper than the
 * limit is cut from the line's prefix, so the line's words are read at the deepest level kept.
 */

/** Real documents nest lists and quotes a handful of levels; this is far beyond any of them. */
export const MAX_MARKDOWN_DEPTH = 64;

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;

/** The source with every line's nesting cut at `maxDepth`, and whether any line was cut. */
export function limitMarkdownNesting(source: string, maxDepth = MAX_MARKDOWN_DEPTH): { source: string; flattened: boolean } {
  let flattened = false;
  const lines = source.split('\n').map((line) => {
    const cut = cutAt(line, maxDepth);
    if (cut === undefined) return line;
    flattened = true;
    const kept = line.slice(0, cut);
    const rest = line.slice(prefixEnd(line, cut));
    return kept + (kept === '' || /[\s>]$/.test(kept) ? '' : ' ') + rest;
  });
  return flattened ? { source: lines.join('\n'), flattened } : { source, flattened };
}

/** Where in `line` the container that passes `maxDepth` levels begins, or undefined when none does. */
function cutAt(line: string, maxDepth: number): number | undefined {
  let depth = 0;
  let columns = 0;
  let i = 0;
  while (i < line.length) {
    const start = i;
    const char = line[i];
    if (char === ' ' || char === '\t') {
      columns += char === '\t' ? 4 : 1;
      i += 1;
      if (columns >= 2) {
        depth += Math.floor(columns / 2);
        columns %= 2;
      }
    } else {
      const marker = char === '>' ? '>' : LIST_MARKER.exec(line.slice(i, i + 11))?.[0];
      if (marker === undefined) return undefined;
      depth += 1;
      // The space after a marker belongs to the marker; only indentation beyond it nests.
      i += marker.length + (line[i + marker.length] === ' ' ? 1 : 0);
      columns = 0;
    }
    if (depth > maxDepth) return start;
  }
  return undefined;
}

/** The end of the container prefix that starts at or before `from`. */
function prefixEnd(line: string, from: number): number {
  let i = from;
  while (i < line.length) {
    const char = line[i];
    if (char === ' ' || char === '\t' || char === '>') {
      i += 1;
      continue;
    }
    const marker = LIST_MARKER.exec(line.slice(i, i + 11));
    if (!marker) break;
    i += marker[0].length;
  }
  return i;
}
