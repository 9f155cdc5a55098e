import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { referenceText } from '../anystyle-xml';
import { readBibl, readGrobidTei } from './grobid-tei';

const corpus = fileURLToPath(new URL('../../../../shared/eval/grobid-citations/corpus/', import.meta.url));

describe("GROBID's TEI citations as labelled references", () => {
  it('keeps punctuation with the span it closes and opening words with the span they open', () => {
    const segments = readBibl(
      '<author>C. Giunti and U. W. Lee</author>, <title level="j">Phys. Rev. D</title> <biblScope unit="volume">48</biblScope>, ' +
        '<biblScope unit="page">4310</biblScope> (<date>1993</date>)[<note>hep-ph/9305276</note>].',
    );
    expect(segments).toEqual([
      { tag: 'author', text: 'C. Giunti and U. W. Lee,' },
      { tag: 'journal', text: 'Phys. Rev. D' },
      { tag: 'volume', text: '48,' },
      { tag: 'pages', text: '4310' },
      { tag: 'date', text: '(1993)' },
      { tag: 'note', text: '[hep-ph/9305276].' },
    ]);
  });

  it('reads a monograph title as the container of an article title, and role words with editors', () => {
    const segments = readBibl(
      '[3] <author>R.K. Gupta</author>, <title level="a">Fission</title>, in: <editor>E. Gadioli</editor> (Ed.), ' +
        '<title level="m">Proceedings of the 5th Conference</title>, <orgName>Ricerca Scientifica</orgName>, <pubPlace>Milano</pubPlace>, ' +
        '<date>1988</date>, p. <biblScope unit="page">416</biblScope>.',
    );
    expect(segments.map((s) => s.tag)).toEqual(['citation-number', 'author', 'title', 'editor', 'container-title', 'publisher', 'location', 'date', 'pages']);
    expect(segments.find((s) => s.tag === 'editor')?.text).toBe('in: E. Gadioli (Ed.),');
    expect(segments.find((s) => s.tag === 'pages')?.text).toBe('p. 416.');
    expect(readBibl('<author>A. Smith</author>. <title level="m">A Book</title>. <date>2001</date>.').map((s) => s.tag)).toEqual(['author', 'title', 'date']);
  });

  it('decodes entities, drops line breaks and keeps the text whole', () => {
    const [ref] = readGrobidTei('<listBibl><bibl><author>D&apos;Orl<lb/>éans</author>. <date>1983</date>.</bibl><bibl>   </bibl></listBibl>', 'x.xml');
    expect(referenceText(ref!)).toBe("D'Orl éans. 1983.");
    expect(ref?.source).toBe('x.xml');
  });

  it('reads every file of the corpus, each reference with its paper as source', () => {
    const files = readdirSync(corpus).filter((f) => f.endsWith('.xml'));
    const refs = files.flatMap((f) => readGrobidTei(readFileSync(join(corpus, f), 'utf8'), f));
    expect(files.length).toBe(468);
    expect(refs.length).toBeGreaterThan(8500);
    expect(new Set(refs.map((r) => r.source)).size).toBe(468);
    const withDate = refs.filter((r) => r.segments.some((s) => s.tag === 'date')).length;
    expect(withDate / refs.length).toBeGreaterThan(0.9);
  });
});
