// The `lectern` command as a student runs it, each as its own process: starting (`--help`) with
// the built CLI and from the TypeScript sources, against `node -e 0`; and `lectern citations` on
// a 26-page paper from the development corpus (quantreg's crq vignette), against a process that
// only opens the same PDF with pdf.js and reads the text of every page.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { time, writeResult } from './harness';

const repo = fileURLToPath(new URL('..', import.meta.url));
const paper = `${repo}eval/citations/corpus/quantreg--crq.pdf`;
const node = process.execPath;
const run = (args: string[], env: Record<string, string> = {}) => () => execFileSync(node, args, { cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });

// Measure the CLI as npm ci builds it from these sources (a stale build would fall back to tsx).
execFileSync(node, ['scripts/build-cli.mjs'], { cwd: repo, stdio: 'inherit' });

const rawText = `
import { readFileSync } from 'node:fs';
const [{ getDocument }, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
globalThis.pdfjsWorker = { WorkerMessageHandler: worker.WorkerMessageHandler };
const pdf = await getDocument({ data: new Uint8Array(readFileSync(${JSON.stringify(paper)})), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
for (let p = 1; p <= pdf.numPages; p++) await (await pdf.getPage(p)).getTextContent();
`;

const baselineStart = await time(run(['-e', '0']), 7, 1);
const builtStart = await time(run(['bin/lectern.mjs', '--help']), 7, 1);
const sourcesStart = await time(run(['bin/lectern.mjs', '--help'], { LECTERN_FROM_SOURCES: '1' }), 5, 1);
const citations = await time(run(['bin/lectern.mjs', 'citations', paper]), 5, 1);
const pdfjsOnly = await time(run(['--input-type=module', '-e', rawText]), 5, 1);

const round = (ms: number) => Math.round(ms);
writeResult('cli', {
  start: {
    what: 'lectern --help as a process, built CLI (out/cli)',
    medianMs: round(builtStart.medianMs),
    fromSourcesMs: round(sourcesStart.medianMs),
    baseline: { what: 'node -e 0', medianMs: round(baselineStart.medianMs) },
    ratio: Math.round((builtStart.medianMs / baselineStart.medianMs) * 100) / 100,
    targetMs: 500,
  },
  citations: {
    what: 'lectern citations on a 26-page PDF (quantreg crq.pdf) as a process',
    medianMs: round(citations.medianMs),
    baseline: { what: 'a process that opens the same PDF with pdf.js and reads every page’s text', medianMs: round(pdfjsOnly.medianMs) },
    ratio: Math.round((citations.medianMs / pdfjsOnly.medianMs) * 100) / 100,
    targetMs: 2000,
  },
});
