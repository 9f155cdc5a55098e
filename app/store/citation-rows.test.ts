import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDocumentCitations } from '../citations/document-citations';
import { importFile } from '../documents/import';
import { citationRows } from './citation-rows';
import { listCitations, listReferences, saveImportedDocument } from './documents-repo';
import { openTestDb } from './test-support';

const seed001 = new URL('../../../shared/seeds/001_94063d3630a703df.txt', import.meta.url);

describe('citation rows', () => {
  it('stores seed 001 with its four references and linked citations in one import', async () => {
    const parsed = await importFile('001.txt', new Uint8Array(readFileSync(seed001)));
    if (!parsed.ok) throw new Error(parsed.error);
    const doc = parsed.value;
    const rows = citationRows(doc.id, findDocumentCitations(doc));
    const db = await openTestDb();
    await saveImportedDocument(db, doc, rows);
    const references = await listReferences(db, doc.id);
    expect(references.map((r) => r.csl.id)).toEqual(['bykov2017', 'kuvshinova2017', 'smolina2017', 'yuvaldavis1997']);
    expect(references.every((r) => r.id.startsWith(`${doc.id}:`))).toBe(true);
    const citations = await listCitations(db, doc.id);
    const yuval = citations.find((c) => doc.text.slice(c.start, c.end) === '(Yuval-Davis 1997: 405)');
    expect(yuval?.referenceIds).toEqual([`${doc.id}:yuvaldavis1997`]);
    expect(yuval?.locator).toBe('405');
    expect(citations.filter((c) => c.kind !== 'mention')).toHaveLength(4);
  });
});
