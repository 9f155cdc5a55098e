/**
 * Reader for GROBID's labelled citation corpus (TEI: `<bibl>` elements holding `<author>`,
 * `<title level="a|j|m|s">`, `<biblScope unit="volume|issue|page">`, ...), turned into the same
 * labelled references as AnyStyle's XML so that one training set and one scorer serve both.
 *
 * GROBID leaves punctuation and connectives outside its spans; AnyStyle keeps them inside. Text
 * between two spans is shared out the way AnyStyle's labellers do it: closing punctuation and
 * editor role words ("(Ed.),") stay with the span before, anything else ("in:", "(", "p.") opens
 * the span after. A leading number ("[12]", "3.") becomes a citation-number segment.
 */
import { collapseSpace, decodeEntities, type LabelledReference, type LabelledSegment } from '../anystyle-xml';

/** One reference of the corpus and the file (source paper) it came from. */
export interface SourcedReference extends LabelledReference {
  source: string;
}

function attribute(attributes: string, name: string): string {
  const found = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(attributes);
  return (found?.[1] ?? '').toLowerCase();
}

/** AnyStyle's tag for one GROBID element, or undefined for text that carries no field. */
function tagFor(element: string, attributes: string, hasArticleTitle: boolean): string | undefined {
  switch (element.toLowerCase()) {
    case 'author':
      return 'author';
    case 'editor':
      return 'editor';
    case 'date':
    case 'year':
    case 'month':
      return 'date';
    case 'title': {
      const level = attribute(attributes, 'level') || attribute(attributes, 'type') || attribute(attributes, 'leve');
      if (level === 'a') return 'title';
      if (level === 'j') return 'journal';
      if (level === 's') return 'collection-title';
      return hasArticleTitle ? 'container-title' : 'title';
    }
    case 'biblscope': {
      const unit = attribute(attributes, 'unit') || attribute(attributes, 'type') || attribute(attributes, 'level');
      if (/^(page|pages|pp)$/.test(unit)) return 'pages';
      if (/^(vol|volume|issue|number)$/.test(unit)) return 'volume';
      return 'note';
    }
    case 'publisher':
      return 'publisher';
    case 'pubplace':
      return 'location';
    case 'orgname':
      return attribute(attributes, 'type') === 'collaboration' ? 'author' : 'publisher';
    case 'idno': {
      const type = attribute(attributes, 'type');
      if (type === 'doi') return 'doi';
      if (type === 'isbn') return 'isbn';
      return 'note';
    }
    case 'ptr':
      return 'url';
    case 'note':
      return attribute(attributes, 'type') === 'report' ? 'genre' : 'note';
    case 'page':
      return 'pages';
    default:
      return undefined;
  }
}

const CLOSING = /^[.,;:)\]}'"”’»]+$/;
const ROLE = /^[([]?(eds?|editors?|hrsg|hg|dir|éds?|coord|trans|tr|comps?)\.?[)\]]?[.,;:]*$/i;
const NUMBER = /^(\[\s*\d{1,4}\s*\]|\(\s*\d{1,4}\s*\)|\d{1,4}[.)]?)$/;

/** A stretch of a reference string, labelled or not. */
export interface Piece {
  tag?: string;
  text: string;
}

/**
 * Labelled segments from labelled and unlabelled pieces: unlabelled text is shared out to its
 * neighbours as described above.
 */
export function segmentsOf(pieces: Piece[]): LabelledSegment[] {
  const segments: Array<{ tag: string; text: string }> = [];
  let pending = '';
  pieces.forEach((piece, i) => {
    if (piece.tag) {
      segments.push({ tag: piece.tag, text: pending + piece.text });
      pending = '';
      return;
    }
    const previous = segments[segments.length - 1];
    const nextLabelled = pieces.slice(i + 1).some((p) => p.tag);
    if (!previous) {
      const lead = collapseSpace(piece.text);
      if (NUMBER.test(lead)) segments.push({ tag: 'citation-number', text: lead });
      else pending += piece.text;
      return;
    }
    const words = piece.text.split(/(\s+)/);
    let k = 0;
    let back = '';
    while (k < words.length) {
      const word = words[k] ?? '';
      if (!word.trim()) {
        back += word;
        k++;
        continue;
      }
      // Punctuation written hard against the span before closes it (a German „…“, a French « … »).
      const hard = k === 0 && /^[^\p{L}\p{N}([{«„‚]+$/u.test(word);
      if (!nextLabelled || hard || CLOSING.test(word) || ((previous.tag === 'editor' || previous.tag === 'translator') && ROLE.test(word))) {
        back += word;
        k++;
        continue;
      }
      const closing = /^[.,;:)\]}'"”’»]+/.exec(word)?.[0] ?? '';
      back += closing;
      words[k] = word.slice(closing.length);
      break;
    }
    previous.text += back;
    pending += words.slice(k).join('');
  });
  const last = segments[segments.length - 1];
  if (last && pending) last.text += pending;
  // Neighbouring spans of one field (a volume and its issue) make one segment, as AnyStyle writes them.
  const merged: Array<{ tag: string; text: string }> = [];
  for (const segment of segments) {
    const before = merged[merged.length - 1];
    if (before && before.tag === segment.tag) before.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged.map((s) => ({ tag: s.tag, text: collapseSpace(s.text) })).filter((s) => s.text);
}

/** The labelled references of one `<bibl>`'s inner XML. */
export function readBibl(inner: string): LabelledSegment[] {
  const body = inner.replace(/<lb\s*\/>/g, ' ').replace(/<!--[\s\S]*?-->/g, '');
  const hasArticleTitle = /<title\b[^>]*\blevel\s*=\s*"a"/i.test(body);
  const pieces: Piece[] = [];
  const element = /<([a-zA-Z][\w]*)\b([^>]*?)(\/>|>([\s\S]*?)<\/\1\s*>)/g;
  let at = 0;
  for (const match of body.matchAll(element)) {
    const start = match.index ?? 0;
    if (start > at) pieces.push({ text: body.slice(at, start) });
    const [, name = '', attributes = '', closing = '', content = ''] = match;
    const text = decodeEntities((closing === '/>' ? '' : content).replace(/<[^>]*>/g, ' '));
    const tag = tagFor(name, attributes, hasArticleTitle);
    if (name.toLowerCase() === 'ptr' && !text.trim()) {
      const target = attribute(attributes, 'target');
      if (target) pieces.push({ tag: 'url', text: target });
    } else {
      pieces.push(tag ? { tag, text } : { text });
    }
    at = start + match[0].length;
  }
  if (at < body.length) pieces.push({ text: body.slice(at) });
  return segmentsOf(pieces.map((p) => (p.tag ? p : { text: decodeEntities(p.text.replace(/<[^>]*>/g, ' ')) })));
}

/** Every labelled reference of one TEI file of the corpus, tagged with the file as its source. */
export function readGrobidTei(xml: string, source: string): SourcedReference[] {
  const references: SourcedReference[] = [];
  for (const bibl of xml.matchAll(/<bibl\b[^>]*>([\s\S]*?)<\/bibl\s*>/g)) {
    const segments = readBibl(bibl[1] ?? '');
    if (segments.some((s) => s.tag !== 'citation-number' && s.tag !== 'note')) references.push({ segments, source });
  }
  return references;
}
