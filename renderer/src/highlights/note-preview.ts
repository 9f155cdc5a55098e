/**
 * A note's text as its collapsed card shows it: one line per paragraph or list item (the editor's
 * plain text separates blocks with blank lines and list items with line breaks), so a list stays
 * a list instead of running together, cut after `max` characters.
 */
export function notePreview(text: string, max = 140): string {
  const lines = text
    .split(/\n+/u)
    .map((line) => line.replace(/[ \t]+/gu, ' ').trim())
    .filter(Boolean);
  const joined = lines.join('\n');
  return joined.length > max ? `${joined.slice(0, max).trimEnd()}…` : joined;
}
