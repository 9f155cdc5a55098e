/**
 * An imported bibliography goes out again as it came in: the works of Zotero, BibLaTeX, RIS and
 * CSL-JSON files, and of real R package .bib files, exported by Lectern's own export code under
 * their stored keys, parse in pybtex (strict), pandoc --citeproc and citation-js without edits.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CslItem } from '../documents/model';
import { fromBibtexText } from '../export/citation-js';
import { exportItems } from '../export/export';
import { citekeyOwner, citekeysFor } from '../store/citekeys-repo';
import { listWorks } from '../store/works-repo';
import { openTestDb } from '../store/test-support';
import { importBibliography } from './import-bibliography';
import { pandocCites, pybtexKeys } from '../export/external-checks';

const utf8 = (text: string) => new TextEncoder().encode(text);

const DIALECTS: Record<string, Uint8Array> = {
  'zotero.bib': utf8(String.raw`@incollection{yuval-davis_gender_1997,
	address = {London}, title = {Gender and {Nation}}, booktitle = {Space, {Gender}, {Knowledge}: {Feminist} {Readings}},
	publisher = {Arnold}, author = {Yuval-Davis, Nira}, editor = {Sharp, Joanne P. and McDowell, Linda}, year = {1997}, month = jan, pages = {403--408},
	file = {Full Text:/home/student/Zotero/storage/X/Y.pdf:application/pdf}, abstract = {Half of it, 50\%, is about {\"O}sterreich \& more.},
}
@article{muller_grune_2019, title = {Gr{\"u}ne {Politik} und {\'E}cologie}, journal = {Zeitschrift f{\"u}r Politik}, author = {M{\"u}ller, J{\"o}rg and Caf{\'e}, Ren{\'{e}}}, year = {2019}, volume = {66}, pages = {1--20}, doi = {10.1000/xyz123}}
`),
  'better.bib': utf8(String.raw`@string{ers = {Ethnic and Racial Studies}}
@article{who2020, author = {{World Health Organization}}, title = {Global Report on Reading}, journaltitle = ers, date = {2020-03-15}, urldate = {2021-01-02}}
@online{doe2021, author = {Doe, Jane}, title = {A Page on the Web \& Its Links}, date = {2021}, url = {https://example.org/a\_b\%20c?x=1&y=2}}
`),
  'mendeley.ris': utf8('TY  - JOUR\r\nAU  - Anderson, Benedict\r\nA1  - Gellner, Ernest\r\nY1  - 1983/05/02/\r\nT1  - Nations and Nationalism: 100% of {It}\r\nJO  - New Left Review\r\nSP  - 1\r\nEP  - 20\r\nID  - anderson83\r\nER  - \r\n'),
  'zotero.json': utf8(JSON.stringify([{ id: 'http://zotero.org/users/1/items/ABCD', type: 'book', title: 'Imagined Communities', author: [{ family: 'Anderson', given: 'Benedict' }], publisher: 'Verso', issued: { 'date-parts': [['1983']] } }, { id: 'x', 'citation-key': 'said1978orientalism', type: 'book', title: 'Orientalism', author: [{ family: 'Said', given: 'Edward W.' }], issued: { raw: '1978' } }])),
  'Rcpp.bib': new Uint8Array(readFileSync(new URL('../../tests/fixtures/bib/Rcpp--Rcpp.bib', import.meta.url))),
  'knitr-packages.bib': new Uint8Array(readFileSync(new URL('../../tests/fixtures/bib/knitr--knitr-packages.bib', import.meta.url))),
};

async function importedLibrary(): Promise<{ items: CslItem[]; keys: string[] }> {
  const db = await openTestDb();
  for (const [name, bytes] of Object.entries(DIALECTS)) {
    const done = await importBibliography(db, name, bytes);
    if (!done.ok) throw new Error(done.error);
  }
  const works = await listWorks(db);
  const keys = await citekeysFor(db, works.map((w) => ({ owners: [citekeyOwner.work(w.id)], csl: w.csl })), { pin: true });
  return { items: works.map((w) => w.csl), keys };
}

function exported(items: CslItem[], keys: string[], format: 'bibtex' | 'biblatex' | 'csl-json'): string {
  const out = exportItems(items, format, { citekeys: keys });
  if (!out.ok) throw new Error(out.error);
  return out.value;
}

describe('an imported bibliography exported again', () => {
  it('keeps the file keys and parses in pybtex strict (BibTeX and BibLaTeX), pandoc --citeproc and citation-js', async () => {
    const { items, keys } = await importedLibrary();
    expect(items.length).toBeGreaterThan(100);
    expect(new Set(keys.map((k) => k.toLowerCase())).size).toBe(keys.length);
    for (const key of ['yuval-davis_gender_1997', 'who2020', 'anderson83', 'said1978orientalism', 'Eddelbuettel:2013:Rcpp']) expect(keys).toContain(key);

    const dir = mkdtempSync(join(tmpdir(), 'lectern-bib-'));
    for (const format of ['bibtex', 'biblatex', 'csl-json'] as const) {
      const text = exported(items, keys, format);
      const file = join(dir, format === 'csl-json' ? 'refs.json' : `refs-${format}.bib`);
      writeFileSync(file, text);
      if (format !== 'csl-json') {
        expect(pybtexKeys(text), format).toEqual(keys);
        const back = fromBibtexText(text);
        expect(back.map((item) => item.id), format).toEqual(keys);
        const yuval = back.find((item) => item.id === 'yuval-davis_gender_1997');
        expect(yuval?.title).toBe('Gender and Nation');
        expect(back.find((item) => item.id === 'muller_grune_2019')?.title).toBe('Grüne Politik und Écologie');
        expect(back.find((item) => item.id === 'doe2021')?.URL).toBe('https://example.org/a_b%20c?x=1&y=2');
      } else {
        const back = JSON.parse(text) as CslItem[];
        expect(back.map((item) => item.id)).toEqual(keys);
      }
      const run = pandocCites(keys, file);
      expect(run.status, `${format}: ${run.stderr}`).toBe(0);
      expect(run.stderr, format).not.toMatch(/WARNING|not found/u);
      expect(run.stdout, format).toContain('Yuval-Davis');
      expect(run.stdout, format).toContain('World Health Organization');
    }
  }, 60_000);
});
