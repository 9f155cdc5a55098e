// Writes eval/citations/gold/<name>.json for every PDF, web page and text in eval/citations/corpus from
// the document's own citation links (see pdf-links.ts, html-links.ts). Run once per new
// document, then read the file: the gold is what the authors' LaTeX or pandoc linked.
// Notes-and-bibliography documents made here (made--notes-*) have no such links: their gold
// comes from the LaTeX body build.py set them from (see tex-gold.ts).
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { goldFromHtml } from './html-links';
import { goldFromLinks } from './pdf-links';
import { goldFromSource } from './tex-gold';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);

/** The body build.py sets a made document from: its entry in build.py names it. */
function madeBody(name: string): string {
  const build = readFileSync(`${here}made/build.py`, 'utf8');
  const line = build.split('\n').findIndex((l) => l.includes(`'${name}':`));
  const body = line < 0 ? undefined : /body='([^']+)'/u.exec(build.split('\n').slice(line, line + 3).join(' '))?.[1];
  if (!body) throw new Error(`${name}: no body in made/build.py`);
  return readFileSync(`${here}made/${body}`, 'utf8');
}

for (const file of readdirSync(`${here}corpus`).filter((name) => /\.(pdf|html|txt)$/u.test(name))) {
  const name = file.replace(/\.(pdf|html|txt)$/u, '');
  if (only.length ? !only.includes(name) : existsSync(`${here}gold/${name}.json`)) continue;
  const bytes = readFileSync(`${here}corpus/${file}`);
  const notes = name.startsWith('made--notes-');
  // A plain-text document (made--text-X) is pandoc's plain output of its web twin (made--html-X).
  const twin = file.endsWith('.txt') ? `${name.replace(/^made--text-/u, 'made--html-')}.html` : undefined;
  const gold = twin
    ? goldFromHtml(readFileSync(`${here}corpus/${twin}`, 'utf8'))
    : file.endsWith('.html')
      ? goldFromHtml(bytes.toString('utf8'))
      : notes
        ? await goldFromSource(madeBody(name), new Uint8Array(bytes))
        : await goldFromLinks(new Uint8Array(bytes));
  const source = twin ? `the citation links of its web twin ${twin}` : notes ? 'LaTeX source: citations in notes' : file.endsWith('.html') ? 'pandoc citation links' : 'hyperref citation links';
  writeFileSync(`${here}gold/${name}.json`, JSON.stringify({ file, source, ...gold }, null, 1) + '\n');
  console.log(`${name}: ${gold.entries.length} entries, ${gold.citations.length} citations`);
}
