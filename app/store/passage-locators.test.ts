import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRange } from '../anchoring/describe';
import type { AnnotationSelector } from '../anchoring/selectors';
import { quoteCitation } from '../citations/quote-citation';
import { importFile } from '../documents/import';
import type { ParsedDocument } from '../documents/model';
import type { LecternDb } from './db';
import { saveImportedDocument } from './documents-repo';
import { getLocatedText, highlightLocator } from './passage-locators';
import { openTestDb, sampleDocument } from './test-support';

let db: LecternDb;
let libcoin: ParsedDocument;

beforeAll(async () => {
  const file = 'libcoin--libcoin.pdf';
  const read = await importFile(file, new Uint8Array(readFileSync(new URL(`../../tests/e2e/files/${file}`, import.meta.url))));
  if (!read.ok) throw new Error(read.error);
  libcoin = read.value;
  db = await openTestDb();
  await saveImportedDocument(db, libcoin);
  await saveImportedDocument(db, sampleDocument('notes'));
}, 60_000);
afterAll(() => db.close());

function selectorsFor(text: string, passage: string, page?: number): AnnotationSelector[] {
  const start = text.indexOf(passage);
  expect(start).toBeGreaterThanOrEqual(0);
  const { quote, position } = describeRange(text, start, start + passage.length);
  return page === undefined ? [quote, position] : [quote, position, { type: 'PageSelector', page }];
}

describe('highlight locators', () => {
  const licence = 'This file is part of the libcoin R add-on package.';
  const intro = 'The libcoin package implements a generic framework for permutation tests.';

  it('cites a PDF highlight made in the text view by the printed page, not a paragraph', async () => {
    const located = (await getLocatedText(db, libcoin.id))!;
    expect(located.pageLabels?.slice(0, 4)).toEqual(['i', 'i', 'ii', '1']);
    expect(highlightLocator(located, selectorsFor(located.text, licence))).toEqual({ label: 'page', value: 'ii' });
    expect(highlightLocator(located, selectorsFor(located.text, intro))).toEqual({ label: 'page', value: '1' });
    const item = { author: [{ family: 'Hothorn' }], issued: { 'date-parts': [[2021]] } };
    expect(quoteCitation(item, highlightLocator(located, selectorsFor(located.text, intro)))).toBe('(Hothorn 2021, p. 1)');
  });

  it('cites a highlight made on the page view by the label of its page (PDF page 4 is printed 1)', async () => {
    const located = (await getLocatedText(db, libcoin.id))!;
    expect(highlightLocator(located, selectorsFor(located.text, intro, 4))).toEqual({ label: 'page', value: '1' });
    expect(highlightLocator(located, [{ type: 'PageSelector', page: 3 }])).toEqual({ label: 'page', value: 'ii' });
  });

  it('cites by page number a PDF whose labels are not known yet, and other documents by paragraph', async () => {
    const located = (await getLocatedText(db, libcoin.id))!;
    const { pageMap: _map, pageLabels: _labels, ...withoutMap } = located;
    expect(highlightLocator(withoutMap, selectorsFor(located.text, intro))).toEqual({ label: 'page', value: '4' });
    const notes = (await getLocatedText(db, sampleDocument('notes').id))!;
    expect(highlightLocator(notes, selectorsFor(notes.text, 'earlier work'))).toEqual({ label: 'paragraph', value: 1 });
    expect(highlightLocator(notes, [{ type: 'TextQuoteSelector', exact: 'nowhere in this text at all', prefix: '', suffix: '' }])).toBeNull();
    expect(await getLocatedText(db, 'gone')).toBeNull();
  });
});
