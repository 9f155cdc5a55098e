import type { Page } from 'playwright-core';

/** How highlights are laid over the library's stored text, straight into IndexedDB. */
export interface HighlightLayout {
  /** Ids are `${idPrefix}-${i}`. */
  idPrefix: string;
  /**
   * 'spread': `count` highlights spread evenly through the first document, the i-th
   * `lengths[i % lengths.length]` characters long. 'each-document': one highlight per document,
   * `lengths[0]` long, at the start of its third paragraph.
   */
  placement: 'spread' | 'each-document';
  count?: number;
  lengths: number[];
  /** Characters of prefix and suffix kept in each quote selector. */
  context: number;
  /** Colours taken in turn. */
  colors: string[];
}

/**
 * Writes highlights as the app stores them (a quote and a position selector each) into the
 * page's store in one transaction, and returns each one's quoted text by id. Tests and benchmarks
 * use it to make thousands of highlights without selecting text thousands of times.
 */
export function storeHighlights(page: Page, layout: HighlightLayout): Promise<Record<string, string>> {
  return page.evaluate(async ({ idPrefix, placement, count = 0, lengths, context, colors }) => {
    const open = indexedDB.open('lectern');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const read = <T,>(store: string) =>
      new Promise<T[]>((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
      });
    const contents = await read<{ docId: string; text: string }>('contents');
    const places: { docId: string; text: string; start: number; end: number }[] = [];
    if (placement === 'spread') {
      const { docId, text } = contents[0]!;
      for (let i = 0; i < count; i++) {
        const start = Math.floor(((i + 0.5) / count) * (text.length - 400));
        places.push({ docId, text, start, end: start + lengths[i % lengths.length]! });
      }
    } else {
      for (const { docId, text } of contents) {
        const start = text.indexOf('\n\n', text.indexOf('\n\n') + 2) + 2;
        places.push({ docId, text, start, end: start + lengths[0]! });
      }
    }
    const quotes: Record<string, string> = {};
    const tx = db.transaction('annotations', 'readwrite');
    for (const [i, { docId, text, start, end }] of places.entries()) {
      const id = `${idPrefix}-${i}`;
      quotes[id] = text.slice(start, end);
      tx.objectStore('annotations').put({
        id,
        docId,
        selectors: [
          { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - context), start), suffix: text.slice(end, end + context) },
          { type: 'TextPositionSelector', start, end },
        ],
        color: colors[i % colors.length],
        noteJson: null,
        noteText: '',
        createdAt: i,
        updatedAt: i,
      });
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    return quotes;
  }, layout);
}
