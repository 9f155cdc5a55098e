import { describe, expect, it } from 'vitest';
import type { Block } from '../documents/model';
import { findDocumentCitations } from './document-citations';
import { findReferenceList, findReferenceLists, runningHeads } from './reference-lists';

/**
 * A paged document from lines: "# " opens a heading, "@N" moves to page N. One block per line,
 * as a PDF import gives for short paragraphs.
 */
function paged(lines: string[]): { text: string; blocks: Block[] } {
  let text = '';
  const blocks: Block[] = [];
  let page = 1;
  for (const line of lines) {
    const turn = /^@(\d+)$/u.exec(line);
    if (turn) {
      page = Number(turn[1]);
      continue;
    }
    const heading = line.startsWith('# ');
    const body = heading ? line.slice(2) : line;
    if (text) text += '\n\n';
    blocks.push({ kind: heading ? 'heading' : 'paragraph', ...(heading ? { level: 2 } : {}), start: text.length, end: text.length + body.length, page });
    text += body;
  }
  return { text, blocks };
}

const anderson = 'Anderson, Benedict (1983). Imagined Communities: Reflections on the Origin and Spread of Nationalism. London: Verso.';

describe('findReferenceLists', () => {
  it('finds one numbered list per chapter and links each citation to the list of its own chapter', () => {
    const doc = paged([
      '# Chapter 1',
      'The nation is imagined [1], and narrated [2].',
      '# References',
      '[1] Benedict Anderson. Imagined Communities. London: Verso, 1983.',
      '[2] Homi K. Bhabha, ed. Nation and Narration. London: Routledge, 1990.',
      '@2',
      '# Chapter 2',
      'Kinship is made [2], and the nation imagined [1, p. 141].',
      '# References',
      '[1] Benedict Anderson. Imagined Communities. London: Verso, 1983.',
      '[2] Janet Carsten. After Kinship. Cambridge: Cambridge University Press, 2004.',
    ]);
    const lists = findReferenceLists(doc.text, doc.blocks);
    expect(lists.map((l) => l.entries.map((e) => e.number))).toEqual([[1, 2], [1, 2]]);
    const found = findDocumentCitations({ id: 'd', ...doc });
    const [a1, b1, a2, c2] = found.references.map((r) => r.id);
    expect(found.citations.map((c) => [c.text, c.referenceIds])).toEqual([
      ['[1]', [a1]],
      ['[2]', [b1]],
      ['[2]', [c2]],
      ['[1, p. 141]', [a2]],
    ]);
    expect(a1).not.toBe(a2);
    expect(found.lists?.map((l) => l.referenceIds)).toEqual([[a1, b1], [a2, c2]]);
  });

  it('reads chapter lists whose numbers run on through the document (refsegments)', () => {
    const doc = paged([
      '# Chapter 1',
      'Imagined [1] and invented [2].',
      '# References',
      '[1] Benedict Anderson. Imagined Communities. London: Verso, 1983.',
      '[2] Eric J. Hobsbawm. Nations and Nationalism since 1780. Cambridge: Cambridge University Press, 1990.',
      '# Chapter 2',
      'Made [5], and imagined again [1, p. 141].',
      '# References',
      '[1] Benedict Anderson. Imagined Communities. London: Verso, 1983.',
      '[5] Janet Carsten. After Kinship. Cambridge: Cambridge University Press, 2004.',
    ]);
    const found = findDocumentCitations({ id: 'd', ...doc });
    expect(found.citations.map((c) => found.references.findIndex((r) => r.id === c.referenceIds[0]))).toEqual([0, 1, 3, 2]);
  });

  it('links the same work cited in two chapters to the entry in each chapter’s own list', () => {
    const doc = paged([
      '# Nations',
      'Print made the nation imaginable (Anderson 1983).',
      '# Literatur',
      anderson,
      'Gellner, Ernest (1983). Nations and Nationalism. Oxford: Blackwell.',
      '# Kinship',
      'The family stands for the nation (Anderson 1983, p. 141) and for relatedness (Carsten 2004).',
      '# Literatur',
      anderson,
      'Carsten, Janet (2004). After Kinship. Cambridge: Cambridge University Press.',
    ]);
    const found = findDocumentCitations({ id: 'd', ...doc });
    expect(found.references).toHaveLength(4);
    const cited = found.citations.filter((c) => c.kind !== 'mention');
    expect(cited.map((c) => found.references.findIndex((r) => r.id === c.referenceIds[0]))).toEqual([0, 2, 3]);
  });

  it('takes category lists that follow one another under one heading as one bibliography', () => {
    const doc = paged([
      '# Introduction',
      'Statistics were computed with R Core Team (2021), films cut with FFmpeg (FFmpeg Developers 2023), after Anderson (1983) and a review (Ebert 2003).',
      '# References',
      '# Literature',
      anderson,
      '# Software',
      'FFmpeg Developers (2023). FFmpeg: A Complete, Cross-Platform Solution to Record, Convert and Stream Audio and Video. Version 6.0.',
      'R Core Team (2021). R: A Language and Environment for Statistical Computing. Vienna: R Foundation.',
      '# Online sources',
      'Ebert, Roger (2003). Russian Ark. RogerEbert.com. url: https://www.rogerebert.com/reviews/russian-ark-2003.',
    ]);
    const lists = findReferenceLists(doc.text, doc.blocks);
    expect(lists).toHaveLength(1);
    expect(lists[0]?.heading?.text).toBe('References');
    expect(lists[0]?.entries.map((e) => e.raw.slice(0, 10))).toEqual(['Anderson, ', 'FFmpeg Dev', 'R Core Tea', 'Ebert, Rog']);
    const found = findDocumentCitations({ id: 'd', ...doc });
    const cited = found.citations.filter((c) => c.kind !== 'mention');
    expect(cited.every((c) => c.referenceIds.length === 1)).toBe(true);
    expect(cited).toHaveLength(4);
  });

  it('does not open a list at a category heading in the body', () => {
    const doc = paged([
      '# Software',
      'R Core Team (2021). R: A Language and Environment for Statistical Computing. Vienna: R Foundation.',
      'Wickham, Hadley (2016). ggplot2: Elegant Graphics for Data Analysis. New York: Springer.',
      '# Results',
      'The results follow (Wickham 2016).',
    ]);
    expect(findReferenceLists(doc.text, doc.blocks)).toEqual([]);
  });

  it('leaves out an earlier list of a single stray entry', () => {
    const doc = paged([
      '# Sources',
      'Smith, John (2019). A Title. Oxford: Clarendon Press.',
      '# Discussion',
      'As argued (Lee 2020; Park 2021).',
      '# References',
      'Lee, Kim (2020). Another Title. London: Verso.',
      'Park, Min (2021). A Third Title. London: Verso.',
    ]);
    const lists = findReferenceLists(doc.text, doc.blocks);
    expect(lists.map((l) => l.entries.length)).toEqual([2]);
  });
});

