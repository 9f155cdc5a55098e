// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawnLayer, itemPoint, recordLayer, spanRects } from './text-layer-dom';
import { mapOf } from './test-page-map';

// Page 1 of a document whose second line is hyphenated; its running head is dropped at import.
const { text, offsets } = mapOf(
  ['Readers skim the margins of a page before they read it.'],
  [
    [
      { str: 'Journal of Margins', top: 40, kept: false },
      { str: 'Readers skim the mar-', top: 100, kept: true },
      { str: '', top: 0, kept: false },
      { str: 'gins of a page before', top: 114, kept: true },
      { str: 'they read it.', top: 128, kept: true },
    ],
  ],
);

/** A text layer as pdf.js draws it: one span per item in item order (an empty item is not attached), then the end marker. */
function drawLayer(strs: readonly string[]): { container: HTMLDivElement; divs: HTMLElement[] } {
  const container = document.createElement('div');
  const divs = strs.map((str) => {
    const span = document.createElement('span');
    span.textContent = str;
    if (str !== '') container.append(span);
    return span;
  });
  const end = document.createElement('div');
  end.className = 'endOfContent';
  container.append(end);
  document.body.append(container);
  return { container, divs };
}

const STRS = ['Journal of Margins', 'Readers skim the mar-', '', 'gins of a page before', 'they read it.'];

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('the drawn text layer and the page map', () => {
  it('is recorded when its items are the map’s, and refused when they differ', () => {
    const { container, divs } = drawLayer(STRS);
    const layer = recordLayer(container, 1, divs, offsets.items(1));
    expect(layer?.nodes.map((node) => node?.data ?? null)).toEqual(['Journal of Margins', 'Readers skim the mar-', null, 'gins of a page before', 'they read it.']);
    expect(drawnLayer(container)).toBe(layer);
    const other = drawLayer(['Journal of Margins', 'Readers skim the margin', '', 'gins of a page before', 'they read it.']);
    expect(recordLayer(other.container, 1, other.divs, offsets.items(1))).toBeNull();
    expect(recordLayer(other.container, 1, other.divs.slice(1), offsets.items(1))).toBeNull();
    expect(drawnLayer(other.container)).toBeUndefined();
  });

  it('turns DOM selection boundaries into canonical offsets through item points', () => {
    const { container, divs } = drawLayer(STRS);
    const layer = recordLayer(container, 1, divs, offsets.items(1))!;
    const node = (item: number) => divs[item]!.firstChild!;
    // Inside a text node: that character.
    const from = itemPoint(layer, node(1), 'Readers skim the '.length);
    expect(from).toEqual({ page: 1, item: 1, char: 17 });
    // Between elements: the next item's start; at the end marker: past the last item.
    expect(itemPoint(layer, container, 1)).toEqual({ page: 1, item: 1, char: 0 });
    expect(itemPoint(layer, container, 2)).toEqual({ page: 1, item: 3, char: 0 });
    expect(itemPoint(layer, container.querySelector('.endOfContent')!, 0)).toEqual({ page: 1, item: 5, char: 0 });
    const word = offsets.selectionOffsets(from, itemPoint(layer, node(3), 'gins'.length))!;
    expect(text.slice(word.start, word.end)).toBe('margins');
    // From inside the running head to the end of the page: the head is not in the text.
    const all = offsets.selectionOffsets(itemPoint(layer, node(0), 3), itemPoint(layer, container.querySelector('.endOfContent')!, 0))!;
    expect(text.slice(all.start, all.end)).toBe(text);
  });

  it('measures offsets as rectangles in PDF points, one per line', () => {
    const { container, divs } = drawLayer(STRS);
    const layer = recordLayer(container, 1, divs, offsets.items(1))!;
    // Laid out as monospace lines: 6 px a character, 14 px a line per item, the page at (100, 50).
    const lineOf = new Map(divs.map((div, index) => [div.firstChild, index]));
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      const line = lineOf.get(this.startContainer as ChildNode) ?? 0;
      const rect = { left: 100 + 6 * this.startOffset, right: 100 + 6 * this.endOffset, top: 50 + 14 * line, bottom: 50 + 14 * line + 12 };
      return [{ ...rect, x: rect.left, y: rect.top, width: rect.right - rect.left, height: 12 }] as unknown as DOMRectList;
    });
    const page = document.createElement('div');
    vi.spyOn(page, 'getBoundingClientRect').mockReturnValue({ left: 100, top: 50, right: 700, bottom: 850, x: 100, y: 50, width: 600, height: 800 } as DOMRect);
    const start = text.indexOf('margins of');
    const rects = spanRects(layer, page, 2, offsets.spans(1, start, start + 'margins of'.length));
    // "mar" at the end of line 1 (characters 17-20), "gins of" at the start of line 3, at scale 2.
    expect(rects).toEqual([
      { x: (6 * 17) / 2, y: 14 / 2, width: (6 * 3) / 2, height: 6 },
      { x: 0, y: (14 * 3) / 2, width: (6 * 7) / 2, height: 6 },
    ]);
  });
});
