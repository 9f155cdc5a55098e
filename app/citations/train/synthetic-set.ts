/**
 * The synthetic training set `npm run train:refs` uses: items from real .bib files (R packages
 * installed from Debian, and the development corpus's own works.bib) rendered through official
 * CSL styles (Debian's citation-style-language-styles) in English, German, French and Russian.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabelledReference } from '../anystyle-xml';
import { fromBibtexText } from '../../export/citation-js';
import { seededRandom, shuffle } from '../perceptron';
import { readStyles, synthesize } from './synthetic';

const STYLES = '/usr/share/citation-style-language/styles';
const LOCALES = '/usr/share/citation-style-language/locales';
const BIB_FILES = [
  '/usr/lib/R/site-library/plm/REFERENCES.bib',
  '/usr/lib/R/site-library/Rcpp/bib/Rcpp.bib',
  fileURLToPath(new URL('../../../eval/citations/made/works.bib', import.meta.url)),
];
/** Styles always in the mix: the languages and forms real papers in the corpus use. */
const ALWAYS = [
  'apa', 'chicago-author-date', 'chicago-fullnote-bibliography', 'modern-language-association', 'ieee', 'vancouver', 'nature',
  'harvard-cite-them-right', 'american-sociological-association', 'springer-basic-author-date', 'elsevier-harvard',
  'gost-r-7-0-5-2008', 'gost-r-7-0-5-2008-numeric', 'din-1505-2', 'deutsche-gesellschaft-fur-psychologie', 'chicago-author-date-de',
  'chicago-author-date-fr', 'apa-fr-provost', 'iso690-author-date-fr-no-abstract', 'iso690-numeric-fr',
];

/** `count` synthetic references (none when the styles package is not installed). */
export function syntheticReferences(count: number, seed: number): { references: LabelledReference[]; from: string } {
  if (count <= 0 || !existsSync(STYLES)) return { references: [], from: 'none' };
  const items = BIB_FILES.filter((f) => existsSync(f)).flatMap((f) => fromBibtexText(readFileSync(f, 'utf8')));
  const every = readdirSync(STYLES).filter((f) => f.endsWith('.csl')).sort();
  const sample = shuffle([...every], seededRandom(seed)).slice(0, 150);
  const names = [...new Set([...ALWAYS.map((n) => `${n}.csl`).filter((f) => every.includes(f)), ...sample])];
  const styles = readStyles(names.map((f) => join(STYLES, f)));
  const locales = Object.fromEntries(['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ru-RU'].map((l) => [l, readFileSync(join(LOCALES, `locales-${l}.xml`), 'utf8')]));
  const references = synthesize(items, styles, locales, { count, seed, localised: 0.3 });
  return { references, from: `${items.length} items from ${BIB_FILES.length} .bib files through ${styles.length} CSL styles` };
}
