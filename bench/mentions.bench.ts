// Author mentions in a document citing 2,000 works: findMentions (names indexed once by folded
// family name) against the least any mention finder must do, the scan for capitalised name pairs
// over the same text, measured in the same run; and the whole citations pass once, for scale.
import { findDocumentCitations } from '../app/citations/document-citations';
import { findMentions, type MentionableReference } from '../app/citations/mentions';
import { lineBlocksOf } from '../app/citations/test-support';
import { sized, time, writeResult } from './harness';

const GIVEN = ['Anna', 'Boris', 'Clara', 'David', 'Elena', 'Felix', 'Greta', 'Hugo', 'Irina', 'Jonas', 'Karin', 'Lev', 'Marta', 'Nikolai', 'Olga', 'Pavel'];
const SYLLABLES = ['ka', 'lo', 'mi', 'nu', 'pe', 'ro', 'si', 'tu', 'vo', 'ze'];
const REFERENCES = sized(2000, 50);

/** A survey citing REFERENCES works: each paragraph names one author in full and cites the work. */
function survey(): string {
  const body: string[] = [];
  const list: string[] = [];
  for (let i = 0; i < REFERENCES; i++) {
    const family = [i % 10, Math.floor(i / 10) % 10, Math.floor(i / 100) % 10, Math.floor(i / 1000)].map((d) => SYLLABLES[d]).join('').replace(/^./, (c) => c.toUpperCase());
    const given = GIVEN[(i * 7) % GIVEN.length] ?? 'Anna';
    const year = 1950 + (i % 70);
    body.push(`As ${given} ${family} argued in an essay, the point holds (${family} ${year}). Later Maria Quinn and Peter Stone disagreed.`);
    list.push(`${family}, ${given}. ${year}. A Study of Things Numbered ${i}. Journal of Reading ${i % 40}: ${i}–${i + 10}.`);
  }
  return ['A Long Survey', ...body, 'References', ...list].join('\n');
}

const text = survey();
const blocks = lineBlocksOf(text);
const started = performance.now();
const found = findDocumentCitations({ id: 'survey', text, blocks });
const wholePassMs = performance.now() - started;
const references: MentionableReference[] = found.references.map((r) => ({ id: r.id, csl: r.csl }));
const citations = found.citations.filter((c) => c.kind !== 'mention').map((c) => ({ start: c.start, end: c.end, referenceIds: c.referenceIds }));
const skip = [{ start: text.indexOf('\nReferences\n'), end: text.length }];
const context = { blocks, skip, citations };

const FULL_NAME = /(?<![\p{L}\p{M}'’-])(\p{Lu}[\p{Ll}\p{M}'’-]{1,30})(?= (\p{Lu}[\p{L}\p{M}'’-]{1,40}))/gu;
let pairs = 0;
const baseline = await time(() => {
  pairs = [...text.matchAll(FULL_NAME)].length;
}, 9, 2);
let mentions = 0;
const lectern = await time(() => {
  mentions = findMentions(text, references, context).length;
}, 9, 2);

writeResult('mentions', {
  input: { references: references.length, citations: citations.length, chars: text.length, capitalisedPairs: pairs, mentions, description: 'generated survey: one paragraph per work naming its author in full and citing it' },
  baseline: { what: 'scan for capitalised name pairs (the regex findMentions starts from)', medianMs: Math.round(baseline.medianMs * 100) / 100 },
  lectern: { what: 'findMentions: names indexed by folded family name and initial, ranges by binary search', medianMs: Math.round(lectern.medianMs * 100) / 100 },
  ratio: Math.round((lectern.medianMs / baseline.medianMs) * 100) / 100,
  wholeCitationsPass: { what: 'findDocumentCitations on the same document, one run (reference list, parsing, in-text citations, linking, mentions)', ms: Math.round(wholePassMs) },
});
