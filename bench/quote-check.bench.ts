// The quote check of a 100-quotation draft against a library of 200 documents of 5,000 words
// each (a million words): 60 quotations copied verbatim (a fifth of them cut by an ellipsis),
// 20 with one word changed, 20 made up from the library's own words. Measured against the
// least a verbatim check must do without an index: every library text folded once (lower case,
// spaces collapsed), then an indexOf of each verbatim quotation, folded, in every text, in the
// same run on the same data. The check does more (quotations found in the draft, approximate
// passages aligned, citations compared) and its time includes indexing the library.
import type { Block } from '../app/documents/model';
import { checkDraft } from '../app/check/check-draft';
import type { LibraryText } from '../app/check/report';
import { draftFromText } from '../app/check/read-draft';
import { sized, smoke, time, writeResult, seededRandom } from './harness';

const DOCUMENTS = sized(200, 20);
const WORDS_PER_DOCUMENT = sized(5_000, 1_000);
const QUOTES = sized(100, 20);

const random = seededRandom(20261206);
const int = (n: number): number => Math.floor(random() * n);

// 20,000 pseudo-words drawn with a skewed (roughly Zipfian) frequency, as function words repeat in prose.
const syllables = 'ka lo mi re tu sa ne vo pi da gu he ri so ma te lu fo ba ni an el or is un st th'.split(' ');
const vocabulary = Array.from({ length: 20_000 }, (_, i) => Array.from({ length: i < 50 ? 1 : 2 + int(3) }, () => syllables[int(syllables.length)]).join(''));
const word = (): string => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!;

function makeDocument(n: number): LibraryText {
  const paragraphs: string[] = [];
  let words = 0;
  while (words < WORDS_PER_DOCUMENT) {
    const length = 60 + int(80);
    const sentence: string[] = [];
    for (let i = 0; i < length; i++) sentence.push(word() + (random() < 0.07 ? '.' : random() < 0.05 ? ',' : ''));
    paragraphs.push(sentence.join(' '));
    words += length;
  }
  let offset = 0;
  const blocks: Block[] = paragraphs.map((p) => {
    const block: Block = { kind: 'paragraph', start: offset, end: offset + p.length };
    offset += p.length + 2;
    return block;
  });
  const text = paragraphs.join('\n\n');
  const family = `Author${n}`;
  return { id: `doc${n}`, title: `Document ${n}`, format: 'txt', metadata: { id: `doc${n}`, type: 'article-journal', title: `Document ${n}`, author: [{ family }], issued: { 'date-parts': [[2000 + (n % 25)]] } }, text, blocks };
}

const library = Array.from({ length: DOCUMENTS }, (_, n) => makeDocument(n));

/** A run of 8 to 30 words from a random paragraph of a random document, as printed. */
function passage(): { doc: LibraryText; text: string } {
  const doc = library[int(library.length)]!;
  const block = doc.blocks[int(doc.blocks.length)]!;
  const words = doc.text.slice(block.start, block.end).split(' ');
  const length = 8 + int(23);
  const first = int(Math.max(1, words.length - length));
  return { doc, text: words.slice(first, first + length).join(' ') };
}

const verbatim: string[] = [];
const paragraphs: string[] = [];
for (let q = 0; q < QUOTES; q++) {
  const kind = q % 5 < 3 ? 'verbatim' : q % 5 === 3 ? 'changed' : 'made-up';
  const { doc, text } = passage();
  let quote = text;
  if (kind === 'verbatim') {
    const words = text.split(' ');
    if (q % 15 === 0 && words.length > 12) quote = `${words.slice(0, 5).join(' ')} … ${words.slice(8).join(' ')}`;
    else verbatim.push(text);
  } else if (kind === 'changed') {
    const words = text.split(' ');
    words[Math.floor(words.length / 2)] = 'misquoted';
    quote = words.join(' ');
  } else {
    quote = Array.from({ length: text.split(' ').length }, () => word()).join(' ');
  }
  const author = doc.metadata.author![0]!.family!;
  paragraphs.push(`As the source says, “${quote.replace(/[.,]$/u, '')}” (${author} ${2000 + (Number(doc.id.slice(3)) % 25)}, para. ${1 + int(9)}).`);
}
const draft = draftFromText(paragraphs.join('\n\n'), 'bench-draft.txt');

/** The baseline: fold every text once, then indexOf each verbatim quotation in every text. */
function naiveVerbatim(): number {
  const fold = (text: string) => text.toLowerCase().replace(/\s+/gu, ' ');
  const folded = library.map((doc) => fold(doc.text));
  let found = 0;
  for (const quote of verbatim) {
    const wanted = fold(quote);
    if (folded.some((text) => text.includes(wanted))) found += 1;
  }
  return found;
}

const report = checkDraft(draft, library);
const naiveFound = naiveVerbatim();
// The benchmark breaks (exits non-zero) when the check goes wrong, never when the machine is slow.
if (report.summary.quotes !== QUOTES) throw new Error(`found ${report.summary.quotes} quotations in the draft, expected ${QUOTES}`);
const wanted = { verbatim: (QUOTES / 5) * 3, differs: QUOTES / 5, notFound: QUOTES / 5 };
const { verbatim: v, differs: d, notFound: n } = report.summary;
if (v !== wanted.verbatim || d !== wanted.differs || n !== wanted.notFound) throw new Error(`verdicts ${v}/${d}/${n}, expected ${wanted.verbatim}/${wanted.differs}/${wanted.notFound}`);
if (naiveFound !== verbatim.length) throw new Error(`indexOf found ${naiveFound} of ${verbatim.length} verbatim quotations`);

const runs = smoke ? 1 : 9;
const check = await time(() => checkDraft(draft, library), runs, 2);
const baseline = await time(naiveVerbatim, runs, 2);
const round = (n: number): number => Math.round(n * 100) / 100;
writeResult('quote-check', {
  documents: DOCUMENTS,
  libraryWords: DOCUMENTS * WORDS_PER_DOCUMENT,
  quotes: QUOTES,
  verdicts: { verbatim: report.summary.verbatim, differs: report.summary.differs, notFound: report.summary.notFound },
  citationProblems: report.summary.citationProblems,
  check: { what: 'checkDraft: quotations found, library indexed, each looked up (verbatim, else aligned), citations compared', medianMs: round(check.medianMs), samples: check.samples },
  baseline: { what: `fold every text, then indexOf of the ${verbatim.length} verbatim quotations in every text`, medianMs: round(baseline.medianMs), samples: baseline.samples },
  ratio: Math.round((check.medianMs / baseline.medianMs) * 1000) / 1000,
});
