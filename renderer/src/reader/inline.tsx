import type { ReactNode } from 'react';
import type { InlineMark } from '../../../app/documents/model';

function wrap(mark: InlineMark, child: ReactNode, key: string): ReactNode {
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
        <a key={key} href={mark.href} title={mark.href} data-external-link="" onClick={(event) => event.preventDefault()}>
          {child}
        </a>
      );
  }
}

/**
 * Splits [start, end) of the text at every mark boundary and wraps each piece in the marks that
 * cover it, so overlapping or nested marks render without losing text.
 */
export function renderInline(text: string, start: number, end: number, marks: InlineMark[] = []): ReactNode[] {
  const relevant = marks.filter((mark) => mark.end > start && mark.start < end && mark.end > mark.start);
  if (relevant.length === 0) return [text.slice(start, end)];
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
      .forEach((mark, depth) => {
        node = wrap(mark, node, `${from}-${depth}`);
      });
    pieces.push(<span key={from}>{node}</span>);
  }
  return pieces;
}
