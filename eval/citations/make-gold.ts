// Writes eval/citations/gold/<name>.json for every PDF in eval/citations/corpus from the PDF's
// own citation links (see pdf-links.ts). Run once per new document, then read the file: the
// gold is what the authors' LaTeX linked, checked by eye, and corrected by hand where noted.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { goldFromLinks } from './pdf-links';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
for (const file of readdirSync(`${here}corpus`).filter((name) => name.endsWith('.pdf'))) {
  const name = file.replace(/\.pdf$/u, '');
  if (only.length ? !only.includes(name) : existsSync(`${here}gold/${name}.json`)) continue;
  const gold = await goldFromLinks(new Uint8Array(readFileSync(`${here}corpus/${file}`)));
  writeFileSync(`${here}gold/${name}.json`, JSON.stringify({ file, source: 'hyperref citation links', ...gold }, null, 1) + '\n');
  console.log(`${name}: ${gold.entries.length} entries, ${gold.citations.length} citations`);
}
