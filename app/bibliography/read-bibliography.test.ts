import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_BIBLIOGRAPHY_BYTES, readBibliography, type ReadBibliography } from './read-bibliography';

const utf8 = (text: string) => new TextEncoder().encode(text);

function read(fileName: string, text: string | Uint8Array): ReadBibliography {
  const result = readBibliography(fileName, typeof text === 'string' ? utf8(text) : text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

// As Zotero's BibTeX export writes it: braces around capitals, LaTeX accents, month macros, file and abstract fields.
const ZOTERO_BIBTEX = String.raw`
@incollection{yuval-davis_gender_1997,
	address = {London},
	title = {Gender and {Nation} (1993)},
	booktitle = {Space, {Gender}, {Knowledge}: {Feminist} {Readings}},
	publisher = {Arnold},
	author = {Yuval-Davis, Nira},
	editor = {Sharp, Joanne P. and McDowell, Linda},
	year = {1997},
	month = jan,
	pages = {403--408},
	file = {Full Text:/home/student/Zotero/storage/ABCD1234/Yuval-Davis.pdf:application/pdf},
	abstract = {Nations are gendered; 50\% of the argument is about women.},
}

@article{muller_grune_2019,
	title = {Gr{\"u}ne {Politik} und {\'E}cologie},
	journal = {Zeitschrift f{\"u}r Politik},
	author = {M{\"u}ller, J{\"o}rg and Caf{\'e}, Ren{\'{e}}},
	year = {2019},
	volume = {66},
	pages = {1--20},
	doi = {10.1000/xyz123},
}
`;

// Better BibTeX in BibLaTeX mode: date=, journaltitle=, a corporate author in double braces, @string macros.
const BETTER_BIBLATEX = String.raw`
@string{ers = {Ethnic and Racial Studies}}
@article{who2020,
  author = {{World Health Organization}},
  title = {Global Report on Reading},
  journaltitle = ers,
  date = {2020-03-15},
  urldate = {2021-01-02},
}
@online{lectern2021,
  author = {Doe, Jane},
  title = {A Page on the Web},
  date = {2021},
  url = {https://example.org/page},
}
`;

// JabRef: its comment block and groups, and Mendeley's escaped URL.
const JABREF = String.raw`% This file was created with JabRef 5.9.
% Encoding: UTF-8

@Book{Anderson1983,
  author    = {Benedict Anderson},
  title     = {Imagined Communities},
  publisher = {Verso},
  year      = {1983},
  groups    = {Nations},
  url       = {https://example.org/a\_b\%20c},
}

@Comment{jabref-meta: databaseType:bibtex;}

@Comment{jabref-meta: grouping:
0 AllEntriesGroup:;
1 StaticGroup:Nations\;0\;1\;\;\;\;;
}
`;

describe('readBibliography: BibTeX and BibLaTeX dialects', () => {
  it('reads Zotero BibTeX: accents, braces, month macros; file paths are dropped, abstracts kept', () => {
    const got = read('My Library.bib', ZOTERO_BIBTEX);
    expect(got.format).toBe('bibtex');
    expect(got.warnings).toEqual([]);
    expect(got.entries.map((e) => e.sourceKey)).toEqual(['yuval-davis_gender_1997', 'muller_grune_2019']);
    const [yuval, muller] = got.entries.map((e) => e.csl);
    expect(yuval?.type).toBe('chapter');
    expect(yuval?.title).toBe('Gender and Nation (1993)');
    expect(yuval?.['container-title']).toBe('Space, Gender, Knowledge: Feminist Readings');
    expect(yuval?.author).toEqual([{ family: 'Yuval-Davis', given: 'Nira' }]);
    expect(yuval?.issued).toEqual({ 'date-parts': [[1997, 1]] });
    expect(yuval?.file).toBeUndefined();
    expect(yuval?.abstract).toContain('50%');
    expect(muller?.title).toBe('Grüne Politik und Écologie');
    expect(muller?.author).toEqual([
      { family: 'Müller', given: 'Jörg' },
      { family: 'Café', given: 'René' },
    ]);
    expect(muller?.DOI).toBe('10.1000/xyz123');
  });

  it('reads Better BibTeX BibLaTeX: date, journaltitle through @string, a corporate author', () => {
    const got = read('refs.bib', BETTER_BIBLATEX);
    expect(got.format).toBe('biblatex');
    const [who, page] = got.entries.map((e) => e.csl);
    expect(who?.author).toEqual([{ literal: 'World Health Organization' }]);
    expect(who?.['container-title']).toBe('Ethnic and Racial Studies');
    expect(who?.issued).toEqual({ 'date-parts': [[2020, 3, 15]] });
    expect(page?.URL).toBe('https://example.org/page');
    expect(page?.issued).toEqual({ 'date-parts': [[2021]] });
  });

  it('reads JabRef: comment blocks and groups ignored; Mendeley URL escapes undone', () => {
    const got = read('jabref.bib', JABREF);
    expect(got.entries).toHaveLength(1);
    const book = got.entries[0]?.csl;
    expect(book?.title).toBe('Imagined Communities');
    expect(book?.URL).toBe('https://example.org/a_b%20c');
    expect(book?.groups).toBeUndefined();
    expect(got.warnings).toEqual([]);
  });

  it('skips a broken entry among good ones and names it; its neighbours import', () => {
    const text = `${ZOTERO_BIBTEX}\n@book{broken2001,\n  author = {Nobody, A.},\n  title = {Never closed\n}\n\n@book{after2002, author = {After, Ann}, title = {The Entry After}, year = 2002}\n`;
    const got = read('broken.bib', text);
    expect(got.entries.map((e) => e.sourceKey)).toEqual(['yuval-davis_gender_1997', 'muller_grune_2019', 'after2002']);
    expect(got.warnings).toHaveLength(1);
    expect(got.warnings[0]).toMatch(/^1 entry skipped: broken2001 at line \d+/u);
  });

  it('reads BibTeX in windows-1252 and UTF-16 with a byte-order mark', () => {
    const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
    const latin = Uint8Array.from([...ascii('@book{k, author = {M'), 0xfc, ...ascii('ller, Ann}, title = {Caf'), 0xe9, ...ascii('}, year = 1999}\n')]);
    expect(read('latin.bib', latin).entries[0]?.csl.title).toBe('Café');
    const text = '@book{k, author = {Müller, Ann}, title = {Über Bücher}, year = 1999}\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    expect(read('utf16.bib', utf16).entries[0]?.csl.title).toBe('Über Bücher');
  });

  it('reads the real .bib files R packages ship', () => {
    const rcpp = read('Rcpp.bib', readFileSync(new URL('../../tests/fixtures/bib/Rcpp--Rcpp.bib', import.meta.url)));
    expect(rcpp.entries.length).toBeGreaterThan(90);
    expect(rcpp.warnings).toEqual([]);
    const eddelbuettel = rcpp.entries.find((e) => e.sourceKey === 'Eddelbuettel:2013:Rcpp');
    expect(eddelbuettel?.csl.title).toMatch(/Seamless R and C\+\+ Integration with Rcpp/u);
    const plm = read('REFERENCES.bib', readFileSync(new URL('../../tests/fixtures/bib/plm--REFERENCES.bib', import.meta.url)));
    expect(plm.entries.length).toBeGreaterThan(300);
    for (const entry of plm.entries) expect(entry.csl.title ?? entry.csl.author).toBeTruthy();
  });
});

describe('readBibliography: RIS', () => {
  const ZOTERO_RIS = '\uFEFFTY  - CHAP\r\nTI  - Gender and Nation (1993)\r\nAU  - Yuval-Davis, Nira\r\nA2  - Sharp, Joanne P.\r\nT2  - Space, Gender, Knowledge\r\nCY  - London\r\nDA  - 1997///\r\nPY  - 1997\r\nSP  - 403\r\nEP  - 408\r\nPB  - Arnold\r\nER  - \r\n\r\n';
  const MENDELEY_RIS = 'TY  - JOUR\nAU  - Anderson, Benedict\nA1  - Gellner, Ernest\nY1  - 1983/05/02/\nT1  - Nations and Nationalism\nJO  - New Left Review\nSP  - 1\nEP  - 20\nID  - anderson83\nER  - \nTY  - JOUR\nER  - \n';

  it('reads Zotero RIS with a BOM and CRLF lines', () => {
    const got = read('export.ris', ZOTERO_RIS);
    expect(got.format).toBe('ris');
    const chapter = got.entries[0]?.csl;
    expect(chapter?.type).toBe('chapter');
    expect(chapter?.title).toBe('Gender and Nation (1993)');
    expect(chapter?.['container-title']).toBe('Space, Gender, Knowledge');
    expect(chapter?.issued).toEqual({ 'date-parts': [[1997]] });
    expect(chapter?.page).toBe('403-408');
  });

  it('reads Mendeley RIS: A1 beside AU, Y1 dates; an empty record is skipped with a warning', () => {
    const got = read('mendeley.txt', MENDELEY_RIS);
    expect(got.format).toBe('ris');
    expect(got.entries).toHaveLength(1);
    const article = got.entries[0];
    expect(article?.sourceKey).toBe('anderson83');
    expect(article?.csl.author?.map((a) => a.family)).toEqual(['Anderson', 'Gellner']);
    expect(article?.csl.issued).toEqual({ 'date-parts': [[1983, 5, 2]] });
    expect(article?.csl['container-title']).toBe('New Left Review');
    expect(got.warnings[0]).toMatch(/^1 entry skipped: record 2 \(no title/u);
  });
});

describe('readBibliography: CSL-JSON', () => {
  it("reads Zotero's CSL-JSON: date-parts as strings, raw dates, Zotero ids left as ids", () => {
    const items = [
      { id: 'http://zotero.org/users/1/items/ABCD', type: 'book', title: 'Imagined Communities', author: [{ family: 'Anderson', given: 'Benedict' }], issued: { 'date-parts': [['1983', '5']] } },
      { id: 'gellner1983', 'citation-key': 'gellner1983nations', type: 'book', title: 'Nations and Nationalism', author: [{ family: 'Gellner', given: 'Ernest' }], issued: { raw: '1983-02' } },
    ];
    const got = read('zotero.json', JSON.stringify(items, null, 2));
    expect(got.format).toBe('csl-json');
    expect(got.entries.map((e) => e.sourceKey)).toEqual([undefined, 'gellner1983nations']);
    expect(got.entries.map((e) => e.csl.issued)).toEqual([{ 'date-parts': [[1983, 5]] }, { 'date-parts': [[1983, 2]] }]);
    expect(got.entries.every((e) => e.csl.id === '')).toBe(true);
  });

  it('skips an item that is not an object, and one with nothing to cite', () => {
    const got = read('mixed.json', JSON.stringify([{ type: 'book', title: 'Kept' }, 42, { type: 'book' }]));
    expect(got.entries.map((e) => e.csl.title)).toEqual(['Kept']);
    expect(got.warnings[0]).toMatch(/^2 entries skipped: item 2 \(it is not an object\); item 3 \(no title/u);
  });
});

describe('readBibliography: bad files', () => {
  const error = (fileName: string, bytes: Uint8Array | string) => {
    const result = readBibliography(fileName, typeof bytes === 'string' ? utf8(bytes) : bytes);
    if (result.ok) throw new Error('expected an error');
    return result.error;
  };

  it('refuses binary, empty and unrecognised files with a message naming them', () => {
    expect(error('photo.bib', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]))).toMatch(/“photo\.bib”.*binary/u);
    expect(error('empty.bib', '')).toMatch(/“empty\.bib” is empty/u);
    expect(error('notes.txt', 'Just some notes about reading.\n')).toMatch(/“notes\.txt” is not a bibliography/u);
  });

  it('refuses a file over the size cap before decoding it', () => {
    expect(error('huge.bib', new Uint8Array(MAX_BIBLIOGRAPHY_BYTES + 1))).toMatch(/“huge\.bib” is larger than 32 MB/u);
  });

  it('refuses a file with more than 50,000 entries', () => {
    const many = '@misc{k,title={T}}\n'.repeat(60_001);
    expect(error('many.bib', many)).toMatch(/“many\.bib” holds more than 50,000 entries/u);
  });

  it('refuses deep, hostile or broken JSON', () => {
    expect(error('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toMatch(/“deep\.json”/u);
    expect(error('proto.json', '[{"type":"book","title":"x","__proto__":{"polluted":1}}]')).toMatch(/“proto\.json” holds data Lectern will not read/u);
    expect(error('cut.json', '[{"type":"book","title":"x"')).toMatch(/“cut\.json” is not valid JSON/u);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('skips an entry nested too deeply to read, keeping the others', () => {
    const deep = `@book{deep, title = {${'{'.repeat(200_000)}x${'}'.repeat(200_000)}}, year = 2001}\n@book{fine, title = {Fine}, author = {Ann, A.}, year = 2002}\n`;
    const got = read('deep.bib', deep);
    expect(got.entries.map((e) => e.sourceKey)).toEqual(['fine']);
    expect(got.warnings).toEqual(['1 entry skipped: deep at line 1 (its braces nest too deeply to read)']);
  });

  it('refuses a file whose every entry is broken, saying why', () => {
    expect(error('all-broken.bib', '@book{a, title = {Never closed\n')).toMatch(/“all-broken\.bib” holds no BibTeX entries Lectern could read \(1 could not be read: a at line 1/u);
  });
});
