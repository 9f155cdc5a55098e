/** Shaping search hits for the results panel: groups by kind, and snippets cut into marked parts. */
import type { SearchHit, Snippet } from '../../../app/search/search-library';

/** A group of hits under one heading. */
export interface HitGroup {
  kind: SearchHit['kind'];
  label: string;
  hits: SearchHit[];
}

const GROUPS: { kind: SearchHit['kind']; label: string }[] = [
  { kind: 'document', label: 'Documents' },
  { kind: 'highlight', label: 'Highlights' },
  { kind: 'notebook', label: 'Notebooks' },
];

/** Hits grouped Documents, Highlights, Notebooks (empty groups left out), each best first. */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  return GROUPS.map((group) => ({ ...group, hits: hits.filter((hit) => hit.kind === group.kind) })).filter((group) => group.hits.length > 0);
}

/** A run of snippet text, marked when it is a matched word. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

/** Cuts a snippet at its highlight ranges; overlapping or out-of-range ranges are tolerated. */
export function snippetParts(snippet: Snippet): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const ranges = [...snippet.highlights].sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [rawStart, rawEnd] of ranges) {
    const start = Math.max(at, Math.min(rawStart, snippet.text.length));
    const end = Math.min(snippet.text.length, rawEnd);
    if (end <= start) continue;
    if (start > at) parts.push({ text: snippet.text.slice(at, start), marked: false });
    parts.push({ text: snippet.text.slice(start, end), marked: true });
    at = end;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), marked: false });
  return parts;
}
