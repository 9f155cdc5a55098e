import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAnnotationsByDoc } from '../../../app/store/annotations-repo';
import { listDocuments, saveImportedDocument } from '../../../app/store/documents-repo';
import { sampleDocument } from '../../../app/store/test-support';
import { highlightActions } from '../highlights/actions';
import type { Services } from '../services/services';
import { createTestServices } from '../services/test-support';
import { trashDocument, trashQuestion, type LibraryWrites } from './library-actions';

let services: Services;
let searched: string[];
let trashed: string[];
let writes: LibraryWrites;

beforeEach(async () => {
  services = await createTestServices();
  searched = [];
  trashed = [];
  const { database, notices } = services;
  writes = {
    database,
    notify: notices.info,
    onError: notices.error,
    onTrashed: (docId) => trashed.push(docId),
    search: { documentAdded: (id) => searched.push(`added ${id}`), documentRemoved: (id) => searched.push(`removed ${id}`) },
  };
});
afterEach(() => services.database.close());

describe('library actions over the services', () => {
  it('moves a document and its highlight to the trash, and Undo brings both back', async () => {
    const doc = sampleDocument('a');
    await saveImportedDocument(services.database, doc);
    const highlight = await highlightActions(services).create(doc.id, doc.text, 0, 7, 'yellow');
    const [summary] = await listDocuments(services.database);
    expect(await trashQuestion(services.database, summary!)).toBe('Move “Reading notes a” and its 1 highlight to the Trash? You can restore it for 30 days.');

    await trashDocument(summary!, writes);
    expect(await listDocuments(services.database)).toEqual([]);
    expect(trashed).toEqual([doc.id]);
    expect(searched).toEqual([`removed ${doc.id}`]);
    const [notice] = services.notices.list();
    expect(notice).toMatchObject({ tone: 'info', text: 'Moved “Reading notes a” to the Trash.', action: { label: 'Undo' } });

    notice!.action!.run();
    await expect.poll(async () => (await listDocuments(services.database)).map((item) => item.id)).toEqual([doc.id]);
    expect((await listAnnotationsByDoc(services.database, doc.id)).map((item) => item.id)).toEqual([highlight!.id]);
    expect(searched).toEqual([`removed ${doc.id}`, `added ${doc.id}`]);
  });

  it('reports a write that fails as a sentence in the notices', async () => {
    const doc = sampleDocument('b');
    await saveImportedDocument(services.database, doc);
    const [summary] = await listDocuments(services.database);
    services.database.close();
    await trashDocument(summary!, writes);
    expect(services.notices.list().map((item) => [item.tone, item.text])).toEqual([['error', 'The library was closed while saving. Reopen Lectern and try again.']]);
    expect(trashed).toEqual([]);
  });
});
