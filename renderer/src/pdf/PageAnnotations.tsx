import type { PageRect } from '../../../app/anchoring/selectors';
import { printedPage } from '../../../app/documents/page-labels';
import { citationClass, citationLabel } from '../citations/citation-mark';
import type { PageCitation } from './page-citations';
import type { LinkTarget, PageLink } from './pdf-links';
import { boundsOf } from './text-layer-dom';

/** Props of a page's layer of things to point at: citation marks and the PDF's own links. */
export interface PageAnnotationsProps {
  /** The page's citations, in reading order, each with its rectangles in PDF points (one per line). */
  citations: readonly { mark: PageCitation; rects: readonly PageRect[] }[];
  /** The page's links that no citation mark covers. */
  links: readonly PageLink[];
  /** CSS pixels per PDF point. */
  scale: number;
  onFollow: (target: LinkTarget) => void;
  /** The PDF's printed page labels, so a link names the page as printed ("Go to page ii"). */
  labels?: readonly string[] | null;
}

const box = (rect: PageRect, scale: number, origin: PageRect | null = null) => ({
  left: (rect.x - (origin?.x ?? 0)) * scale,
  top: (rect.y - (origin?.y ?? 0)) * scale,
  width: rect.width * scale,
  height: rect.height * scale,
});

/**
 * Laid over the text layer, as pdf.js lays its links. A citation mark is the same kind of element
 * as in the text view (`data-citation-id`, a button in the Tab order), so the pane's citation
 * handlers (card on hover or focus, click or Enter to the entry, Shift for side by side) serve both
 * views. Web links carry `data-external-link`, so the app opens them through the platform, as it
 * does links in the text.
 */
export function PageAnnotations({ citations, links, scale, onFollow, labels }: PageAnnotationsProps) {
  return (
    // Shift+press would extend the text selection to here and take the click away from the mark:
    // on a citation Shift means "open beside", on a link nothing but the link.
    <div className="pdf-annotations" onMouseDown={(event) => event.shiftKey && event.preventDefault()}>
      {citations.map(({ mark, rects }) => {
        if (rects.length === 0) return null;
        const bounds = boundsOf(rects);
        return (
          <span
            key={mark.id}
            className={citationClass(mark.kind, mark.unresolved, 'pdf-cite')}
            data-citation-id={mark.id}
            role="button"
            tabIndex={0}
            aria-label={citationLabel(mark.kind, mark.unresolved)}
            style={box(bounds, scale)}
          >
            {/* One box per line, so a citation broken over two lines marks its words, not the space between. */}
            {rects.map((rect, index) => (
              <span key={index} className="pdf-cite-box" style={box(rect, scale, bounds)} />
            ))}
          </span>
        );
      })}
      {links.map((link, index) =>
        link.kind === 'external' ? (
          <a key={`link:${index}`} className="pdf-link" href={link.url} title={link.url} aria-label={`Open ${link.url}`} data-external-link="" style={box(link.rect, scale)} />
        ) : (
          <a
            key={`link:${index}`}
            className="pdf-link"
            href={`#page=${link.target.page}`}
            aria-label={`Go to page ${printedPage(labels, link.target.page)}`}
            data-target-page={link.target.page}
            style={box(link.rect, scale)}
            onClick={(event) => {
              event.preventDefault();
              onFollow(link.target);
            }}
          />
        ),
      )}
    </div>
  );
}
