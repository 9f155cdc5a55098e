import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block } from '../documents/model';
import { importFile } from '../documents/import';
import { findReferenceList } from './reference-lists';
import { isReferenceHeading } from './reference-shapes';
import { lineBlocksOf } from './test-support';

const seeds = new URL('../../../shared/seeds/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('../../../shared/expected/seed-citations.json', import.meta.url), 'utf8')) as {
  documents: Record<string, { worksCited?: Array<{ raw: string }>; referenceListHeading?: string }>;
};

async function seed(name: string): Promise<{ text: string; blocks: Block[] }> {
  const result = await importFile(name, new Uint8Array(readFileSync(new URL(name, seeds))));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}


describe('findReferenceList on the seeds', () => {
  it('finds the four Works Cited entries of seed 001 and stops before the film credits', async () => {
    const doc = await seed('001_94063d3630a703df.txt');
    const list = findReferenceList(doc.text, doc.blocks);
    const facts = expected.documents['001_94063d3630a703df.txt'];
    expect(list.heading?.text).toBe(facts?.referenceListHeading);
    expect(list.entries.map((e) => e.raw)).toEqual(facts?.worksCited?.map((w) => w.raw));
    for (const e of list.entries) expect(doc.text.slice(e.start, e.end)).toBe(e.raw);
    expect(list.numbered).toBe(false);
  });

  it('finds no list in the other seeds', async () => {
    for (const name of readdirSync(seeds).filter((n) => !n.startsWith('001'))) {
      const doc = await seed(name);
      expect(findReferenceList(doc.text, doc.blocks).entries, name).toEqual([]);
    }
  });
});

