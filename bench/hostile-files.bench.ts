// The hostile corpus (app/documents/hostile), each file imported in a fresh process: outcome,
// seconds and peak memory (the process's maximum resident set). The baseline, measured in the
// same run the same way, is an ordinary 300-word text file: what a process costs before any
// hostile input. A scaling input joins the corpus here: a 50,000-page PDF (2,000 references are
// in bench/mentions).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTILE_FILES } from '../app/documents/hostile/hostile-files';
import { nodeCorpusTools } from '../app/documents/hostile/qpdf';
import { buildTestPdf } from '../app/documents/pdf/test-pdf';
import { sized, smoke, writeResult } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'lectern-hostile-'));
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function measure(name: string, bytes: Uint8Array): { ok: boolean; outcome: string; seconds: number; peakMb: number } {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/hostile-child.ts', path, name], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as { ok: boolean; outcome: string; seconds: number; peakMb: number };
  } catch {
    return { ok: false, outcome: `process failed (${child.status ?? child.signal}): ${child.stderr.slice(-200)}`, seconds: NaN, peakMb: NaN };
  }
}

const BIG_PDF_PAGES = sized(50_000, 500);
const ordinary = new TextEncoder().encode('The reader of a scholarly article moves between its argument and the works it cites. '.repeat(20));
const baseline = measure('ordinary.txt', ordinary);

const inputs = [
  // Smoke runs take every eighth file, so CI still sees a break in the harness or the child.
  ...HOSTILE_FILES.filter((_, i) => !smoke || i % 8 === 0).map((file) => ({ kind: file.kind, name: file.name, bytes: file.build(nodeCorpusTools) })),
  {
    kind: `PDF: ${BIG_PDF_PAGES.toLocaleString('en')} pages in one flat page tree`,
    name: 'many-pages.pdf',
    bytes: buildTestPdf(Array.from({ length: BIG_PDF_PAGES }, (_, i) => ({ runs: [{ x: 72, y: 700, text: `Page ${i + 1} ends here.` }] }))),
  },
];
const rows = inputs.map(({ kind, name, bytes }) => {
  const run = measure(name, bytes);
  console.error(`${kind}: ${run.outcome}, ${round(run.seconds)} s, ${Math.round(run.peakMb)} MB`);
  return { kind, name, bytes: bytes.length, outcome: run.outcome, seconds: round(run.seconds), peakMb: Math.round(run.peakMb) };
});
rmSync(dir, { recursive: true, force: true });

writeResult('hostile-files', {
  what: 'each corpus file imported (importFile, as the worker and the CLI do) in a fresh Node process: outcome, seconds, peak resident memory',
  baseline: { what: 'an ordinary 300-word text file, same way, same run', seconds: round(baseline.seconds), peakMb: Math.round(baseline.peakMb) },
  slowest: rows.reduce((a, b) => (b.seconds > a.seconds ? b : a)),
  largestPeak: rows.reduce((a, b) => (b.peakMb > a.peakMb ? b : a)),
  peakRatio: round(Math.max(...rows.map((row) => row.peakMb)) / baseline.peakMb),
  rows,
});
