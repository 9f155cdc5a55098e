// Storing a drop's files in batches must give every file the outcome it would have had stored on
// its own: the same new documents, the same earlier versions replaced (also one earlier in the
// same batch), the same copies found, and the same error for a file whose write is refused, with
// the rest of the batch still stored.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../app/anchoring/describe';
import { putAnnotation } from '../../../app/store/annotations-repo';
import { openLecternDb, type LecternDb } from '../../../app/store/db';
import { parseOne, storeBatch, storeOne, type ParsedFile } from './import-file';
import type { FileOutcome } from './protocol';

const context = { sanitizeHtml: (html: string) => Promise.resolve(html) };

function freshDb(): LecternDb {
  return openLecternDb({ name: 'batch', indexedDB: new IDBFactory(), IDBKeyRange });
}

const paragraphs = (topic: string) => [
  `${topic}: a review`,
  `The first part of the review of ${topic} sets out the question and the sources it reads (Smith, 2001).`,
  `The second part of the review of ${topic} weighs the evidence against the earlier readings of it.`,
  `The third part of the review of ${topic} concludes, and says what is left for a later study to do.`,
  'References',
  'Smith, J. (2001). A Study of Reviews. Journal of Studies, 1, 1–2.',
];

async function parsed(name: string, text: string): Promise<ParsedFile> {
  const result = await parseOne(name, new Blob([text]), context);
  if (!result.ok) throw new Error(JSON.stringify(result.outcome));
  return result.file;
}

/** A library holding two documents, the first with a highlight; and the files of a drop onto it. */
async function scenario(db: LecternDb) {
  const film = await parsed('film.txt', paragraphs('the film').join('\n\n'));
  const book = await parsed('book.txt', paragraphs('the book').join('\n\n'));
  await storeOne(db, film);
  await storeOne(db, book);
  const { quote, position } = describeRange(film.doc.text, film.doc.text.indexOf('weighs the evidence'), film.doc.text.indexOf('weighs the evidence') + 19);
  await putAnnotation(db, { id: 'h1', docId: film.doc.id, selectors: [quote, position], color: 'yellow', noteJson: null, noteText: 'mine', createdAt: 1, updatedAt: 1 });
  const edited = (topic: string, note: string) => [paragraphs(topic)[0], note, ...paragraphs(topic).slice(1)].join('\n\n');
  return [
    await parsed('essay.txt', paragraphs('the essay').join('\n\n')),
    // A new version of a document in the library, with a highlight to move.
    await parsed('film.txt', edited('the film', 'Revised in 2020.')),
    // The same bytes as a document in the library, under another name.
    await parsed('book copy.txt', paragraphs('the book').join('\n\n')),
    // A new version of the essay, the first file of this same drop.
    await parsed('essay.txt', edited('the essay', 'A second edition.')),
  ];
}

/** What a library holds, without the times a run stamps on its rows. */
async function contents(db: LecternDb) {
  const documents = (await db.documents.toArray()).map(({ addedAt: _added, updatedAt: _updated, ...row }) => row);
  const annotations = (await db.annotations.toArray()).map(({ updatedAt: _updated, ...row }) => row);
  return { documents, annotations, references: await db.references.toArray(), citations: await db.citations.toArray(), texts: await db.contents.toArray() };
}

describe('storing a drop in batches', () => {
  it('gives each file the outcome, and the library the rows, of storing the files one by one', async () => {
    const one = freshDb();
    const each: FileOutcome[] = [];
    for (const file of await scenario(one)) each.push(await storeOne(one, file));

    const batch = freshDb();
    const together = await storeBatch(batch, await scenario(batch));

    expect(together).toEqual(each);
    expect(together.map((o) => (o.ok ? [o.name, o.created, o.replaced?.moved ?? null] : o.error))).toEqual([
      ['essay.txt', true, null],
      ['film.txt', true, 1],
      ['book copy.txt', false, null],
      ['essay.txt', true, 0],
    ]);
    expect(await contents(batch)).toEqual(await contents(one));
    expect(await batch.documents.count()).toBe(3);
  });

  it('stores the rest of a batch when one file’s write is refused, and gives that file its error', async () => {
    const db = freshDb();
    const owner = await parsed('owner.txt', paragraphs('the owner').join('\n\n'));
    await storeOne(db, owner);
    const files = await scenario(db);
    // A reference id another document owns: the store refuses it rather than overwrite the row.
    const intruder = await parsed('intruder.txt', paragraphs('the intruder').join('\n\n'));
    const clash: ParsedFile = { ...intruder, options: { ...intruder.options, references: (await db.references.where('docId').equals(owner.doc.id).toArray()).map(({ docId: _doc, ...r }) => r) } };
    const outcomes = await storeBatch(db, [files[0]!, clash, files[1]!]);

    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1]).toMatchObject({ name: 'intruder.txt', ok: false, error: expect.stringContaining('“intruder.txt” was not saved') as unknown });
    expect(await db.documents.get(intruder.doc.id)).toBeUndefined();
    expect(await db.contents.get(intruder.doc.id)).toBeUndefined();
    expect(await db.documents.get(files[0]!.doc.id)).toBeDefined();
    expect(outcomes[2]).toMatchObject({ ok: true, replaced: { moved: 1, orphaned: 0 } });
    expect((await db.annotations.get('h1'))?.docId).toBe(files[1]!.doc.id);
  });
});
