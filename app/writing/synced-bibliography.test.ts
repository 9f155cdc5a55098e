import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { plugins } from '@citation-js/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignCitekeys } from '../citations/citekeys';
import { findDocumentCitations } from '../citations/document-citations';
import { importFile } from '../documents/import';
import { fromBibtexText } from '../export/citation-js';
import { useShippedStylesOffline } from '../export/seed-works.fixture';
import { citationRows } from '../store/citation-rows';
import type { LecternDb } from '../store/db';
import { saveImportedDocument } from '../store/documents-repo';
import { citekeysFor } from '../store/citekeys-repo';
import { openTestDb } from '../store/test-support';
import { libraryBibliography, type KeysFor } from './library-bibliography';
import { syncEntries, syncedBibliography, type SyncFormat } from './synced-bibliography';
import { pandocCites, pybtexKeys } from '../export/external-checks';

useShippedStylesOffline();

const SEEDS = ['001_94063d3630a703df.txt', '004_0b201c9d2cc86d46.txt', '002_3e439b9731b77bf4.txt'];

async function importSeed(db: LecternDb, name: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url)));
  const parsed = await importFile(name, bytes);
  if (!parsed.ok) throw new Error(parsed.error);
  await saveImportedDocument(db, parsed.value, citationRows(parsed.value.id, findDocumentCitations(parsed.value)));
}

/** Keys made from the entries alone, as the store makes them for a library that has none yet. */
const freshKeys: KeysFor = (entries) => Promise.resolve(assignCitekeys(entries.map((entry) => entry.csl)));

function tempFile(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'lectern-sync-')), name);
  writeFileSync(file, text);
  return file;
}

describe('the synced bibliography of the seed library', () => {
  let db: LecternDb;
  const files = new Map<SyncFormat, string>();
  let keys: string[] = [];

  beforeAll(async () => {
    db = await openTestDb();
    for (const seed of SEEDS) await importSeed(db, seed);
    for (const format of ['biblatex', 'bibtex', 'csl-json'] as const) {
      const built = await libraryBibliography(db, format, freshKeys);
      if (!built.ok) throw new Error(built.error);
      files.set(format, built.value.text);
    }
    keys = (JSON.parse(files.get('csl-json')!) as { id: string }[]).map((item) => item.id);
  }, 60_000);

  it('holds every source and every cited work once, sorted by key', () => {
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
    // Seed 001 lists four works; Kuvshinova 2017 is cited by 001 and only mentioned by 004.
    for (const work of ['bykov2017', 'smolina2017', 'yuvaldavis1997', 'kuvshinova2017']) expect(keys.filter((key) => key.startsWith(work)), work).toHaveLength(1);
    expect(keys.length).toBeGreaterThanOrEqual(SEEDS.length + 4);
  });

  it('writes the same bytes for an unchanged library', async () => {
    for (const format of ['biblatex', 'bibtex', 'csl-json'] as const) {
      const again = await libraryBibliography(db, format, freshKeys);
      expect(again.ok && again.value.text).toBe(files.get(format));
    }
  });

  it('parses in pybtex strict mode, BibTeX and BibLaTeX alike, with every key', () => {
    expect(pybtexKeys(files.get('bibtex')!)).toEqual(keys);
    expect(pybtexKeys(files.get('biblatex')!)).toEqual(keys);
  });

  it('resolves every key in pandoc --citeproc, from each format', () => {
    for (const [format, name] of [['biblatex', 'library.bib'], ['bibtex', 'library.bib'], ['csl-json', 'library.json']] as const) {
      const run = pandocCites(keys, tempFile(name, files.get(format)!));
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr, format).not.toMatch(/not found|warning/i);
      expect(run.stdout).not.toContain('???');
    }
  });

  it('is read back by citation-js with the same keys', () => {
    const read = plugins.input.chain(files.get('csl-json')!, { forceType: '@else/json', generateGraph: false, strict: true }) as { id: string }[];
    expect(read.map((item) => item.id)).toEqual(keys);
    expect(fromBibtexText(files.get('biblatex')!).map((item) => item.id)).toEqual(keys);
  });
});

describe('the synced file with stored keys', () => {
  it('keeps every key it wrote when another source is imported, and pins them', async () => {
    const db = await openTestDb();
    const stored: KeysFor = (entries) => citekeysFor(db, entries, { pin: true });
    await importSeed(db, SEEDS[0]!);
    const before = await libraryBibliography(db, 'csl-json', stored);
    if (!before.ok) throw new Error(before.error);
    const first = JSON.parse(before.value.text) as { id: string; title?: string }[];
    await importSeed(db, SEEDS[1]!);
    const after = await libraryBibliography(db, 'csl-json', stored);
    if (!after.ok) throw new Error(after.error);
    const second = JSON.parse(after.value.text) as { id: string; title?: string }[];
    // Every work of the first file is in the second under the same key; the new source is added.
    for (const item of first) expect(second.find((other) => other.id === item.id)?.title, item.id).toBe(item.title);
    expect(second.length).toBe(first.length + 1);
    expect(after.value.works).toBe(second.length);
    const rows = await db.citekeys.toArray();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.pinned)).toBe(true);
  }, 60_000);
});

describe('syncedBibliography', () => {
  it('writes one entry per key, the stored key winning over the item’s own', () => {
    const entries = [
      { owners: ['doc:a'], csl: { id: 'x', type: 'book', title: 'B', 'citation-key': 'other' } },
      { owners: ['work:b'], csl: { id: 'y', type: 'book', title: 'A' } },
      { owners: ['work:c'], csl: { id: 'z', type: 'book', title: 'C' } },
    ];
    const out = syncedBibliography(entries, ['zeta2020', 'alpha2019', 'zeta2020'], 'csl-json');
    expect(out.ok && JSON.parse(out.value)).toEqual([
      { id: 'alpha2019', type: 'book', title: 'A' },
      { id: 'zeta2020', type: 'book', title: 'B' },
    ]);
  });

  it('gives the owners of a cited work that is in the library to the document’s entry', () => {
    const work = { id: 'w', type: 'book', title: 'Gender and Nation', author: [{ family: 'Yuval-Davis', given: 'Nira' }], issued: { 'date-parts': [[1997]] } };
    const entries = syncEntries({
      documents: [{ id: 'd1', title: 'Gender and Nation', metadata: work }, { id: 'd2', title: 'Essay', metadata: { id: 'e', type: 'article', title: 'Essay' } }],
      references: [{ id: 'd2:yuvaldavis1997', docId: 'd2', index: 0, raw: 'Yuval-Davis, N. (1997) Gender and Nation.', csl: { ...work, id: 'yuvaldavis1997' } }],
      citations: [],
      works: [
        { id: 'imported-1', csl: { id: 'q', type: 'book', title: 'Q' }, sourceKey: 'q2001', origin: { fileName: 'refs.bib', format: 'bibtex' }, addedAt: 1, updatedAt: 1 },
        { id: 'imported-2', csl: { ...work, id: 'yd' }, sourceKey: 'yuval97', origin: { fileName: 'refs.bib', format: 'bibtex' }, addedAt: 1, updatedAt: 1 },
      ],
    });
    // The imported Yuval-Davis joins the cited work, which is the library's document d1.
    expect(entries.map((entry) => entry.owners)).toEqual([['doc:d1', 'ref:d2:yuvaldavis1997', 'work:imported-2'], ['doc:d2'], ['work:imported-1']]);
    expect(entries[2]?.csl.title).toBe('Q');
    expect(entries[2]?.sourceKey).toBe('q2001');
  });
});
