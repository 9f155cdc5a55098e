import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from './import';
import type { CslItem } from './model';
import { extractTextMetadata } from './text-metadata';

const seedBytes = (name: string) => new Uint8Array(readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url)));
const expected = JSON.parse(readFileSync(new URL('../../../shared/expected/seed-citations.json', import.meta.url), 'utf8')) as {
  documents: Record<string, { metadata: Record<string, unknown> }>;
};

/** A field of the expected file: a value, null (must be absent), or { acceptable: [...] }. */
function expectField(actual: unknown, wanted: unknown): void {
  if (wanted === null) {
    expect(actual).toBeUndefined();
  } else if (typeof wanted === 'object' && wanted !== null && 'acceptable' in wanted) {
    const options = (wanted as { acceptable: unknown[] }).acceptable.map((o) => (o === null ? undefined : o));
    expect(options).toContainEqual(actual);
  } else {
    expect(actual).toEqual(wanted);
  }
}

async function metadataOf(name: string): Promise<{ metadata: CslItem; titleIsFallback: boolean; id: string }> {
  const result = await importFile(name, seedBytes(name));
  if (!result.ok) throw new Error(result.error);
  return { metadata: result.value.metadata, titleIsFallback: result.value.provenance.titleIsFallback, id: result.value.id };
}

describe('metadata of the seed documents', () => {
  it.each(['001_94063d3630a703df.txt', '002_3e439b9731b77bf4.txt', '003_79ae931a7f31934e.txt', '004_0b201c9d2cc86d46.txt'])(
    'matches what a careful reader finds in %s',
    async (name) => {
      const { metadata, titleIsFallback, id } = await metadataOf(name);
      const wanted = expected.documents[name]?.metadata ?? {};
      for (const [field, value] of Object.entries(wanted)) expectField(metadata[field], value);
      expect(titleIsFallback).toBe(false);
      expect(metadata.id).toBe(id);
    },
  );

  it('invents nothing for seed 000: the file name stands in for the title, flagged, and no author', async () => {
    const { metadata, titleIsFallback } = await metadataOf('000_62b2ac4b49efefbf.txt');
    expect(metadata.title).toBe('000_62b2ac4b49efefbf');
    expect(titleIsFallback).toBe(true);
    expect(metadata.author).toBeUndefined();
    expect(metadata.issued).toBeUndefined();
  });
});

describe('extractTextMetadata cues', () => {
  const extract = (lines: string[]) => extractTextMetadata({ id: 'doc', fileName: 'notes.txt', lines }).metadata;
  const body = 'A'.repeat(40) + ' ' + 'long paragraph of running prose that goes on well past any title, as body text does in an article.';

  it('reads a "By" byline with several authors and a date under the headline', () => {
    const metadata = extract(['Cinema of the Caucasus', 'By Anna van der Berg and J. R. Smith', 'March 3, 2019', body]);
    expect(metadata.title).toBe('Cinema of the Caucasus');
    expect(metadata.author).toEqual([
      { given: 'Anna', family: 'Berg', 'non-dropping-particle': 'van der' },
      { given: 'J. R.', family: 'Smith' },
    ]);
    expect(metadata.issued).toEqual({ 'date-parts': [[2019, 3, 3]] });
  });

  it('takes a signature after the last paragraph when there is no byline', () => {
    const metadata = extract(['On closeness', body, body, 'Daria Ezerova', 'Yale University']);
    expect(metadata.author).toEqual([{ given: 'Daria', family: 'Ezerova' }]);
  });

  it('does not take a label or a section name for a signature', () => {
    expect(extract(['On closeness', body, 'Read more', 'Other story']).author).toBeUndefined();
    expect(extract(['On closeness', body, 'Works Cited', 'Bykov, Dmitrii. 2017.']).author).toBeUndefined();
  });

  it('does not take a byline-like sentence for a byline', () => {
    expect(extract(['Title here', 'By the time he was twenty, Balagov had made two films.', body]).author).toBeUndefined();
  });

  it('falls back to the file name when the text opens with prose', () => {
    const result = extractTextMetadata({ id: 'doc', fileName: 'dir/My notes.v2.txt', lines: [body, body] });
    expect(result.metadata.title).toBe('My notes.v2');
    expect(result.provenance.titleIsFallback).toBe(true);
    expect(result.titleBlock).toBeUndefined();
  });

  it('prefers stated metadata (front matter) over cues', () => {
    const result = extractTextMetadata({
      id: 'doc',
      fileName: 'a.md',
      lines: ['Heading', 'By Roger Moore', body],
      stated: { title: 'Stated title', author: [{ literal: 'Lectern Club' }] },
    });
    expect(result.metadata.title).toBe('Stated title');
    expect(result.metadata.author).toEqual([{ literal: 'Lectern Club' }]);
    expect(result.provenance.titleIsFallback).toBe(false);
  });
});

describe('choosing the title among the head lines', () => {
  const body = (words: string) =>
    `${words} ${'and the students who read it wrote down what they saw in the film and in the town '.repeat(3)}${words}.`;

  it('prefers the line whose words the rest of the text uses, in any case and script', () => {
    const english = extractTextMetadata({
      id: 'x',
      fileName: 'page.txt',
      lines: ['Breaking News Today', 'The CLOSENESS of Families', body('the closeness of such families'), body('closeness and families again')],
    });
    expect(english.titleBlock).toBe(1);
    const russian = extractTextMetadata({
      id: 'y',
      fileName: 'page.txt',
      lines: ['Новости культуры', 'ТЕСНОТА семьи Балагова', body('теснота семьи Балагова'), body('теснота и семьи')],
    });
    expect(russian.titleBlock).toBe(1);
  });
});
