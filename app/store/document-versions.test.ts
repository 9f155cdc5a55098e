import { describe, expect, it } from 'vitest';
import { describeRange } from '../anchoring/describe';
import { importFile } from '../documents/import';
import { listAnnotationsByDoc, putAnnotation } from './annotations-repo';
import { findPreviousVersion, replaceWithNewVersion } from './document-versions';
import { getDocument, getDocumentContent, saveImportedDocument } from './documents-repo';
import { addToCollection, collectionDocIds, createCollection } from './collections-repo';
import { setTags } from './tags-repo';
import { openTestDb } from './test-support';

const paragraphs = [
  'Closeness is set in Nalchik in 1998, on the eve of the Second Chechen War.',
  'Ilana works as a mechanic in her father’s garage and refuses the role her community assigns her.',
  'The kidnapping of her brother David and his fiancée Lea sets the drama in motion.',
  'Balagov shot the film at twenty-six, with a boldness that surprised the critics at Cannes.',
];

async function parse(name: string, text: string) {
  const result = await importFile(name, new TextEncoder().encode(text));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

async function highlight(db: Awaited<ReturnType<typeof openTestDb>>, docId: string, text: string, phrase: string, id: string) {
  const start = text.indexOf(phrase);
  const { quote, position } = describeRange(text, start, start + phrase.length);
  await putAnnotation(db, { id, docId, selectors: [quote, position], color: 'yellow', noteJson: null, noteText: `note ${id}`, createdAt: 1, updatedAt: 1 });
}

describe('new versions of a document', () => {
  it('moves highlights with their text and keeps the ones whose text is gone as orphans', async () => {
    const db = await openTestDb();
    const v1 = await parse('review.txt', paragraphs.join('\n\n'));
    await saveImportedDocument(db, v1);
    await highlight(db, v1.id, v1.text, 'refuses the role her community assigns her', 'a');
    await highlight(db, v1.id, v1.text, 'with a boldness that surprised the critics', 'b');
    await highlight(db, v1.id, v1.text, 'The kidnapping of her brother David', 'c');

    const edited = ['An editor’s note: this review was revised in 2019.', paragraphs[0], paragraphs[1]!.replace('garage', 'workshop'), paragraphs[3]].join('\n\n');
    const v2 = await parse('review.txt', edited);
    expect(await findPreviousVersion(db, v2)).toBe(v1.id);
    await setTags(db, v1.id, ['thesis', 'chapter 2']);
    const collection = await createCollection(db, 'Caucasus cinema');
    await addToCollection(db, collection.id, [v1.id]);
    const result = await replaceWithNewVersion(db, v1.id, v2);
    expect((await getDocument(db, v2.id))?.tags).toEqual(['thesis', 'chapter 2']);
    expect(await collectionDocIds(db, collection.id)).toEqual([v2.id]);
    expect(result).toMatchObject({ id: v2.id, replacedId: v1.id, moved: 2, orphaned: 1 });

    expect(await getDocument(db, v1.id)).toBeUndefined();
    const content = await getDocumentContent(db, v2.id);
    const annotations = await listAnnotationsByDoc(db, v2.id);
    expect(annotations).toHaveLength(3);
    for (const annotation of annotations.filter((a) => a.id !== 'c')) {
      const position = annotation.selectors.find((s) => s.type === 'TextPositionSelector')!;
      const quote = annotation.selectors.find((s) => s.type === 'TextQuoteSelector')!;
      expect(content!.text.slice(position.start, position.end)).toBe(quote.exact);
    }
    const orphan = annotations.find((a) => a.id === 'c')!;
    expect(orphan.noteText).toBe('note c');
    expect(orphan.selectors.find((s) => s.type === 'TextQuoteSelector')?.exact).toBe('The kidnapping of her brother David');
  });

  it('does not take a different document with the same name for a new version', async () => {
    const db = await openTestDb();
    const first = await parse('download.txt', paragraphs.join('\n\n'));
    await saveImportedDocument(db, first);
    const other = await parse('download.txt', 'A completely different text about the history of the Kabardino-Balkarian State University and its programmes.');
    expect(await findPreviousVersion(db, other)).toBeNull();
    const same = await parse('download.txt', paragraphs.join('\n\n'));
    expect(await findPreviousVersion(db, same)).toBeNull();
  });
});
