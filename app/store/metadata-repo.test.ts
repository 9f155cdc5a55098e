import { describe, expect, it } from 'vitest';
import { getDocument, listReferences, saveImportedDocument } from './documents-repo';
import { updateDocumentMetadata, updateReferenceItem } from './metadata-repo';
import { openTestDb, sampleDocument } from './test-support';

describe('editing metadata', () => {
  it('updates the item and the library columns and keeps what the file said', async () => {
    const db = await openTestDb();
    const doc = sampleDocument('edit');
    await saveImportedDocument(db, doc, { references: [{ id: `${doc.id}:smith2019`, index: 0, raw: 'Smith 2019', csl: { id: 'smith2019', type: 'book', title: 'Old' } }] });
    const original = (await getDocument(db, doc.id))!.metadata;
    await updateDocumentMetadata(db, doc.id, { ...original, title: 'Closeness: a review', author: [{ family: 'Ezerova', given: 'Daria' }], issued: { 'date-parts': [[2018]] } }, 5);
    const row = (await getDocument(db, doc.id))!;
    expect(row).toMatchObject({ title: 'Closeness: a review', authorsLabel: 'Ezerova, Daria', year: 2018, updatedAt: 5 });
    expect(row.parsedMetadata).toEqual(original);
    await updateDocumentMetadata(db, doc.id, { ...row.metadata, issued: undefined }, 6);
    const again = (await getDocument(db, doc.id))!;
    expect(again.year).toBeUndefined();
    expect(again.parsedMetadata).toEqual(original);

    await updateReferenceItem(db, `${doc.id}:smith2019`, { id: 'ignored', type: 'book', title: 'New title' });
    const [reference] = await listReferences(db, doc.id);
    expect(reference!.csl).toEqual({ id: 'smith2019', type: 'book', title: 'New title' });
    expect(reference!.parsedCsl?.title).toBe('Old');
  });
});
