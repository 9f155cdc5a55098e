/**
 * A document's highlights as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): one
 * AnnotationCollection whose single page holds an Annotation per highlight in reading order, with the stored
 * selectors as they are, so other annotation tools (and Lectern itself) can place them again.
 */
import type { AnnotationSelector } from '../anchoring/selectors';
import { readingOrder, type ExportedAnnotation } from './annotations-markdown';

/** The JSON-LD context every Web Annotation names. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** A note or a colour tag. */
export interface TextualBody {
  type: 'TextualBody';
  value: string;
  format?: 'text/plain';
  purpose: 'commenting' | 'tagging';
}

/** The W3C selectors Lectern writes: its own two, and a PDF page as a fragment (RFC 3778). */
export type WebSelector =
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
  | { type: 'TextPositionSelector'; start: number; end: number }
  | { type: 'FragmentSelector'; conformsTo: 'http://tools.ietf.org/rfc/rfc3778'; value: string };

/** One highlight as a Web Annotation. */
export interface WebAnnotation {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  /** "commenting" when the highlight has a note, else "highlighting". */
  motivation: 'highlighting' | 'commenting';
  created?: string;
  modified?: string;
  body: TextualBody[];
  target: { source: string; selector: WebSelector[] };
}

/** All of a document's highlights. */
export interface WebAnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** Where the document lives: `base` + document id is the target's source IRI. */
export interface WebAnnotationOptions {
  /** e.g. "lectern://app/doc/" or "https://example.org/library/". */
  base: string;
}

function webSelector(selector: AnnotationSelector): WebSelector {
  switch (selector.type) {
    case 'TextQuoteSelector':
      return {
        type: 'TextQuoteSelector',
        exact: selector.exact,
        ...(selector.prefix !== undefined ? { prefix: selector.prefix } : {}),
        ...(selector.suffix !== undefined ? { suffix: selector.suffix } : {}),
      };
    case 'TextPositionSelector':
      return { type: 'TextPositionSelector', start: selector.start, end: selector.end };
    case 'PageSelector':
      return { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: `page=${selector.page}` };
  }
}

const isoTime = (ms: number | undefined): string | undefined => (ms === undefined || !Number.isFinite(ms) ? undefined : new Date(ms).toISOString());

function webAnnotation(source: string, annotation: ExportedAnnotation): WebAnnotation {
  const note = annotation.noteText.trim();
  const body: TextualBody[] = [];
  if (note) body.push({ type: 'TextualBody', value: note, format: 'text/plain', purpose: 'commenting' });
  body.push({ type: 'TextualBody', value: annotation.color, purpose: 'tagging' });
  const created = isoTime(annotation.createdAt);
  const modified = isoTime(annotation.updatedAt);
  return {
    '@context': ANNO_CONTEXT,
    id: `${source}/annotations/${encodeURIComponent(annotation.id)}`,
    type: 'Annotation',
    motivation: note ? 'commenting' : 'highlighting',
    ...(created ? { created } : {}),
    ...(modified ? { modified } : {}),
    body,
    target: { source, selector: annotation.selectors.map(webSelector) },
  };
}

/** The highlights of `document` as one W3C AnnotationCollection; JSON.stringify it to save. */
export function annotationsToWebAnnotations(
  document: { id: string; title: string },
  annotations: readonly ExportedAnnotation[],
  options: WebAnnotationOptions,
): WebAnnotationCollection {
  const source = options.base + encodeURIComponent(document.id);
  const items = [...annotations].sort(readingOrder).map((a) => webAnnotation(source, a));
  return {
    '@context': ANNO_CONTEXT,
    id: `${source}/annotations`,
    type: 'AnnotationCollection',
    label: document.title,
    total: items.length,
    first: { id: `${source}/annotations?page=0`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
