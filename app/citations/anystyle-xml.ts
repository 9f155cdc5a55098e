/**
 * Reader for AnyStyle's labelled-reference XML (`<dataset><sequence><author>…</author>…`), the
 * format of Lectern's training data. Pure string scanning so it runs anywhere app/ does.
 */

/** One labelled segment of a reference string. */
export interface LabelledSegment {
  /** The XML tag, as written in the file (e.g. "author", "journal"). */
  tag: string;
  /** The segment text, whitespace collapsed to single spaces. */
  text: string;
}

/** One reference: its segments in order. Joining them with spaces gives the reference string. */
export interface LabelledReference {
  segments: LabelledSegment[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Collapses runs of whitespace and trims, as the shared scorer does. */
export function collapseSpace(text: string): string {
  return text.split(/\s+/).filter(Boolean).join(' ');
}

/** Parses a whole dataset file. Segments that are empty after collapsing are dropped. */
export function readAnystyleXml(xml: string): LabelledReference[] {
  const references: LabelledReference[] = [];
  const sequencePattern = /<sequence\b[^>]*>([\s\S]*?)<\/sequence>/g;
  const segmentPattern = /<([a-zA-Z][\w-]*)\b[^>]*>([\s\S]*?)<\/\1>/g;
  for (const sequence of xml.matchAll(sequencePattern)) {
    const segments: LabelledSegment[] = [];
    for (const segment of (sequence[1] ?? '').matchAll(segmentPattern)) {
      const inner = (segment[2] ?? '').replace(/<[^>]*>/g, '');
      const text = collapseSpace(decodeEntities(inner));
      if (text) segments.push({ tag: segment[1] ?? '', text });
    }
    if (segments.length > 0) references.push({ segments });
  }
  return references;
}

/** Writes references back in the same format (used to hand held-out folds to the scorer). */
export function writeAnystyleXml(references: LabelledReference[]): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = references
    .map((ref) => ['  <sequence>', ...ref.segments.map((s) => `    <${s.tag}>${escape(s.text)}</${s.tag}>`), '  </sequence>'].join('\n'))
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<dataset>\n${body}\n</dataset>\n`;
}

/** The reference string a labelled reference stands for. */
export function referenceText(reference: LabelledReference): string {
  return reference.segments.map((s) => s.text).join(' ');
}
