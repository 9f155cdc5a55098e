import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findDocumentCitations } from '../../../app/citations/document-citations';
import { importFile } from '../../../app/documents/import';
import { citationRows } from '../../../app/store/citation-rows';
import type { LecternDb } from '../../../app/store/db';
import { saveImportedDocument } from '../../../app/store/documents-repo';
import { openTestDb } from '../../../app/store/test-support';
import type { BibliographyFileChoice } from '../../../app/ipc/contract';
import type { Platform, PlatformResult } from '../../platform';
import { fakePlatform } from '../services/test-support';
import { createBibliographySync, type BibliographySync } from './bibliography-sync';

async function importSeed(db: LecternDb, name: string): Promise<void> {
  const parsed = await importFile(name, new Uint8Array(readFileSync(new URL(`../../../../shared/seeds/${name}`, import.meta.url))));
  if (!parsed.ok) throw new Error(parsed.error);
  await saveImportedDocument(db, parsed.value, citationRows(parsed.value.id, findDocumentCitations(parsed.value)));
}

/** A desktop platform whose bibliography file is an array of writes. */
function desktop(failWith?: string) {
  const writes: string[] = [];
  let choice: BibliographyFileChoice | null = null;
  const platform: Platform = {
    ...fakePlatform(),
    kind: 'electron',
    bibliography: {
      automatic: true,
      choose: (format) => {
        choice = { path: '/home/student/paper/refs.bib', format };
        return Promise.resolve({ ok: true, value: { path: choice.path } });
      },
      current: () => Promise.resolve({ ok: true, value: choice }),
      write: (data): Promise<PlatformResult<void>> => {
        if (failWith) return Promise.resolve({ ok: false, error: failWith });
        writes.push(data);
        return Promise.resolve({ ok: true, value: undefined });
      },
      forget: () => {
        choice = null;
        return Promise.resolve({ ok: true, value: undefined });
      },
    },
  };
  return { platform, writes };
}

const keysOf = (bib: string) => [...bib.matchAll(/^@\w+\{([^,\s]+),/gm)].map((m) => m[1]!);

let sync: BibliographySync | null = null;
afterEach(() => sync?.stop());

describe('the bibliography sync on the desktop', () => {
  it('writes the chosen file at once, again when the library changes, and not when nothing did', async () => {
    const db = await openTestDb();
    await importSeed(db, '001_94063d3630a703df.txt');
    const { platform, writes } = desktop();
    const notices = { info: vi.fn(), error: vi.fn(), storageError: vi.fn() };
    sync = createBibliographySync(db, platform, notices, { debounceMs: 50 });
    const chosen = await sync.choose('biblatex');
    expect(chosen.ok).toBe(true);
    expect(writes).toHaveLength(1);
    expect(keysOf(writes[0]!)).toHaveLength(5);
    expect(sync.status()).toMatchObject({ choice: { path: '/home/student/paper/refs.bib', format: 'biblatex' }, works: 5 });

    // The keys pinned by that write, and the watch's first look, change nothing in the file.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(writes).toHaveLength(1);

    await importSeed(db, '002_3e439b9731b77bf4.txt');
    await vi.waitFor(() => expect(writes).toHaveLength(2), { timeout: 10_000 });
    const before = keysOf(writes[0]!);
    const after = keysOf(writes[1]!);
    for (const key of before) expect(after).toContain(key);
    expect(after.length).toBeGreaterThan(before.length);
    expect(notices.error).not.toHaveBeenCalled();

    await sync.forget();
    await importSeed(db, '004_0b201c9d2cc86d46.txt');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(writes).toHaveLength(2);
  });

  it('tells a failing write once, however often it fails', async () => {
    const db = await openTestDb();
    await importSeed(db, '001_94063d3630a703df.txt');
    const { platform } = desktop('Lectern could not write “refs.bib”: the location is read-only; choose another folder.');
    const notices = { info: vi.fn(), error: vi.fn(), storageError: vi.fn() };
    sync = createBibliographySync(db, platform, notices, { debounceMs: 20 });
    expect((await sync.choose('bibtex')).ok).toBe(false);
    expect((await sync.writeNow()).ok).toBe(false);
    expect(notices.error).toHaveBeenCalledTimes(1);
    expect(sync.status().error).toMatch(/read-only/);
  });

  it('stays off, and throws nothing, when the platform cannot say which file was chosen', async () => {
    const db = await openTestDb();
    const { platform } = desktop();
    const broken: Platform = {
      ...platform,
      bibliography: {
        ...platform.bibliography,
        current: () => {
          throw new TypeError('bridge.getBibliographyFile is not a function');
        },
      },
    };
    const notices = { info: vi.fn(), error: vi.fn(), storageError: vi.fn() };
    sync = createBibliographySync(db, broken, notices, { debounceMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sync.status().choice).toBeNull();
  });
});

describe('the bibliography sync on the web', () => {
  it('downloads only when asked', async () => {
    const db = await openTestDb();
    await importSeed(db, '001_94063d3630a703df.txt');
    const platform = fakePlatform();
    const notices = { info: vi.fn(), error: vi.fn(), storageError: vi.fn() };
    sync = createBibliographySync(db, platform, notices, { debounceMs: 20 });
    await sync.choose('csl-json');
    await importSeed(db, '002_3e439b9731b77bf4.txt');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(platform.saved).toEqual([]);
    const written = await sync.writeNow();
    expect(written.ok && written.value.works).toBeGreaterThan(5);
    expect(platform.saved.map((file) => file.name)).toEqual(['library.json']);
    expect((JSON.parse(platform.saved[0]?.data as string) as unknown[]).length).toBe(written.ok ? written.value.works : -1);
  });
});
