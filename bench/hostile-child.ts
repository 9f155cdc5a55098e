// One import in a process of its own, for bench/hostile-files: reads FILE, imports it under NAME
// with the same core as the app, and prints the outcome, seconds and the process's peak memory.
import { readFileSync } from 'node:fs';
import { nodeImportContext } from '../app/documents/html/sanitize-node';
import { importFile } from '../app/documents/import';

const [path = '', name = ''] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(path));
const started = performance.now();
const result = await importFile(name, bytes, nodeImportContext());
const seconds = (performance.now() - started) / 1000;
// The message's first clause stands for it in the table ("is too large when unpacked").
const outcome = result.ok ? `imported${result.value.warning ? ' with a warning' : ''}` : `refused: ${result.error.replace(/^“[^”]*” /, '').split(/: |\. | \(|, so /)[0]?.trim() ?? ''}`;
process.stdout.write(JSON.stringify({ ok: result.ok, outcome, seconds, peakMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
