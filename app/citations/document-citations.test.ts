import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../documents/model';
import { importFile } from '../documents/import';
import { findDocumentCitations, referenceIds } from './document-citations';
import { HOSTILE_DOCUMENTS } from './hostile-inputs';
import { lineBlocksOf } from './test-support';

const expected = JSON.parse(readFileSync(new URL('../../../shared/expected/seed-citations.json', import.meta.url), 'utf8')) as {
  documents: Record<string, { inTextCitations: Array<{ text: string; cites?: string; locator?: string }>; worksCited?: Array<{ id: string; raw: string }> }>;
};

async function seed(name: string) {
  const result = await importFile(name, new Uint8Array(readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url))));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('findDocumentCitations', () => {
  it('gives seed 001 its four references, four linked citations and one mention', async () => {
    const doc = await seed('001_94063d3630a703df.txt');
    const found = findDocumentCitations(doc);
    const facts = expected.documents['001_94063d3630a703df.txt'];
    expect(found.references.map((r) => r.id)).toEqual(['bykov2017', 'kuvshinova2017', 'smolina2017', 'yuvaldavis1997']);
    expect(found.references.map((r) => r.raw)).toEqual(facts?.worksCited?.map((w) => w.raw));
    expect(found.references[3]?.csl.author?.[0]?.family).toBe('Yuval-Davis');
    const cited = found.citations.filter((c) => c.kind !== 'mention');
    expect(cited.map((c) => ({ text: c.text, cites: c.referenceIds[0], ...(c.locator ? { locator: c.locator } : {}) }))).toEqual(facts?.inTextCitations);
    for (const c of found.citations) {
      expect(doc.text.slice(c.start, c.end)).toBe(c.text);
      expect(c.id).toBe(`${doc.id}:${c.start}`);
    }
    const mentions = found.citations.filter((c) => c.kind === 'mention');
    expect(mentions.map((m) => [m.text, m.referenceIds])).toEqual([['Mariia Kuvshinova', ['kuvshinova2017']]]);
    expect(found.heading?.text).toBe('Works Cited');
  });

  it('finds no citations in seeds 000, 002 and 004, and only the footnote marker in 003', async () => {
    for (const name of ['000_62b2ac4b49efefbf.txt', '002_3e439b9731b77bf4.txt', '004_0b201c9d2cc86d46.txt']) {
      expect(findDocumentCitations(await seed(name)), name).toEqual({ references: [], citations: [] });
    }
    const doc = await seed('003_79ae931a7f31934e.txt');
    const found = findDocumentCitations(doc);
    expect(found.citations.map((c) => [c.kind, doc.text.slice(c.start - 6, c.end)])).toEqual([['footnote', 'period1']]);
    expect(found.citations[0]?.unresolved).toBeUndefined();
  });

  it('letters clashing citekeys and links suffixed citations to them', () => {
    const lines = [
      'Two studies (Smith 2019a; Smith 2019b) and one more (Lee 2020) agree.',
      'References',
      'Smith, John. 2019. A first title. Oxford: Clarendon Press.',
      'Smith, John. 2019. A second title. Oxford: Clarendon Press.',
      'Lee, Kim. 2020. A third title. London: Verso.',
    ];
    const text = lines.join('\n');
    const blocks: Block[] = [];
    let pos = 0;
    for (const line of lines) {
      blocks.push({ kind: line === 'References' ? 'heading' : 'paragraph', level: 2, start: pos, end: pos + line.length });
      pos += line.length + 1;
    }
    const found = findDocumentCitations({ id: 'doc', text, blocks });
    expect(found.references.map((r) => r.id)).toEqual(['smith2019a', 'smith2019b', 'lee2020']);
    expect(found.citations.map((c) => c.referenceIds)).toEqual([['smith2019a', 'smith2019b'], ['lee2020']]);
  });

  it('links a year suffix the entry writes at its end (plainnat)', () => {
    const text = ['JSON was proposed (Crockford, 2006b) and registered (Crockford, 2006a).', 'References', 'Douglas Crockford. The application/json media type for javascript object notation (json), 2006a. URL http://x.org/a.', 'Douglas Crockford. JSON: The fat-free alternative to XML. In Proc. of XML, volume 2006, 2006b. URL http://x.org/b.'].join('\n');
    const found = findDocumentCitations({ id: 'd', text, blocks: lineBlocksOf(text) });
    expect(found.references.map((r) => r.id)).toEqual(['crockford2006a', 'crockford2006b']);
    expect(found.citations.map((c) => c.referenceIds)).toEqual([['crockford2006b'], ['crockford2006a']]);
  });

  it('keeps parser keys and letters only clashes', () => {
    expect(referenceIds([{ id: 'a2000', type: 'book' }, { id: 'a2000-2', type: 'book' }, { id: 'b2001', type: 'book' }])).toEqual(['a2000a', 'a2000b', 'b2001']);
  });

  // Correctness only: the time these take is measured in bench/hostile-input.bench.ts.
  it('stays in range on hostile documents', () => {
    for (const text of HOSTILE_DOCUMENTS) {
      const found = findDocumentCitations({ id: 'x', text, blocks: lineBlocksOf(text) });
      for (const c of found.citations) expect(c.end).toBeLessThanOrEqual(text.length);
    }
  });

  it('never throws on arbitrary text', () => {
    const alphabet = fc.constantFrom(...'Works Cited\nSmith, John. 2019. T. (Smith 2019) period1 [1] Lee et al. (2020) 1 Note.'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 300 }).map((a) => a.join('')), (text) => {
        const found = findDocumentCitations({ id: 'p', text, blocks: lineBlocksOf(text) });
        for (const c of [...found.citations, ...found.references]) {
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 150 },
    );
  });
});
