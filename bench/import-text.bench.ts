// Text import against the least any importer must do: decode the bytes and split them into
// lines, measured in the same run, at 0.1, 1 and 10 MB of hard-wrapped text (seed 000 repeated,
// the shape of text extracted from a long PDF).
//
// (a) importFile: decode and detect the encoding, reflow, metadata, SHA-256.
// (b) the whole parse the app's import worker runs for a dropped .txt file (importOne in
//     renderer/src/import/import-file.ts, up to its IndexedDB write): the size check, reading the
//     Blob, importFile, the citations pass (findDocumentCitations) and the rows it stores.
//     The write itself is measured in Chromium by bench/drop-files.
//
// The growth exponent, log(time ratio) / log(size ratio) from the smallest to the largest size,
// is 1 for work linear in the size.
import { existsSync, readFileSync } from 'node:fs';
import { findDocumentCitations } from '../app/citations/document-citations';
import { importFile } from '../app/documents/import';
import { fileSizeProblem } from '../app/documents/import-limits';
import { citationRows } from '../app/store/citation-rows';
import { sized, smoke, time, writeResult } from './harness';

const MB = 1_000_000;
const SIZES = sized([0.1, 1, 10], [0.02, 0.1]);
const seed = readFileSync(new URL('../../shared/seeds/000_62b2ac4b49efefbf.txt', import.meta.url), 'utf8');

/** `text` repeated (a blank line between copies) until it reaches `megabytes`. */
function repeated(text: string, megabytes: number): Uint8Array<ArrayBuffer> {
  const copies = Math.max(1, Math.round((megabytes * MB) / new TextEncoder().encode(text).byteLength));
  return new TextEncoder().encode(Array.from({ length: copies }, () => text).join('\n\n'));
}

/** The least any importer must do. */
function baseline(bytes: Uint8Array): unknown {
  return new TextDecoder('utf-8').decode(bytes).split('\n').map((line) => line.trim());
}

/** (a) importFile alone. */
async function importText(name: string, bytes: Uint8Array): Promise<number> {
  const result = await importFile(name, bytes);
  if (!result.ok) throw new Error(result.error);
  return result.value.blocks.length;
}

/** (b) what importOne does with a dropped file before it writes to the store. */
async function wholeImport(name: string, blob: Blob): Promise<number> {
  const tooLarge = fileSizeProblem(name, blob.size);
  if (tooLarge) throw new Error(tooLarge);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const parsed = await importFile(name, bytes);
  if (!parsed.ok) throw new Error(parsed.error);
  const rows = citationRows(parsed.value.id, findDocumentCitations(parsed.value));
  return rows.references.length + rows.citations.length;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const mbPerS = (bytes: number, ms: number) => round(bytes / MB / (ms / 1000), 1);
const exponent = (first: { bytes: number; ms: number }, last: { bytes: number; ms: number }) =>
  round(Math.log(last.ms / first.ms) / Math.log(last.bytes / first.bytes));

/** The median of samples (one call of each measured function per round, so load on the machine hits all alike). */
async function interleaved(fns: Array<() => unknown>, runs: number): Promise<number[]> {
  for (const fn of fns) await time(fn, sized(2, 0), 0);
  const samples: number[][] = fns.map(() => []);
  for (let run = 0; run < (smoke ? 1 : runs); run++) {
    for (const [i, fn] of fns.entries()) samples[i]!.push((await time(fn, 1, 0)).medianMs);
  }
  return samples.map((list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!);
}

/** Baseline, (a) and (b) on one input. */
async function measure(name: string, bytes: Uint8Array<ArrayBuffer>, runs: number) {
  const blob = new Blob([bytes]);
  const [baseMs, importMs, wholeMs] = await interleaved([() => baseline(bytes), () => importText(name, bytes), () => wholeImport(name, blob)], runs);
  const base = { medianMs: baseMs! };
  const imported = { medianMs: importMs! };
  const whole = { medianMs: wholeMs! };
  const blocks = await importText(name, bytes);
  const rows = await wholeImport(name, blob);
  return {
    megabytes: round(bytes.byteLength / MB, 3),
    bytes: bytes.byteLength,
    blocks,
    citationRows: rows,
    baselineMs: round(base.medianMs, 3),
    importMs: round(imported.medianMs, 3),
    importMBps: mbPerS(bytes.byteLength, imported.medianMs),
    importRatio: round(imported.medianMs / base.medianMs),
    wholeImportMs: round(whole.medianMs, 3),
    wholeImportMBps: mbPerS(bytes.byteLength, whole.medianMs),
    wholeImportRatio: round(whole.medianMs / base.medianMs),
  };
}

const rows = [];
for (const megabytes of SIZES) rows.push(await measure('big.txt', repeated(seed, megabytes), megabytes >= 10 ? 9 : 21));
const first = rows[0]!;
const last = rows.at(-1)!;
const oneMegabyte = rows.find((row) => Math.round(row.megabytes) === 1) ?? last;

// The same at 1 MB on a text written by people rather than extracted from a PDF, where the
// machine has one: the GPL, one paragraph per line with wrapped clauses.
const gplPath = '/usr/share/common-licenses/GPL-3';
const realWorld = existsSync(gplPath) ? { input: `${gplPath} repeated`, ...(await measure('gpl.txt', repeated(readFileSync(gplPath, 'utf8'), sized(1, 0.05)), 21)) } : undefined;

writeResult('import-text', {
  input: { description: 'seed 000 repeated (hard-wrapped, as extracted from a PDF), 0.1, 1 and 10 MB' },
  baseline: { what: 'TextDecoder.decode + split into lines + trim, same run' },
  import: { what: '(a) importFile: decode, detect encoding, reflow, metadata, SHA-256' },
  wholeImport: {
    what: "(b) the import worker's parse of a dropped .txt (importOne up to the IndexedDB write): size check, Blob read, importFile, findDocumentCitations, citation rows",
  },
  rows,
  growthExponent: { import: exponent({ bytes: first.bytes, ms: first.importMs }, { bytes: last.bytes, ms: last.importMs }), wholeImport: exponent({ bytes: first.bytes, ms: first.wholeImportMs }, { bytes: last.bytes, ms: last.wholeImportMs }), baseline: exponent({ bytes: first.bytes, ms: first.baselineMs }, { bytes: last.bytes, ms: last.baselineMs }) },
  ...(realWorld ? { realWorld } : {}),
  // The figures at 1 MB, as the benchmark reported before it measured sizes.
  importMBps: oneMegabyte.importMBps,
  wholeImportMBps: oneMegabyte.wholeImportMBps,
  ratio: oneMegabyte.importRatio,
  wholeImportRatio: oneMegabyte.wholeImportRatio,
  targets: { importMBps: 50, ratio: 10, growthExponent: 1.1 },
});