describe('repeated-name marks', () => {
  it('link a citation to the entry that repeats the author with a dash, one em dash as biblatex prints it', () => {
    const doc = paged([
      '# Theory',
      'Narration (Bordwell 1985) and meaning (Bordwell 1989, ch. 1); reality (Kracauer 1960).',
      '# References',
      'Bordwell, David (1985). Narration in the Fiction Film. Madison: University of Wisconsin Press.',
      '— (1989). Making Meaning: Inference and Rhetoric in the Interpretation of Cinema. Cambridge, MA: Harvard University Press.',
      'Kracauer, Siegfried (1947). From Caligari to Hitler. Princeton: Princeton University Press.',
      '———. (1960). Theory of Film: The Redemption of Physical Reality. New York: Oxford University Press.',
    ]);
    const found = findDocumentCitations({ id: 'd', ...doc });
    const entryOf = (id: string | undefined) => found.references.findIndex((r) => r.id === id);
    expect(found.citations.filter((c) => c.kind !== 'mention').flatMap((c) => c.referenceIds.map(entryOf))).toEqual([0, 1, 3]);
  });
});

describe('running heads over a list', () => {
  const doc = paged([
    '# Survey',
    'Reviews (Gellner 1983; Hobsbawm 1990; Kenez 1992).',
    '@3',
    'REFERENCES',
    '# References',
    anderson,
    'Gellner, Ernest (1983). Nations and Nationalism. Oxford:',
    '@4',
    'REFERENCES',
    'Blackwell.',
    'Hobsbawm, Eric J. (1990). Nations and Nationalism since 1780: Programme, Myth, Reality. Cambridge: Cambridge University Press.',
    '@5',
    'REFERENCES',
    'Kenez, Peter (1992). Cinema and Soviet Society, 1917–1953. Cambridge: Cambridge University Press.',
  ]);

  it('are page furniture: one list, an entry broken by the page joined again', () => {
    const heads = [...runningHeads(doc.text, doc.blocks)].map((i) => doc.blocks[i]?.page);
    expect(heads).toEqual([3, 4, 5]);
    const list = findReferenceList(doc.text, doc.blocks);
    expect(list.heading?.text).toBe('References');
    expect(list.entries.map((e) => e.raw)).toEqual([
      anderson,
      'Gellner, Ernest (1983). Nations and Nationalism. Oxford: Blackwell.',
      'Hobsbawm, Eric J. (1990). Nations and Nationalism since 1780: Programme, Myth, Reality. Cambridge: Cambridge University Press.',
      'Kenez, Peter (1992). Cinema and Soviet Society, 1917–1953. Cambridge: Cambridge University Press.',
    ]);
  });

  it('are cut off an entry a PDF ran them into, at its start or its end', () => {
    const numbered = paged([
      '# Survey',
      'As argued [1, 2] and [3].',
      '# References',
      '[1] Benedict Anderson. Imagined Communities. London: Verso, 1983. REFERENCES 7',
      '@8',
      'REFERENCES [2] Ernest Gellner. Nations and Nationalism. Oxford: Blackwell, 1983.',
      '[3] Eric J. Hobsbawm. Nations and Nationalism since 1780. Cambridge: Cambridge University Press, 1990.',
    ]);
    const list = findReferenceList(numbered.text, numbered.blocks);
    expect(list.numbered).toBe(true);
    expect(list.entries.map((e) => e.raw.slice(0, 22))).toEqual(['[1] Benedict Anderson.', '[2] Ernest Gellner. Na', '[3] Eric J. Hobsbawm. ']);
    expect(list.entries[0]?.raw.endsWith('1983.')).toBe(true);
  });

  it('are not taken for the heading of a chapter’s own list on a later page', () => {
    const chapters = paged([
      '# One',
      'First (Anderson 1983).',
      '# References',
      anderson,
      'Gellner, Ernest (1983). Nations and Nationalism. Oxford: Blackwell.',
      '@2',
      '# Two',
      'Second chapter text runs to the end of its page (Kenez 1992).',
      '@3',
      '# References',
      'Kenez, Peter (1992). Cinema and Soviet Society, 1917–1953. Cambridge: Cambridge University Press.',
      'Taylor, Richard (1979). The Politics of the Soviet Cinema, 1917–1929. Cambridge: Cambridge University Press.',
    ]);
    expect(runningHeads(chapters.text, chapters.blocks).size).toBe(0);
    expect(findReferenceLists(chapters.text, chapters.blocks).map((l) => l.entries.length)).toEqual([2, 2]);
  });
});
