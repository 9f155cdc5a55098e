// Text import (decode, detect encoding, reflow, metadata, hash) against the least any importer
// must do: decode the bytes and split them into lines, measured in the same run.
import { readFileSync } from 'node:fs';
import { importFile } from '../app/documents/import';
import { time, writeResult } from './harness';

const seed = readFileSync(new URL('../../shared/seeds/000_62b2ac4b49efefbf.txt', import.meta.url), 'utf8');
// About 1 MB of hard-wrapped text, the shape of text extracted from a long PDF.
const big = new TextEncoder().encode(Array.from({ length: 150 }, () => seed).join('\n\n'));

const baseline = await time(() => new TextDecoder('utf-8').decode(big).split('\n').map((line) => line.trim()), 15);
const lectern = await time(async () => {
  const result = await importFile('big.txt', big);
  if (!result.ok) throw new Error(result.error);
}, 15);

writeResult('import-text', {
  input: { bytes: big.byteLength, description: 'seed 000 repeated 150 times (hard-wrapped)' },
  baseline: { what: 'TextDecoder.decode + split into lines', medianMs: baseline.medianMs },
  lectern: { what: 'importFile: decode, reflow, metadata, SHA-256', medianMs: lectern.medianMs },
  ratio: Math.round((lectern.medianMs / baseline.medianMs) * 100) / 100,
});
