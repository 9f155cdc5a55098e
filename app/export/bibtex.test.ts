import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { CslItem } from '../documents/model';
import { escapeTex } from './bibtex-fields';
import { fromBibtexText } from './citation-js';
import { exportItems } from './export';
import { CYRILLIC_WORK, seedWorksCited, useShippedStylesOffline } from './seed-works.fixture';
import { pythonWithPybtex } from './external-checks';

useShippedStylesOffline();


/** Parses BibTeX with pybtex in strict mode (errors raise); returns its entries as seen by pybtex. */
function pybtexStrict(bib: string): Record<string, { type: string; fields: Record<string, string>; persons: Record<string, string[]> }> {
  const script = [
    'import json, sys',
    'import pybtex.errors, pybtex.database',
    'pybtex.errors.set_strict_mode(True)',
    "data = pybtex.database.parse_string(sys.stdin.read(), 'bibtex')",
    'out = {k: {"type": e.type, "fields": dict(e.fields), "persons": {r: [str(p) for p in ps] for r, ps in e.persons.items()}} for k, e in data.entries.items()}',
    'print(json.dumps(out, ensure_ascii=False))',
  ].join('\n');
  const run = spawnSync(pythonWithPybtex(), ['-c', script], { input: bib, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pybtex rejected the BibTeX:\n${run.stderr}\n${bib}`);
  return JSON.parse(run.stdout) as ReturnType<typeof pybtexStrict>;
}

function bib(items: CslItem[], format: 'bibtex' | 'biblatex'): string {
  const result = exportItems(items, format);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** BibTeX has one @article for every kind of periodical, and no interview type (see bibtex-fields.ts). */
const TYPE_AFTER_BIBTEX: Record<string, string> = {
  'article-newspaper': 'article-journal',
  'article-magazine': 'article-journal',
  interview: 'article-journal',
};

/** The fields that matter in a citation, with page ranges compared dash-blind. */
function essentials(item: CslItem, typeMap: Record<string, string> = {}): Record<string, unknown> {
  return {
    type: typeMap[item.type] ?? item.type,
    title: item.title,
    author: item.author,
    editor: item.editor,
    issued: item.issued?.['date-parts'],
    'container-title': item['container-title'],
    page: item.page?.replace(/[–-]+/g, '-'),
    volume: item.volume,
    publisher: item.publisher,
    'publisher-place': item['publisher-place'],
  };
}

const ALL = (): CslItem[] => [...seedWorksCited(), CYRILLIC_WORK];

describe('BibTeX export', () => {
  it('is UTF-8: Cyrillic letters and curly quotes survive as themselves', () => {
    const text = bib(ALL(), 'bibtex');
    expect(text).toContain('author = {Кувшинова, Мария}');
    expect(text).toContain('«Теснота»: разговор с {Кантемиром} {Балаговым}');
    expect(text).toContain('title = {“{Tesnota}”: Mariia {Kuvshinova}');
    expect(text).not.toMatch(/\\["'`^~=.uvHckbdr]\{/);
  });

  it('labels entries with stable citekeys and types a chapter in an edited book as @incollection', () => {
    const text = bib(ALL(), 'bibtex');
    const labels = [...text.matchAll(/^@(\w+)\{([^,]+),/gm)].map((m) => `${m[1]}:${m[2]}`);
    expect(labels).toEqual(['article:bykov2017dve', 'article:kuvshinova2017tesnota', 'article:smolina2017udushe', 'incollection:yuvaldavis1997gender', 'article:kuvshinova2017tesnotaa']);
  });

  it('parses in pybtex strict mode with the same people and fields', () => {
    const entries = pybtexStrict(bib(ALL(), 'bibtex'));
    const yuval = entries.yuvaldavis1997gender!;
    expect(yuval.type).toBe('incollection');
    expect(yuval.persons).toEqual({ author: ['Yuval-Davis, Nira'], editor: ['Sharp, Joanne P.', 'McDowell, Linda'] });
    expect(yuval.fields).toMatchObject({ pages: '403--408', publisher: 'Arnold', address: 'London', year: '1997' });
    expect(entries.kuvshinova2017tesnotaa!.persons).toEqual({ author: ['Кувшинова, Мария'] });
    expect(entries.kuvshinova2017tesnotaa!.fields).toMatchObject({ journal: 'Сеанс', pages: '112--118' });
  });

  it('re-imports with citation-js to the same CSL', () => {
    const items = ALL();
    const back = fromBibtexText(bib(items, 'bibtex'));
    expect(back.map((item) => essentials(item))).toEqual(items.map((item) => essentials(item, TYPE_AFTER_BIBTEX)));
  });

  it('escapes what TeX treats as commands, and reads it back unchanged', () => {
    const item: CslItem = { id: 'x', type: 'book', title: 'Sound & Fury: 50% of #1_fans {sic} ~ ^ \\ $5', author: [{ literal: 'Smith & Sons' }], issued: { 'date-parts': [[2001]] }, URL: 'https://example.org/a_b%20c#d' };
    const text = bib([item], 'bibtex');
    expect(text).toContain('url = {https://example.org/a_b%20c#d}');
    expect(escapeTex('50% & #1_a {b}')).toBe('50\\% \\& \\#1\\_a \\{b\\}');
    pybtexStrict(text);
    const [back] = fromBibtexText(text);
    expect(back?.title).toBe(item.title);
    // BibTeX keeps an institutional name as one braced family name.
    expect(back?.author).toEqual([{ family: 'Smith & Sons' }]);
    expect(back?.URL).toBe(item.URL);
  });
});

describe('BibLaTeX export', () => {
  it('uses BibLaTeX fields and full dates, in UTF-8', () => {
    const text = bib(ALL(), 'biblatex');
    expect(text).toContain('@article{bykov2017dve,');
    expect(text).toContain('date = {2017-05-30}');
    expect(text).toContain('journaltitle = {Сеанс}');
    expect(text).toMatch(/@incollection\{yuvaldavis1997gender,[^@]*location = \{London\}/);
  });

  it('parses as BibTeX syntax in pybtex strict mode', () => {
    expect(Object.keys(pybtexStrict(bib(ALL(), 'biblatex')))).toEqual(['bykov2017dve', 'kuvshinova2017tesnota', 'smolina2017udushe', 'yuvaldavis1997gender', 'kuvshinova2017tesnotaa']);
  });

  it('re-imports with citation-js to the same CSL', () => {
    const items = ALL();
    const back = fromBibtexText(bib(items, 'biblatex'));
    expect(back.map((item) => essentials(item))).toEqual(items.map((item) => essentials(item, TYPE_AFTER_BIBTEX)));
  });
});
