import { describe, expect, it } from 'vitest';
import { saveImportedDocument } from '../../../app/store/documents-repo';
import { savePageMap } from '../../../app/store/page-maps-repo';
import { openTestDb, sampleDocument } from '../../../app/store/test-support';
import { readLibraryTexts } from './library-texts';

describe('the library as the quote check reads it', () => {
  it('reads every text, a PDF with its page map and printed labels', async () => {
    const db = await openTestDb();
    const notes = sampleDocument('notes');
    const pdf = sampleDocument('pdf', { format: 'pdf', fileName: 'vignette.pdf' });
    await saveImportedDocument(db, notes);
    await saveImportedDocument(db, pdf);
    await savePageMap(db, { docId: pdf.id, pages: [[0], [1]], labels: ['ii', '1'] });
    const seen: string[] = [];

    const texts = await readLibraryTexts(db, { onProgress: (done, total) => seen.push(`${done}/${total}`) });

    expect(texts.map((t) => t.id).sort()).toEqual([notes.id, pdf.id].sort());
    const read = texts.find((t) => t.id === pdf.id)!;
    expect(read).toMatchObject({ format: 'pdf', text: pdf.text, pageMap: [[0], [1]], pageLabels: ['ii', '1'], title: pdf.metadata.title });
    expect(read.blocks).toEqual(pdf.blocks);
    expect(texts.find((t) => t.id === notes.id)).not.toHaveProperty('pageMap');
    expect(seen).toEqual(['1/2', '2/2']);
  });

  it('gives a PDF without printed labels null, and stops when asked', async () => {
    const db = await openTestDb();
    const pdf = sampleDocument('pdf', { format: 'pdf' });
    await saveImportedDocument(db, pdf);
    await savePageMap(db, { docId: pdf.id, pages: [[0]] });
    expect((await readLibraryTexts(db))[0]?.pageLabels).toBeNull();
    const controller = new AbortController();
    controller.abort();
    await expect(readLibraryTexts(db, { signal: controller.signal })).rejects.toThrow('The check was stopped.');
  });
});
