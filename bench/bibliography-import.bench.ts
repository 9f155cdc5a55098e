// Reading a bibliography file: readBibliography (decode, format detection, cutting the file into
// entries, citation-js in batches so a broken entry costs only itself, tidying each item) against
// citation-js parsing the same text in one call, the least any BibTeX import must do, measured in
// the same run. The input is R's own RJournal.bib (684 real entries) repeated with distinct keys.
import { existsSync, readFileSync } from 'node:fs';
import { readBibliography } from '../app/bibliography/read-bibliography';
import { fromBibtexText } from '../app/export/citation-js';
import { sized, time, writeResult } from './harness';

const SOURCE = new URL('../tests/fixtures/bib/r-base-core--RJournal.bib', import.meta.url).pathname;
const COPIES = sized(10, 1);

/** R's RJournal.bib, or (where R is not installed) entries of the same shape made here. */
function base(): { text: string; what: string } {
  if (existsSync(SOURCE)) return { text: readFileSync(SOURCE, 'utf8'), what: "R's RJournal.bib (tests/fixtures/bib)" };
  const entries = Array.from({ length: 684 }, (_, i) => `@article{key${i},\n  author = {M{\\"u}ller, Anna and Smith, John},\n  title = {A Study of {R} Packages, Part ${i}},\n  journal = {The R Journal},\n  year = {${1990 + (i % 30)}},\n  volume = {${i % 20}},\n  pages = {${i}--${i + 9}},\n}\n`);
  return { text: entries.join('\n'), what: 'generated: 684 article entries' };
}

const { text: one, what } = base();
const text = Array.from({ length: COPIES }, (_, copy) => one.replace(/@(\w+)\s*\{\s*([^,\s]+)\s*,/gu, (match, type: string, key: string) => (type.toLowerCase() === 'string' ? match : `@${type}{${key}_${copy},`))).join('\n');
const bytes = new TextEncoder().encode(text);

let baselineItems = 0;
const baseline = await time(() => {
  baselineItems = fromBibtexText(text).length;
}, 5, 1);
let entries = 0;
let warnings: string[] = [];
const lectern = await time(() => {
  const read = readBibliography('RJournal.bib', bytes);
  if (!read.ok) throw new Error(read.error);
  entries = read.value.entries.length;
  warnings = read.value.warnings;
}, 5, 1);
if (entries === 0 || entries < baselineItems * 0.95) throw new Error(`readBibliography read ${entries} entries where citation-js read ${baselineItems}`);

writeResult('bibliography-import', {
  input: { source: what, copies: COPIES, bytes: bytes.length, entries, baselineItems, warnings },
  baseline: { what: 'citation-js parsing the whole text in one call (@biblatex/text), no decoding, no recovery from a broken entry', medianMs: Math.round(baseline.medianMs) },
  lectern: { what: 'readBibliography: decode, detect the format, cut into entries, citation-js in batches of 200, tidy each item', medianMs: Math.round(lectern.medianMs), entriesPerSecond: Math.round((entries / lectern.medianMs) * 1000) },
  ratio: Math.round((lectern.medianMs / baseline.medianMs) * 100) / 100,
});
