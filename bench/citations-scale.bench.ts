// Finding a document's citations as it grows: findDocumentCitations (list, parsing, in-text
// citations, linking, mentions) on generated papers of 0.1, 1, 5 and 10 MB citing 300 works,
// against the least any finder must do, one regex pass for "(Name Year)" over the same text,
// measured in the same run. The growth exponent from 0.1 to 10 MB shows whether the cost is
// linear (1.0) or worse.
import { findDocumentCitations } from '../app/citations/document-citations';
import { lineBlocksOf } from '../app/citations/test-support';
import { sized, time, writeResult } from './harness';

const FAMILIES = ['Smith', 'Jones', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Johnson', 'Roberts', 'Walker', 'Wright', 'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood'];
const WORKS = 300;
const FILLER = 'The argument develops over several pages and returns to its sources with care and at length. ';

/** A paper of about `megabytes` MB: paragraphs each citing one of WORKS works, then their list. */
function paper(megabytes: number): string {
  const family = (i: number) => `${FAMILIES[i % FAMILIES.length]}${String.fromCharCode(97 + Math.floor(i / FAMILIES.length))}on`;
  const list = Array.from({ length: WORKS }, (_, i) => `${family(i)}, A. B. (${1950 + (i % 70)}). A study of things numbered ${i}. Journal of Studies, ${(i % 40) + 1}(2), ${i + 1}–${i + 20}.`);
  const body: string[] = [];
  let size = 0;
  for (let k = 0; size < megabytes * 1e6; k++) {
    const i = (k * 7) % WORKS;
    const paragraph = `${FILLER.repeat(8)}As shown before (${family(i)} ${1950 + (i % 70)}), the case holds. ${FILLER.repeat(2)}`;
    body.push(paragraph);
    size += paragraph.length + 1;
  }
  return ['A Generated Paper', ...body, 'References', ...list].join('\n');
}

const CITATION = /\((\p{Lu}\p{Ll}+) (\d{4})\)/gu;
const sizes = sized([0.1, 1, 5, 10], [0.01, 0.05]);
const rows: Array<Record<string, number>> = [];
for (const megabytes of sizes) {
  const text = paper(megabytes);
  const blocks = lineBlocksOf(text);
  let found = 0;
  let scanned = 0;
  const runs = megabytes >= 5 ? 3 : 5;
  const baseline = await time(() => {
    scanned = [...text.matchAll(CITATION)].length;
  }, runs, 1);
  const lectern = await time(() => {
    found = findDocumentCitations({ id: 'paper', text, blocks }).citations.length;
  }, runs, 1);
  rows.push({ megabytes, chars: text.length, citationsWritten: scanned, citationsFound: found, baselineMs: Math.round(baseline.medianMs * 10) / 10, lecternMs: Math.round(lectern.medianMs), ratio: Math.round((lectern.medianMs / baseline.medianMs) * 10) / 10 });
  console.log(`${megabytes} MB: ${found} of ${scanned} citations in ${Math.round(lectern.medianMs)} ms (regex pass ${Math.round(baseline.medianMs)} ms)`);
}
const first = rows[0]!;
const last = rows[rows.length - 1]!;
const exponent = Math.log(last.lecternMs! / first.lecternMs!) / Math.log(last.chars! / first.chars!);
const fiveMb = rows.find((row) => row.megabytes === 5) ?? last;

writeResult('citations-scale', {
  input: { works: WORKS, description: 'generated papers: paragraphs of prose each citing one of 300 works "(Name Year)", then a reference list' },
  baseline: { what: 'one regex pass for "(Name Year)" over the same text, same run' },
  lectern: { what: 'findDocumentCitations: reference list, parsing, in-text citations, linking, mentions' },
  rows,
  growthExponent: Math.round(exponent * 100) / 100,
  fiveMegabytesMs: fiveMb.lecternMs,
  ratio: fiveMb.ratio,
  targets: { growthExponent: 1.1, fiveMegabytesMs: 1000 },
});
