/**
 * A page's drawn text layer and the page map: the layer's element for each text item, places in
 * it as item characters, and rectangles on the page for item characters.
 */
import type { PageRect } from '../../../app/anchoring/selectors';
import type { PageItem } from '../../../app/documents/pdf/page-items';
import type { ItemPoint, ItemSpan } from './page-offsets';

/** A text layer drawn for a page whose items are those of its map: the text node of each item (null for an empty one). */
export interface DrawnLayer {
  page: number;
  nodes: (Text | null)[];
  /** Item index by text node. */
  itemOf: Map<Node, number>;
}

/** The drawn layers by their container element, for the selection to find its page's items. */
const drawnLayers = new WeakMap<Element, DrawnLayer>();

/**
 * Records the layer pdf.js drew into `container` from `textDivs` (one element per text item, in
 * item order), when its items are the map's: the same count and the same string lengths. Null
 * otherwise (the file read differently), and then nothing is placed through the map on this page.
 */
export function recordLayer(container: Element, page: number, textDivs: readonly Element[], items: readonly PageItem[]): DrawnLayer | null {
  drawnLayers.delete(container);
  if (textDivs.length !== items.length) return null;
  const layer: DrawnLayer = { page, nodes: [], itemOf: new Map() };
  for (let index = 0; index < textDivs.length; index++) {
    const text = textDivs[index]!.firstChild;
    const length = text instanceof Text ? text.data.length : 0;
    if (length !== items[index]!.length) return null;
    layer.nodes.push(text instanceof Text ? text : null);
    if (text instanceof Text) layer.itemOf.set(text, index);
  }
  drawnLayers.set(container, layer);
  return layer;
}

/** The recorded layer drawn in `container`, if any. */
export function drawnLayer(container: Element): DrawnLayer | undefined {
  return drawnLayers.get(container);
}

/**
 * A DOM boundary point inside a layer as an item point: a place in an item's text node is that
 * character; any other place (between elements, in the end marker) is the start of the first item
 * after it, or the end of the page's last item.
 */
export function itemPoint(layer: DrawnLayer, node: Node, offset: number): ItemPoint {
  const item = layer.itemOf.get(node);
  if (item !== undefined) return { page: layer.page, item, char: offset };
  const boundary = node.ownerDocument!.createRange();
  boundary.setStart(node, offset);
  boundary.collapse(true);
  // Items are drawn in item order: the first one at or after the boundary, by bisection.
  const indexes = layer.nodes.flatMap((text, index) => (text ? [index] : []));
  let low = 0;
  let high = indexes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (boundary.comparePoint(layer.nodes[indexes[mid]!]!, 0) < 0) low = mid + 1;
    else high = mid;
  }
  return low < indexes.length ? { page: layer.page, item: indexes[low]!, char: 0 } : { page: layer.page, item: layer.nodes.length, char: 0 };
}

/** The rectangles, in PDF points from the page's top-left corner, that `spans` cover in the drawn layer of `page` shown at `scale`, merged per line. */
export function spanRects(layer: DrawnLayer, page: Element, scale: number, spans: readonly ItemSpan[]): PageRect[] {
  const rects: PageRect[] = [];
  for (const span of spans) {
    const node = layer.nodes[span.item];
    if (!node || span.end > node.data.length || span.end <= span.start) continue;
    const range = node.ownerDocument.createRange();
    range.setStart(node, span.start);
    range.setEnd(node, span.end);
    rects.push(...clientRects(range, page));
  }
  return scaleRects(mergeLines(rects), 1 / scale);
}

/**
 * The rectangles `range` covers on `page`, in CSS pixels from the page's top-left corner, merged
 * into one per line: text-layer spans overlap a little, and overlapping translucent boxes would
 * show darker seams.
 */
export function rangeRects(range: Range, page: Element): PageRect[] {
  return mergeLines(clientRects(range, page));
}

/** The boxes of `range` clipped to `page`, in CSS pixels from its top-left corner. */
function clientRects(range: Range, page: Element): PageRect[] {
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
  return rects;
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

/** The smallest rectangle holding all of `rects` (which must not be empty). */
export function boundsOf(rects: readonly PageRect[]): PageRect {
  const left = Math.min(...rects.map((rect) => rect.x));
  const top = Math.min(...rects.map((rect) => rect.y));
  const right = Math.max(...rects.map((rect) => rect.x + rect.width));
  const bottom = Math.max(...rects.map((rect) => rect.y + rect.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}
