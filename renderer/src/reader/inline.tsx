import type { ReactNode } from 'react';
import type { InlineMark } from '../../../app/documents/model';
import { citationClass, citationLabel } from '../citations/citation-mark';
import { highlightDescription } from '../highlights/colors';

/** A highlight drawn over the text. */
export interface HighlightMark {
  type: 'highlight';
  start: number;
  end: number;
  id: string;
  color: string;
  selected?: boolean;
  /** The note's plain text, "" without one; read out with the colour. */
  note?: string;
}

/** A find-in-document match. */
export interface FindMark {
  type: 'find';
  start: number;
  end: number;
  current: boolean;
}

/** An in-text citation or a mention of a cited author. */
export interface CitationMark {
  type: 'citation';
  start: number;
  end: number;
  id: string;
  kind: string;
  unresolved: boolean;
}

/** Everything that can decorate a run of text in the reader. */
export type RenderMark = InlineMark | HighlightMark | FindMark | CitationMark;

function wrap(mark: RenderMark, child: ReactNode, key: string): ReactNode {
  switch (mark.type) {
    case 'emphasis':
      return <em key={key}>{child}</em>;
    case 'strong':
      return <strong key={key}>{child}</strong>;
    case 'code':
      return <code key={key}>{child}</code>;
    case 'link':
      // Links keep their target visible but never navigate the app window.
      return (
        <a key={key} href={mark.href} title={mark.href} data-external-link="">
          {child}
        </a>
      );
    case 'highlight':
      return (
        <mark key={key} className={`hl hl-${mark.color}${mark.selected ? ' hl-selected' : ''}`} data-annotation-id={mark.id} aria-description={highlightDescription(mark.color, mark.note ?? '')} draggable={mark.selected === true}>
          {child}
        </mark>
      );
    case 'citation':
      return (
        <span
          key={key}
          className={citationClass(mark.kind, mark.unresolved)}
          data-citation-id={mark.id}
          tabIndex={0}
          role="button"
          // The name is the citation as printed ("(Bykov 2017)"); what it does is its description.
          aria-description={citationLabel(mark.kind, mark.unresolved)}
        >
          {child}
        </span>
      );
    case 'find':
      return (
        <span key={key} className={mark.current ? 'find-hit find-current' : 'find-hit'} data-find-current={mark.current || undefined}>
          {child}
        </span>
      );
  }
}

/** Inner marks first: formatting sits inside highlights, and find hits sit on top of both. */
const depth: Record<RenderMark['type'], number> = { code: 0, link: 1, emphasis: 2, strong: 3, citation: 4, highlight: 5, find: 6 };

/**
 * Splits [start, end) of the text at every mark boundary and wraps each piece in the marks that
 * cover it, so overlapping or nested marks render without losing text.
 */
export function renderInline(text: string, start: number, end: number, marks: readonly RenderMark[] = []): ReactNode[] {
  const relevant = marks.filter((mark) => mark.end > start && mark.start < end && mark.end > mark.start);
  if (relevant.length === 0) return [text.slice(start, end)];
  relevant.sort((a, b) => depth[a.type] - depth[b.type]);
  const cuts = new Set<number>([start, end]);
  for (const mark of relevant) {
    cuts.add(Math.max(start, mark.start));
    cuts.add(Math.min(end, mark.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: ReactNode[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    let node: ReactNode = text.slice(from, to);
    relevant
      .filter((mark) => mark.start <= from && mark.end >= to)
      .forEach((mark, level) => {
        node = wrap(mark, node, `${from}-${level}`);
      });
    pieces.push(<span key={from}>{node}</span>);
  }
  return pieces;
}
