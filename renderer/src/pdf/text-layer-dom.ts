/**
 * From folded text ranges to places in a page's text layer and back to rectangles on the page.
 */
import type { PageRect } from '../../../app/anchoring/selectors';
import { foldText, type FoldedRange } from './text-fold';

/** A text layer's text, folded, with the DOM position of every folded character. */
export interface FoldedLayer {
  folded: string;
  nodes: Text[];
  /** Per folded character: index into `nodes`, and the character's offsets in that node. */
  node: number[];
  starts: number[];
  ends: number[];
}

/** Folds the text of every text node under `layer`, in document order. */
export function foldLayer(layer: Element): FoldedLayer {
  const result: FoldedLayer = { folded: '', nodes: [], node: [], starts: [], ends: [] };
  const walker = layer.ownerDocument.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    const text = current as Text;
    const folded = foldText(text.data);
    if (folded.folded === '') continue;
    const index = result.nodes.push(text) - 1;
    result.folded += folded.folded;
    for (let k = 0; k < folded.starts.length; k++) {
      result.node.push(index);
      result.starts.push(folded.starts[k]!);
      result.ends.push(folded.ends[k]!);
    }
  }
  return result;
}

/** A DOM range over the folded characters [start, end) of a layer; null when out of bounds. */
export function layerRange(layer: FoldedLayer, span: FoldedRange): Range | null {
  if (span.start < 0 || span.end > layer.folded.length || span.end <= span.start) return null;
  const range = document.createRange();
  range.setStart(layer.nodes[layer.node[span.start]!]!, layer.starts[span.start]!);
  range.setEnd(layer.nodes[layer.node[span.end - 1]!]!, layer.ends[span.end - 1]!);
  return range;
}

/**
 * The rectangles `range` covers on `page`, in CSS pixels from the page's top-left corner, merged
 * into one per line: text-layer spans overlap a little, and overlapping translucent boxes would
 * show darker seams.
 */
export function rangeRects(range: Range, page: Element): PageRect[] {
  const origin = page.getBoundingClientRect();
  const rects: PageRect[] = [];
  for (const rect of range.getClientRects()) {
    if (rect.width < 0.5 || rect.height < 0.5) continue;
    const x = Math.max(rect.left, origin.left);
    const right = Math.min(rect.right, origin.right);
    const y = Math.max(rect.top, origin.top);
    const bottom = Math.min(rect.bottom, origin.bottom);
    if (right - x < 0.5 || bottom - y < 0.5) continue;
    rects.push({ x: x - origin.left, y: y - origin.top, width: right - x, height: bottom - y });
  }
  return mergeLines(rects);
}

/** Joins rectangles that sit on the same line and touch, overlap or are a word space apart. */
export function mergeLines(rects: readonly PageRect[]): PageRect[] {
  const lines: PageRect[][] = [];
  for (const rect of [...rects].sort((a, b) => a.y - b.y)) {
    const line = lines.find((members) => sameLine(members[0]!, rect));
    if (line) line.push(rect);
    else lines.push([rect]);
  }
  const merged: PageRect[] = [];
  for (const line of lines) {
    let open: PageRect | null = null;
    for (const rect of line.sort((a, b) => a.x - b.x)) {
      // Words set as separate runs leave a space-wide gap between their boxes: bridge it.
      const gap = Math.max(2, 0.6 * rect.height);
      if (open && rect.x <= open.x + open.width + gap) {
        const right = Math.max(open.x + open.width, rect.x + rect.width);
        const bottom = Math.max(open.y + open.height, rect.y + rect.height);
        open.y = Math.min(open.y, rect.y);
        open.width = right - open.x;
        open.height = bottom - open.y;
      } else {
        open = { ...rect };
        merged.push(open);
      }
    }
  }
  return merged;
}

function sameLine(a: PageRect, b: PageRect): boolean {
  const overlap = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return overlap > 0.5 * Math.min(a.height, b.height);
}

/** `rects` in another unit: divide by `scale` to go from CSS pixels to PDF points, multiply to go back. */
export function scaleRects(rects: readonly PageRect[], factor: number): PageRect[] {
  return rects.map((rect) => ({ x: rect.x * factor, y: rect.y * factor, width: rect.width * factor, height: rect.height * factor }));
}

/** A span of a page's folded text, with its characters, as found in the page's text (PageTextCache). */
export interface LayerSpan extends FoldedRange {
  text: string;
}

/** The span in the drawn layer: the same folded range, or (should they ever differ) the nearest place with its text. */
export function spanInLayer(layer: FoldedLayer, span: LayerSpan): FoldedRange | null {
  if (layer.folded.slice(span.start, span.end) === span.text) return span;
  let best = -1;
  for (let at = layer.folded.indexOf(span.text); at >= 0; at = layer.folded.indexOf(span.text, at + 1)) {
    if (best < 0 || Math.abs(at - span.start) < Math.abs(best - span.start)) best = at;
  }
  return best < 0 ? null : { start: best, end: best + span.text.length };
}

/**
 * The rectangles, in PDF points, that each span covers in the drawn text layer of `page`, shown
 * at `scale`; keyed by `id` (a highlight cut by a page break has one span per page, each measured
 * on its own page). Spans not found in the layer are left out.
 */
export function measureSpans(layer: FoldedLayer, page: Element, scale: number, items: readonly { id: string; span?: LayerSpan }[]): Map<string, PageRect[]> {
  const measured = new Map<string, PageRect[]>();
  for (const { id, span } of items) {
    if (!span) continue;
    const inLayer = spanInLayer(layer, span);
    const range = inLayer && layerRange(layer, inLayer);
    if (range) measured.set(id, [...(measured.get(id) ?? []), ...scaleRects(rangeRects(range, page), 1 / scale)]);
  }
  return measured;
}

/** The smallest rectangle holding all of `rects` (which must not be empty). */
export function boundsOf(rects: readonly PageRect[]): PageRect {
  const left = Math.min(...rects.map((rect) => rect.x));
  const top = Math.min(...rects.map((rect) => rect.y));
  const right = Math.max(...rects.map((rect) => rect.x + rect.width));
  const bottom = Math.max(...rects.map((rect) => rect.y + rect.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}
