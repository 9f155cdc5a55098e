// `npm run eval:citations`: runs Lectern's import and citation finding on every document of the
// development corpus (eval/citations/corpus) and scores it against the gold in eval/citations/gold.
// Prints, per document and overall: reference-list recall and precision, in-text citation
// precision and recall, link accuracy, false citations and seconds; writes the same as JSON to
// eval/citations/results.json. `-- NAME...` scores only those documents; `--verbose` lists misses.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findDocumentCitations } from '../../app/citations/document-citations';
import { nodeImportContext } from '../../app/documents/html/sanitize-node';
import { importFile } from '../../app/documents/import';
import { blockIndexAt } from '../../app/documents/locator';
import type { GoldFromLinks } from './pdf-links';
import { matchCitations, matchEntries, type OurItem } from './matching';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.filter((a) => !a.startsWith('--'));

interface Row {
  name: string;
  goldEntries: number;
  foundEntries: number;
  entriesMatched: number;
  goldCitations: number;
  foundCitations: number;
  citationsMatched: number;
  linkedRight: number;
  seconds: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const fmt = (x: number) => x.toFixed(2);

const rows: Row[] = [];
for (const file of readdirSync(`${here}gold`).filter((f) => f.endsWith('.json')).sort()) {
  const name = file.replace(/\.json$/u, '');
  if (only.length && !only.includes(name)) continue;
  const gold = JSON.parse(readFileSync(`${here}gold/${file}`, 'utf8')) as GoldFromLinks & { file: string };
  const bytes = new Uint8Array(readFileSync(`${here}corpus/${gold.file}`));
  const started = performance.now();
  const imported = await importFile(gold.file, bytes, nodeImportContext());
  if (!imported.ok) throw new Error(`${name}: ${imported.error}`);
  const doc = imported.value;
  const found = findDocumentCitations(doc);
  const seconds = (performance.now() - started) / 1000;

  const entryMatch = matchEntries(gold.entries.map((e) => e.text), found.references.map((r) => r.raw));
  const goldIndexOfRef = new Map<string, number>();
  found.references.forEach((r, i) => {
    const g = entryMatch.oursToGold.get(i);
    if (g !== undefined) goldIndexOfRef.set(r.id, g);
  });
  const pageAt = (offset: number) => doc.blocks[Math.max(0, blockIndexAt(doc.blocks, offset))]?.page ?? 1;
  const ours: OurItem[] = [];
  for (const c of found.citations) {
    // Mentions and footnote markers point at people and notes, not at entries: not scored here.
    if (c.kind === 'mention' || c.kind === 'footnote') continue;
    for (const item of c.items ?? []) {
      const linked = (item.referenceIds ?? []).map((id) => goldIndexOfRef.get(id)).filter((g): g is number => g !== undefined);
      ours.push({ page: pageAt(c.start), text: c.text, names: item.names, year: item.year, suffix: item.suffix, number: item.number, linked });
    }
  }
  const result = matchCitations(gold.citations, gold.entries.map((e) => e.text), ours);
  rows.push({
    name,
    goldEntries: gold.entries.length,
    foundEntries: found.references.length,
    entriesMatched: entryMatch.oursToGold.size,
    goldCitations: gold.citations.length,
    foundCitations: ours.length,
    citationsMatched: result.matched,
    linkedRight: result.linkedRight,
    seconds,
  });
  if (verbose) {
    console.log(`\n## ${name}`);
    gold.entries.forEach((e, i) => { if (!entryMatch.goldMatched.has(i)) console.log(`  missed entry: ${e.text.slice(0, 90)}`); });
    found.references.forEach((r, i) => { if (!entryMatch.oursToGold.has(i)) console.log(`  extra entry: ${r.raw.slice(0, 90)}`); });
    for (const g of result.missedGold) console.log(`  missed citation p${g.page}: ${g.text}`);
    for (const o of result.falseOurs) console.log(`  false citation p${o.page}: ${o.text}`);
    for (const w of result.wrongLinks) console.log(`  wrong link p${w.page}: ${w.text}`);
  }
}


const header = ['document', 'entries', 'list R', 'list P', 'cites', 'cite P', 'cite R', 'cite F1', 'link acc', 'false', 's'];
const lines = [header.join(' | ')];
const table = rows.map((r) => {
  const listR = ratio(r.entriesMatched, r.goldEntries);
  const listP = ratio(r.entriesMatched, r.foundEntries);
  const citeP = ratio(r.citationsMatched, r.foundCitations);
  const citeR = ratio(r.citationsMatched, r.goldCitations);
  const linkAcc = ratio(r.linkedRight, r.goldCitations);
  const line = [r.name, `${r.foundEntries}/${r.goldEntries}`, fmt(listR), fmt(listP), `${r.foundCitations}/${r.goldCitations}`, fmt(citeP), fmt(citeR), fmt(f1(citeP, citeR)), fmt(linkAcc), String(r.foundCitations - r.citationsMatched), r.seconds.toFixed(2)];
  lines.push(line.join(' | '));
  return { ...r, listRecall: listR, listPrecision: listP, citationPrecision: citeP, citationRecall: citeR, citationF1: f1(citeP, citeR), linkAccuracy: linkAcc, falseCitations: r.foundCitations - r.citationsMatched };
});
const sum = (key: keyof Row) => rows.reduce((a, r) => a + (r[key] as number), 0);
const overall = {
  documents: rows.length,
  listRecall: ratio(sum('entriesMatched'), sum('goldEntries')),
  listPrecision: ratio(sum('entriesMatched'), sum('foundEntries')),
  citationPrecision: ratio(sum('citationsMatched'), sum('foundCitations')),
  citationRecall: ratio(sum('citationsMatched'), sum('goldCitations')),
  citationF1: 0,
  linkAccuracy: ratio(sum('linkedRight'), sum('goldCitations')),
  falseCitationsPerDocument: (sum('foundCitations') - sum('citationsMatched')) / Math.max(1, rows.length),
  wholeListsFound: rows.filter((r) => r.entriesMatched === r.goldEntries && r.foundEntries === r.goldEntries).length,
  seconds: sum('seconds'),
};
overall.citationF1 = f1(overall.citationPrecision, overall.citationRecall);
lines.push(
  `overall (${rows.length} documents, micro) | ${sum('foundEntries')}/${sum('goldEntries')} | ${fmt(overall.listRecall)} | ${fmt(overall.listPrecision)} | ${sum('foundCitations')}/${sum('goldCitations')} | ${fmt(overall.citationPrecision)} | ${fmt(overall.citationRecall)} | ${fmt(overall.citationF1)} | ${fmt(overall.linkAccuracy)} | ${fmt(overall.falseCitationsPerDocument)}/doc | ${overall.seconds.toFixed(1)}`,
);
console.log(lines.join('\n'));
console.log(`whole lists found: ${overall.wholeListsFound} of ${rows.length}`);
if (!only.length) writeFileSync(`${here}results.json`, JSON.stringify({ date: new Date().toISOString(), overall, documents: table }, null, 1) + '\n');
