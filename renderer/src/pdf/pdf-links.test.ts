import { describe, expect, it } from 'vitest';
import { cornersToRect, parseDestination, readPageLinks, resolveDestination, uncoveredLinks, type LinkDocument, type PageLink } from './pdf-links';

/** A page of 600 × 800 points, unrotated: PDF space has y upwards, the view y downwards. */
const viewport = {
  convertToViewportRectangle: ([x1, y1, x2, y2]: number[]) => [x1!, 800 - y1!, x2!, 800 - y2!],
  convertToViewportPoint: (x: number, y: number) => [x, 800 - y],
};

/** A fake pdf.js document: page 1 carries the annotations, pages are 600 × 800, refs are { num: 10 + index }. */
function fakeDocument(annotations: { subtype?: string; rect?: number[]; dest?: unknown; url?: string }[]): LinkDocument {
  const named: Record<string, unknown[]> = { 'cite.0@anderson1983': [{ num: 12, gen: 0 }, { name: 'XYZ' }, 125.8, 511.9, null] };
  return {
    numPages: 3,
    getPage: () => Promise.resolve({ getViewport: () => viewport, getAnnotations: () => Promise.resolve(annotations) }),
    getDestination: (name) => Promise.resolve(named[name] ?? null),
    getPageIndex: (ref) => Promise.resolve(ref.num - 10),
  };
}

describe('PDF link destinations', () => {
  it('reads the top of each kind of explicit destination, in PDF space', () => {
    const ref = { num: 1, gen: 0 };
    expect(parseDestination([ref, { name: 'XYZ' }, 72, 700, 0])).toEqual({ ref, left: 72, top: 700 });
    expect(parseDestination([ref, { name: 'XYZ' }, null, null, null])).toEqual({ ref, left: 0, top: null });
    expect(parseDestination([ref, { name: 'FitH' }, 650])).toEqual({ ref, left: 0, top: 650 });
    expect(parseDestination([ref, { name: 'FitR' }, 10, 20, 300, 400])).toEqual({ ref, left: 10, top: 400 });
    expect(parseDestination([ref, { name: 'Fit' }])).toEqual({ ref, left: 0, top: null });
    expect(parseDestination([ref, { name: 'Sideways' }])).toBeNull();
    expect(parseDestination('not an array')).toBeNull();
    expect(parseDestination([ref])).toBeNull();
  });

  it('resolves named and explicit destinations to a page and a top measured down the page', async () => {
    const pdf = fakeDocument([]);
    expect(await resolveDestination(pdf, 'cite.0@anderson1983')).toEqual({ page: 3, top: 800 - 511.9 });
    expect(await resolveDestination(pdf, [1, { name: 'Fit' }])).toEqual({ page: 2, top: null });
    expect(await resolveDestination(pdf, 'no such name')).toBeNull();
    expect(await resolveDestination(pdf, [7, { name: 'Fit' }])).toBeNull();
  });
});

describe('the links of a page', () => {
  it('keeps internal and web links with their rectangles from the page top, and nothing else', async () => {
    const pdf = fakeDocument([
      { subtype: 'Link', rect: [237, 489, 261, 502], dest: 'cite.0@anderson1983' },
      { subtype: 'Link', rect: [239, 635, 359, 646], url: 'https://doi.org/10.1093/screen/16.3.6' },
      { subtype: 'Link', rect: [10, 10, 20, 20], dest: 'missing' },
      { subtype: 'Link', rect: [10, 10, 10, 20], url: 'https://example.org/' },
      { subtype: 'Widget', rect: [10, 10, 90, 30] },
      { subtype: 'Link', rect: [10, 10, 90, 30] },
    ]);
    expect(await readPageLinks(pdf, 1)).toEqual([
      { kind: 'internal', rect: { x: 237, y: 800 - 502, width: 24, height: 13 }, target: { page: 3, top: 800 - 511.9 } },
      { kind: 'external', rect: { x: 239, y: 800 - 646, width: 120, height: 11 }, url: 'https://doi.org/10.1093/screen/16.3.6' },
    ]);
  });

  it('orders corners either way', () => {
    expect(cornersToRect([30, 40, 10, 20])).toEqual({ x: 10, y: 20, width: 20, height: 20 });
  });

  it('leaves out internal links inside a citation mark, and keeps web links', () => {
    const target = { page: 3, top: 100 };
    const year: PageLink = { kind: 'internal', rect: { x: 120, y: 300, width: 24, height: 12 }, target };
    const section: PageLink = { kind: 'internal', rect: { x: 400, y: 300, width: 40, height: 12 }, target };
    const web: PageLink = { kind: 'external', rect: { x: 120, y: 300, width: 24, height: 12 }, url: 'https://example.org/' };
    const citation = { x: 70, y: 299, width: 80, height: 14 };
    expect(uncoveredLinks([year, section, web], [citation])).toEqual([section, web]);
    expect(uncoveredLinks([year, section], [])).toEqual([year, section]);
  });
});
