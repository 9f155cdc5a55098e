// Writes eval/citations/gold/<name>.json for every PDF and web page in eval/citations/corpus from
// the document's own citation links (see pdf-links.ts, html-links.ts). Run once per new
// document, then read the file: the gold is what the authors' LaTeX or pandoc linked.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { goldFromHtml } from './html-links';
import { goldFromLinks } from './pdf-links';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
for (const file of readdirSync(`${here}corpus`).filter((name) => /\.(pdf|html)$/u.test(name))) {
  const name = file.replace(/\.(pdf|html)$/u, '');
  if (only.length ? !only.includes(name) : existsSync(`${here}gold/${name}.json`)) continue;
  const bytes = readFileSync(`${here}corpus/${file}`);
  const gold = file.endsWith('.html') ? goldFromHtml(bytes.toString('utf8')) : await goldFromLinks(new Uint8Array(bytes));
  writeFileSync(`${here}gold/${name}.json`, JSON.stringify({ file, source: 'hyperref citation links', ...gold }, null, 1) + '\n');
  console.log(`${name}: ${gold.entries.length} entries, ${gold.citations.length} citations`);
}