describe('findReferenceList', () => {
  it('recognises headings in several languages, numbered and with colons', () => {
    for (const h of ['Works Cited', 'REFERENCES', '7. References:', 'IV. Bibliography', 'Literaturverzeichnis', 'Références', 'Список литературы', 'ЛИТЕРАТУРА', 'Источники', 'Literature Cited'])
      expect(isReferenceHeading(h), h).toBe(true);
    for (const h of ['References to the war are everywhere', 'Sources say', 'The bibliography of Balagov'])
      expect(isReferenceHeading(h), h).toBe(false);
  });

  it('joins wrapped lines and hanging indents into one entry each', () => {
    const text = [
      'Body text.',
      'References',
      'Smith, John. 2019. A very long title that the typesetter',
      '    wrapped onto a second line. Journal of Things 4: 1–20.',
      'Lee, K., and M. Park. 2020a. Another title. Press.',
      '———. 2020b. A third title by the same authors. Press.',
    ].join('\n');
    const list = findReferenceList(text, lineBlocksOf(text));
    expect(list.entries.map((e) => e.raw)).toEqual([
      'Smith, John. 2019. A very long title that the typesetter wrapped onto a second line. Journal of Things 4: 1–20.',
      'Lee, K., and M. Park. 2020a. Another title. Press.',
      '———. 2020b. A third title by the same authors. Press.',
    ]);
  });

  it('splits lines inside one block at entry starts', () => {
    const text = 'Bibliography\n\nSmith, J. 2019. Title one. Press.\n  continued here, 2019.\nJones, A. 2018. Title two. Press.';
    const blocks: Block[] = [
      { kind: 'heading', level: 2, start: 0, end: 12 },
      { kind: 'paragraph', start: 14, end: text.length },
    ];
    expect(findReferenceList(text, blocks).entries.map((e) => e.raw)).toEqual([
      'Smith, J. 2019. Title one. Press. continued here, 2019.',
      'Jones, A. 2018. Title two. Press.',
    ]);
  });

  it('reads numbered lists and records the labels', () => {
    const text = 'Intro [1].\nReferences\n[1] J. Smith, “A title,” Proc. X, 2019.\n[2] K. Lee, “Another,” J. Y, vol. 3, 2020.';
    const list = findReferenceList(text, lineBlocksOf(text));
    expect(list.numbered).toBe(true);
    expect(list.entries.map((e) => e.number)).toEqual([1, 2]);
  });

  it('finds a list without a heading at the end of a document', () => {
    const text = [
      'The argument draws on earlier work (Smith 2019).',
      'Smith, John. 2019. A title. Oxford: Clarendon Press.',
      'Jones, Ann. 2018. Another title. Journal of Things 4: 1–20.',
      'Updated: 2021',
    ].join('\n');
    const list = findReferenceList(text, lineBlocksOf(text));
    expect(list.heading).toBeUndefined();
    expect(list.entries.map((e) => e.raw.slice(0, 12))).toEqual(['Smith, John.', 'Jones, Ann. ']);
  });

  it('does not take a single reference-like paragraph or a heading with nothing under it', () => {
    const one = 'Prose.\nSmith, John. 2019. A title. Oxford: Clarendon Press.';
    expect(findReferenceList(one, lineBlocksOf(one)).entries).toEqual([]);
    const empty = 'Prose.\nReferences\nNone were consulted for this note.';
    expect(findReferenceList(empty, lineBlocksOf(empty)).entries).toEqual([]);
  });
  it('runs to the next heading: split-off titles, URLs and short author lines stay in their entry', () => {
    // The shape of a JSS vignette's list after PDF extraction (lme4's lmer.pdf): justified
    // spacing split "Johnson SG (2014)." from its title and URL.
    const text = [
      'References',
      'Horn R, Zhang F (2005). “Basic Properties of the Schur Complement.” Springer-Verlag.',
      'Johnson SG (2014).',
      '“The NLopt Nonlinear-Optimization Package.”',
      'URL http:// ab-initio.mit.edu/nlopt.',
      'Kenward MG, Roger JH (1997). “Small Sample Inference.” Biometrics, 53(3), 983–997.',
      'A. Modularization examples',
      'The modularized functions in lme4 allow for finer control, as shown in 2015.',
    ].join('\n');
    const blocks = lineBlocksOf(text).map((b): Block => (text.slice(b.start, b.end).startsWith('A. Mod') ? { ...b, kind: 'heading', level: 1 } : b));
    expect(findReferenceList(text, blocks).entries.map((e) => e.raw)).toEqual([
      'Horn R, Zhang F (2005). “Basic Properties of the Schur Complement.” Springer-Verlag.',
      'Johnson SG (2014). “The NLopt Nonlinear-Optimization Package.” URL http:// ab-initio.mit.edu/nlopt.',
      'Kenward MG, Roger JH (1997). “Small Sample Inference.” Biometrics, 53(3), 983–997.',
    ]);
  });

  it('leaves out an annotation between entries and ends at text that no entry follows', () => {
    const text = [
      'Works Cited',
      'Smith, John. 2019. A title. Oxford: Clarendon Press.',
      'A classic that every student of the period should read first.',
      'Jones, Ann. 2018. Another title. Journal of Things 4: 1–20.',
      'Closeness, Russia, 2017',
      'Director: Kantemir Balagov',
    ].join('\n');
    expect(findReferenceList(text, lineBlocksOf(text)).entries.map((e) => e.raw.slice(0, 12))).toEqual(['Smith, John.', 'Jones, Ann. ']);
  });
  it('splits entries a PDF ran together into one paragraph', () => {
    // partykit's mob.pdf: three JSS entries in one extracted paragraph.
    const text = 'References\n\nBache K, Lichman M (2013). “UCI Machine Learning Repository.” URL http://archive. ics.uci.edu/ml/. Bai J, Perron P (2003). “Computation and Analysis of Multiple Structural Change Models.” Journal of Applied Econometrics, 18, 1–22. Breiman L, Friedman JH (1985). “Estimating Optimal Transformations.” JASA, 80(391), 580–598. ter Braak CJF (1986). “Canonical correspondence analysis.” Ecology, 67, 1167–1179.';
    const blocks: Block[] = [{ kind: 'heading', level: 1, start: 0, end: 10 }, { kind: 'paragraph', start: 12, end: text.length }];
    const entries = findReferenceList(text, blocks).entries;
    expect(entries.map((e) => e.raw.slice(0, 22))).toEqual(['Bache K, Lichman M (20', 'Bai J, Perron P (2003)', 'Breiman L, Friedman JH', 'ter Braak CJF (1986). ']);
    for (const e of entries) expect(text.slice(e.start, e.end)).toBe(e.raw);
  });
  it('reads an alphabetic list, a label standing on its own line included', () => {
    const text = ['References', '[Ado67] Theodor W. Adorno. Filmtransparente. Frankfurt am Main: Suhrkamp, 1967, pp. 79–88.', '[Ben63]', 'Walter Benjamin. Das Kunstwerk im Zeitalter seiner technischen Reproduzierbarkeit. Suhrkamp, 1963.', '[R C21] R Core Team. R: A Language and Environment for Statistical Computing. Vienna, 2021.'].join('\n');
    const list = findReferenceList(text, lineBlocksOf(text));
    expect(list.entries.map((e) => e.label)).toEqual(['Ado67', 'Ben63', 'R C21']);
    expect(list.entries[1]?.raw).toBe('[Ben63] Walter Benjamin. Das Kunstwerk im Zeitalter seiner technischen Reproduzierbarkeit. Suhrkamp, 1963.');
    expect(list.labelled).toBe(true);
  });
  it('starts a new entry after one that ends on its URL or DOI (APA)', () => {
    const text = ['References', 'Mulvey, L. (1975). Visual pleasure and narrative cinema. Screen, 16(3), 6–18. https://doi.org/10.1093/screen/16.3.6', 'R Core Team. (2021). R: A language and environment for statistical computing. https://www.R-project.org/', 'Kuvshinova, M. (2017, July 26). Tesnota: A conversation. Afisha Daily. https://daily.afisha.ru/cinema/', 'https://daily.afisha.ru/cinema/mirror/'].join('\n');
    expect(findReferenceList(text, lineBlocksOf(text)).entries.map((e) => e.raw.slice(0, 12))).toEqual(['Mulvey, L. (', 'R Core Team.', 'Kuvshinova, ']);
  });
});
