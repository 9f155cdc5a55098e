import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCitedWorks } from '../citations/cited-works';
import { findDocumentCitations } from '../citations/document-citations';
import { importFile } from '../documents/import';
import type { CslItem } from '../documents/model';
import { citationRows } from '../store/citation-rows';
import { citedWorkRequest, citekeyOwner, citekeysFor, type CitekeyRequest } from '../store/citekeys-repo';
import type { LecternDb } from '../store/db';
import { saveImportedDocument } from '../store/documents-repo';
import { openTestDb } from '../store/test-support';
import { fromBibtexText } from './citation-js';
import { exportItems } from './export';
import { pandocCites, pybtexKeys } from './external-checks';

const SEEDS = new URL('../../../shared/seeds/', import.meta.url);
const MULTCOMP = new URL('../../tests/e2e/files/multcomp--generalsiminf.pdf', import.meta.url);

async function addFile(db: LecternDb, name: string, bytes: Uint8Array): Promise<void> {
  const parsed = await importFile(name, bytes);
  if (!parsed.ok) throw new Error(parsed.error);
  const rows = citationRows(parsed.value.id, findDocumentCitations(parsed.value));
  await saveImportedDocument(db, parsed.value, rows);
}

/** What the export dialog writes for "every document" plus "the Cited Works index": items and their stored keys. */
async function libraryWorks(db: LecternDb): Promise<{ items: CslItem[]; requests: CitekeyRequest[] }> {
  const documents = await db.documents.toArray();
  const cited = buildCitedWorks({ documents, references: await db.references.toArray(), citations: await db.citations.toArray() });
  return {
    items: [...documents.map((doc) => doc.metadata), ...cited.map((work) => work.csl)],
    requests: [...documents.map((doc) => ({ owners: [citekeyOwner.doc(doc.id)], csl: doc.metadata })), ...cited.map((work) => citedWorkRequest(work))],
  };
}

function exported(items: CslItem[], format: 'bibtex' | 'biblatex', citekeys: string[]): string {
  const result = exportItems(items, format, { citekeys });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Pandoc's citeproc over "[@key]" for every key, the bibliography written to a file first. */
function pandocCitesText(bib: string, extension: 'bib' | 'bibtex', keys: string[]): { stderr: string; stdout: string; status: number | null } {
  const file = join(mkdtempSync(join(tmpdir(), 'lectern-keys-')), `library.${extension}`);
  writeFileSync(file, bib);
  return pandocCites(keys, file);
}

describe('stored citation keys leave Lectern and come back unchanged', () => {
  it(
    'a library of the five seeds and a PDF’s reference list: pybtex (strict), pandoc --citeproc and citation-js read every key',
    async () => {
      const db = await openTestDb();
      for (const name of readdirSync(SEEDS).sort()) await addFile(db, name, new Uint8Array(readFileSync(new URL(name, SEEDS))));
      await addFile(db, 'multcomp--generalsiminf.pdf', new Uint8Array(readFileSync(MULTCOMP)));

      const { items, requests } = await libraryWorks(db);
      const keys = await citekeysFor(db, requests, { pin: true });
      expect(items.length).toBeGreaterThan(20);
      expect(new Set(keys.map((key) => key.toLowerCase())).size).toBe(keys.length);
      expect(keys).toEqual(expect.arrayContaining(['yuvaldavis1997gender', 'kuvshinova2017tesnota', 'bykov2017dve', 'smolina2017udushe']));
      for (const key of keys) expect(key).toMatch(/^[a-z]+(?:\d{4}|nd)[a-z]*$/);

      for (const format of ['bibtex', 'biblatex'] as const) {
        const bib = exported(items, format, keys);
        expect(pybtexKeys(bib), format).toEqual(keys);
        expect(fromBibtexText(bib).map((item) => item.id), format).toEqual(keys);
        const cited = pandocCitesText(bib, format === 'bibtex' ? 'bibtex' : 'bib', keys);
        expect(cited.status, cited.stderr).toBe(0);
        expect(cited.stderr, format).not.toMatch(/not found|Citeproc/i);
        expect(cited.stdout).not.toContain('???');
      }

      // Another source comes in: every key given before stays as it was.
      await addFile(db, 'later.md', new TextEncoder().encode('# Gender again\n\nAs argued before (Yuval-Davis 1997).\n\n## References\n\nYuval-Davis, Nira. 1997. Gender and Nation. London: Sage.\n\nSmith, Ann. 2001. Earlier Work. London: Verso.\n'));
      const after = await libraryWorks(db);
      const again = await citekeysFor(db, after.requests, { pin: true });
      const before = new Map(requests.map((request, i) => [request.owners.join(' '), keys[i]]));
      for (const [i, request] of after.requests.entries()) {
        const old = [...before.entries()].find(([owners]) => request.owners.some((owner) => owners.split(' ').includes(owner)))?.[1];
        if (old !== undefined) expect(again[i], request.owners.join(' ')).toBe(old);
      }
      expect(new Set(again).size).toBe(again.length);
      db.close();
    },
    120_000,
  );
});
