/**
 * Escaping for text written into Markdown exports (notes, highlights, bibliographies), so what a
 * student typed reads as text in Obsidian and other Markdown notebooks, not as syntax.
 */

/**
 * Characters Markdown would read as syntax; "#" only where Obsidian would make a tag of it, "&"
 * only where it starts a character reference ("&amp;" typed as text stays "&amp;").
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/#(?=[^\s#])/g, '\\#')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}
