import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { memo, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { PageRect } from '../../../app/anchoring/selectors';
import type { PageItem } from '../../../app/documents/pdf/page-items';
import type { PageCitation } from './page-citations';
import { PageAnnotations } from './PageAnnotations';
import { uncoveredLinks, type LinkTarget } from './pdf-links';
import { loadViewerPdfjs } from './pdfjs-viewer';
import type { ItemSpan } from './page-offsets';
import { recordLayer, spanRects, type DrawnLayer } from './text-layer-dom';
import type { PageSize } from './use-pdf-document';
import type { PageMark } from './use-page-marks';
import { usePageLinks } from './use-page-links';

/** Props of one page of the page view. */
export interface PdfPageProps {
  pdf: PDFDocumentProxy;
  /** From 1. */
  pageNumber: number;
  size: PageSize;
  /** CSS pixels per PDF point. */
  scale: number;
  /** Near the viewport: only then is the page drawn; otherwise it is an empty box of its size. */
  near: boolean;
  /** The page's text items in the document's page map; null without a map (marks then use stored rectangles). */
  items: readonly PageItem[] | null;
  marks: readonly PageMark[];
  /** The page's in-text citations, in reading order. */
  citations: readonly PageCitation[];
  /** A passage to point the eye at after a jump (a reference entry); a new `nonce` flashes again. */
  flash: { spans: ItemSpan[]; nonce: number } | null;
  selectedId: string | null;
  onSelectHighlight: (id: string) => void;
  /** Follows one of the PDF's own internal links. */
  onFollowLink: (target: LinkTarget) => void;
  /** The PDF's printed page labels, for naming pages its links go to. */
  labels?: readonly string[] | null;
}

/** Sharper than the screen needs costs memory for nothing: a canvas stays under this many pixels. */
const MAX_CANVAS_PIXELS = 16_000_000;

/**
 * One PDF page: its canvas, its highlights, a text layer on top for selecting text, and over that
 * its citation marks and links.
 */
export const PdfPage = memo(function PdfPage({ pdf, pageNumber, size, scale, near, items, marks, citations, flash, selectedId, onSelectHighlight, onFollowLink, labels }: PdfPageProps) {
  const pageRef = useRef<HTMLDivElement>(null);
  const canvasHolder = useRef<HTMLDivElement>(null);
  const textLayerRef = useRef<HTMLDivElement>(null);
  // The text layer's element per text item once pdf.js has drawn it, and the layer as the map names it.
  const [drawnDivs, setDrawnDivs] = useState<{ container: HTMLDivElement; divs: readonly Element[] } | null>(null);
  const [layer, setLayer] = useState<DrawnLayer | null>(null);
  const [rendered, setRendered] = useState(false);
  const width = size.width * scale;
  const height = size.height * scale;

  useEffect(() => {
    if (!near) return setRendered(false);
    let task: { cancel: () => void } | undefined;
    let cancelled = false;
    void (async () => {
      // The document may be closed under a page still loading (the pane closed): nothing to draw then.
      const page = await pdf.getPage(pageNumber).catch(() => null);
      if (cancelled || !page) return;
      const viewport = page.getViewport({ scale });
      const ratio = Math.min(window.devicePixelRatio || 1, Math.sqrt(MAX_CANVAS_PIXELS / (viewport.width * viewport.height)));
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      const render = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      task = render;
      try {
        await render.promise;
      } catch {
        return; // cancelled by a newer scale or by scrolling away
      }
      // The old canvas stays (stretched) until the new one is ready, so zooming never flashes blank.
      if (!cancelled) {
        canvasHolder.current?.replaceChildren(canvas);
        setRendered(true);
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, pageNumber, scale, near]);

  useEffect(() => {
    const container = textLayerRef.current;
    if (!near || !container) return setDrawnDivs(null);
    let cancelled = false;
    let textLayer: { cancel: () => void } | undefined;
    void (async () => {
      const [pdfjs, page] = await Promise.all([loadViewerPdfjs(), pdf.getPage(pageNumber).catch(() => null)]);
      if (cancelled || !page) return;
      const fresh = document.createElement('div');
      const built = new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: fresh, viewport: page.getViewport({ scale }) });
      textLayer = built;
      try {
        await built.render();
      } catch {
        return;
      }
      if (cancelled) return;
      // Selecting past the last line would otherwise jump to the page's start (as pdf.js's viewer does).
      const end = document.createElement('div');
      end.className = 'endOfContent';
      container.replaceChildren(...fresh.childNodes, end);
      container.style.cssText = fresh.style.cssText;
      setDrawnDivs({ container, divs: built.textDivs });
    })();
    return () => {
      cancelled = true;
      textLayer?.cancel();
    };
  }, [pdf, pageNumber, scale, near]);
  // One element per text item, in item order: the page map's item indexes name them. A map that
  // arrives after the layer is drawn (built on first open) is applied without drawing it again.
  useEffect(() => setLayer(drawnDivs && items ? recordLayer(drawnDivs.container, pageNumber, drawnDivs.divs, items) : null), [drawnDivs, items, pageNumber]);

  // Rectangles are kept in PDF points, so they follow a zoom at once and are measured again after.
  // `scale` is read for the conversion only: a new scale brings a new layer, which re-runs these.
  const [measured, setMeasured] = useState<Map<string, PageRect[]>>(new Map());
  useEffect(() => {
    if (layer && pageRef.current) setMeasured(measureMarks(layer, pageRef.current, scale, marks));
  }, [layer, marks]);
  const [citationRects, setCitationRects] = useState<Map<string, PageRect[]>>(new Map());
  useEffect(() => {
    if (layer && pageRef.current) setCitationRects(measureMarks(layer, pageRef.current, scale, citations));
  }, [layer, citations]);
  const [flashRects, setFlashRects] = useState<PageRect[]>([]);
  useEffect(() => {
    if (layer && pageRef.current && flash) setFlashRects(spanRects(layer, pageRef.current, scale, flash.spans));
    else setFlashRects([]);
  }, [layer, flash]);

  const links = usePageLinks(pdf, pageNumber, near);
  const placedCitations = useMemo(() => citations.map((mark) => ({ mark, rects: citationRects.get(mark.id) ?? [] })), [citations, citationRects]);
  const shownLinks = useMemo(() => uncoveredLinks(links, [...citationRects.values()].flat()), [links, citationRects]);

  const drawn = useMemo(
    () => marks.flatMap((mark) => (measured.get(mark.id) ?? mark.rects ?? []).map((rect, index) => ({ mark, rect, key: `${mark.id}:${index}` }))),
    [marks, measured],
  );

  const onClick = (event: React.MouseEvent) => {
    // A citation or a link does its own thing; the highlight under it is not chosen by the same click.
    if (window.getSelection()?.isCollapsed === false || (event.target as Element).closest('.pdf-annotations > *')) return;
    const box = pageRef.current?.getBoundingClientRect();
    if (!box) return;
    const x = (event.clientX - box.left) / scale;
    const y = (event.clientY - box.top) / scale;
    const hit = drawn.find(({ rect }) => x >= rect.x && x <= rect.x + rect.width && y >= rect.y && y <= rect.y + rect.height);
    if (hit) onSelectHighlight(hit.mark.id);
  };

  const style = { width, height, '--total-scale-factor': scale, '--scale-round-x': '1px', '--scale-round-y': '1px' } as CSSProperties;
  return (
    <div className={`pdf-page${rendered ? '' : ' pdf-page-pending'}`} ref={pageRef} data-page-number={pageNumber} style={style} onClick={onClick}>
      {near ? <div className="pdf-canvas" ref={canvasHolder} /> : <span className="pdf-page-placeholder">{pageNumber}</span>}
      {near ? (
        <div className="pdf-marks" aria-hidden="true">
          {drawn.map(({ mark, rect, key }) => (
            <div
              key={key}
              className={`pdf-mark hl-${mark.color}${mark.id === selectedId ? ' hl-selected' : ''}`}
              data-annotation-id={mark.id}
              style={{ left: rect.x * scale, top: rect.y * scale, width: rect.width * scale, height: rect.height * scale }}
            />
          ))}
          {flash && flashRects.length
            ? flashRects.map((rect, index) => (
                <div key={`${flash.nonce}:${index}`} className="pdf-flash" style={{ left: rect.x * scale, top: rect.y * scale, width: rect.width * scale, height: rect.height * scale }} />
              ))
            : null}
        </div>
      ) : null}
      {near ? <div className="textLayer" ref={textLayerRef} /> : null}
      {near ? <PageAnnotations citations={placedCitations} links={shownLinks} scale={scale} onFollow={onFollowLink} labels={labels} /> : null}
    </div>
  );
});

/** The rectangles, in PDF points, of each mark's spans in the drawn layer, by id (a highlight cut by a page break is measured on each page). */
function measureMarks(layer: DrawnLayer, page: Element, scale: number, marks: readonly { id: string; spans?: readonly ItemSpan[] }[]): Map<string, PageRect[]> {
  const measured = new Map<string, PageRect[]>();
  for (const { id, spans } of marks) {
    if (!spans?.length) continue;
    const rects = spanRects(layer, page, scale, spans);
    if (rects.length) measured.set(id, [...(measured.get(id) ?? []), ...rects]);
  }
  return measured;
}
