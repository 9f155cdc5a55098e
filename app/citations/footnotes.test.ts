import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../documents/import';
import { findFootnoteMarkers } from './footnotes';
import { lineBlocksOf } from './test-support';


describe('findFootnoteMarkers', () => {
  it('finds the displaced note of "Khrushchev Thaw period1" in seed 003', async () => {
    const name = '003_79ae931a7f31934e.txt';
    const doc = await importFile(name, new Uint8Array(readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url))));
    if (!doc.ok) throw new Error(doc.error);
    const { text, blocks } = doc.value;
    const markers = findFootnoteMarkers(text, blocks);
    expect(markers).toHaveLength(1);
    const [m] = markers;
    expect(m && text.slice(m.start - 6, m.end)).toBe('period1');
    expect(m?.kind).toBe('footnote');
    expect(m?.note && text.slice(m.note.start, m.note.end)).toMatch(/^From 1957 to 1964, .* Nikita Khrushchev\.$/u);
  });

  it('finds a marker whose note is a numbered line', () => {
    const text = 'The film belongs to the Thaw period2, as critics say.\n\n2 From 1957 to 1964.';
    const [m] = findFootnoteMarkers(text, lineBlocksOf(text));
    expect(m).toMatchObject({ text: '2', start: text.indexOf('period2') + 6 });
    expect(m?.note && text.slice(m.note.start, m.note.end)).toBe('2 From 1957 to 1964.');
  });

  it('never takes a column of a printed table for markers', () => {
    const text = 'total abundance 436 par1 par2 Null Preemption\n1 First note.\n2 Second note.';
    expect(findFootnoteMarkers(text, lineBlocksOf(text))).toEqual([]);
  });

  it('takes markers in their order and never a name that carries digits twice', () => {
    const text = 'We fit it with lme4. Then lme4 again, a period1 and a film2 and back to era5.\n1 First note.\n2 Second note.\n4 Output line.\n5 Another.';
    expect(findFootnoteMarkers(text, lineBlocksOf(text)).map((m) => m.text)).toEqual(['1', '2']);
  });

  it('leaves digits alone when no note can be found', () => {
    for (const text of ['An area of 13,000km2 in the Caucasus.', 'Version mp3 and h264 codecs; the sequel part2 is out.', 'He watched the Khrushchev Thaw films1 again.\nThe Khrushchev era.\nKhrushchev again.']) {
      expect(findFootnoteMarkers(text, lineBlocksOf(text)), text).toEqual([]);
    }
  });
});
