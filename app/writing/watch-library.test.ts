import { describe, expect, it } from 'vitest';
import { citekeysFor } from '../store/citekeys-repo';
import { saveImportedDocument } from '../store/documents-repo';
import { openTestDb, sampleDocument } from '../store/test-support';
import { watchSyncSources } from './watch-library';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('watchSyncSources', () => {
  it('calls at once, on a new document and on a new key, not for another database, and not once stopped', async () => {
    const db = await openTestDb();
    const other = await openTestDb();
    let calls = 0;
    const stop = watchSyncSources(db, () => void (calls += 1));
    await settle();
    expect(calls).toBe(1);
    await saveImportedDocument(db, sampleDocument('a'));
    await settle();
    expect(calls).toBe(2);
    await citekeysFor(db, [{ owners: ['doc:x'], csl: { id: 'x', type: 'book', title: 'Theory', author: [{ family: 'Smith' }] } }]);
    await settle();
    expect(calls).toBe(3);
    await saveImportedDocument(other, sampleDocument('b'));
    await settle();
    expect(calls).toBe(3);
    stop();
    await saveImportedDocument(db, sampleDocument('c'));
    await settle();
    expect(calls).toBe(3);
  });
});
