import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { memo, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { PageRect } from '../../../app/anchoring/selectors';
import { loadViewerPdfjs } from './pdfjs-viewer';
import { foldLayer, layerRange, rangeRects, scaleRects, type FoldedLayer } from './text-layer-dom';
import type { PageSize } from './use-pdf-document';
import type { PageMark } from './use-page-marks';

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
  marks: readonly PageMark[];
  selectedId: string | null;
  onSelectHighlight: (id: string) => void;
}

/** Sharper than the screen needs costs memory for nothing: a canvas stays under this many pixels. */
const MAX_CANVAS_PIXELS = 16_000_000;

/** One PDF page: its canvas, its highlights and a text layer on top for selecting text. */
export const PdfPage = memo(function PdfPage({ pdf, pageNumber, size, scale, near, marks, selectedId, onSelectHighlight }: PdfPageProps) {
  const pageRef = useRef<HTMLDivElement>(null);
  const canvasHolder = useRef<HTMLDivElement>(null);
  const textLayerRef = useRef<HTMLDivElement>(null);
  const [layer, setLayer] = useState<FoldedLayer | null>(null);
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
    if (!near || !container) return setLayer(null);
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
      setLayer(foldLayer(container));
    })();
    return () => {
      cancelled = true;
      textLayer?.cancel();
    };
  }, [pdf, pageNumber, scale, near]);

  // Rectangles are kept in PDF points, so they follow a zoom at once and are measured again after.
  const [measured, setMeasured] = useState<Map<string, PageRect[]>>(new Map());
  useEffect(() => {
    const page = pageRef.current;
    if (!layer || !page) return;
    const next = new Map<string, PageRect[]>();
    for (const mark of marks) {
      if (!mark.span) continue;
      const span = spanInLayer(layer, mark.span);
      const range = span && layerRange(layer, span);
      if (range) next.set(mark.id, [...(next.get(mark.id) ?? []), ...scaleRects(rangeRects(range, page), 1 / scale)]);
    }
    setMeasured(next);
    // `scale` is read for the conversion only: a new scale brings a new layer, which re-runs this.
  }, [layer, marks]);

  const drawn = useMemo(
    () => marks.flatMap((mark) => (measured.get(mark.id) ?? mark.rects ?? []).map((rect, index) => ({ mark, rect, key: `${mark.id}:${index}` }))),
    [marks, measured],
  );

  const onClick = (event: React.MouseEvent) => {
    if (window.getSelection()?.isCollapsed === false) return;
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
        </div>
      ) : null}
      {near ? <div className="textLayer" ref={textLayerRef} /> : null}
    </div>
  );
});

/** The mark's span in the drawn layer: the same folded range, or (should they ever differ) the nearest place with its text. */
function spanInLayer(layer: FoldedLayer, span: { start: number; end: number; text: string }) {
  if (layer.folded.slice(span.start, span.end) === span.text) return span;
  let best = -1;
  for (let at = layer.folded.indexOf(span.text); at >= 0; at = layer.folded.indexOf(span.text, at + 1)) {
    if (best < 0 || Math.abs(at - span.start) < Math.abs(best - span.start)) best = at;
  }
  return best < 0 ? null : { start: best, end: best + span.text.length };
}
