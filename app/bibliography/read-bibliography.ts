/**
 * Reading a bibliography file the student already keeps (BibTeX, BibLaTeX, RIS, CSL-JSON, as
 * Zotero, JabRef, Mendeley and Better BibTeX export them) into CSL items. The bytes are decoded
 * as a text file is (UTF-8, UTF-16 with BOM, windows-1252), the format read from the content. A
 * file Lectern cannot use at all is an error naming it; an entry it cannot read among good ones
 * is left out and named in a warning, so an import is never half of what the file says silently.
 */
import { decodeText, quoteFileName } from '../documents/decode';
import type { CslItem, Result } from '../documents/model';
import type { BibliographyFormat } from '../store/records';
import { parseBibtexChunks, splitBibtex } from './bibtex-entries';
import { MAX_BIBLIOGRAPHY_BYTES, MAX_BIBLIOGRAPHY_ENTRIES } from './limits';

export { MAX_BIBLIOGRAPHY_BYTES, MAX_BIBLIOGRAPHY_ENTRIES } from './limits';
import { parseCslJson } from './csl-json-entries';
import { detectFormat } from './detect-format';
import { parseRis } from './ris-entries';
import { describesWork, tidyItem } from './tidy-item';

/** Skipped entries named one by one in the warning; the rest are counted. */
const NAMED_SKIPS = 5;

/** One entry of the file, as a CSL item, with the key the file gave it. */
export interface BibliographyEntry {
  /** The entry; its `id` is "" until the store gives one. */
  csl: CslItem;
  /** The file's own key ("smith2020"; Zotero's citation key in CSL-JSON), when it has one. */
  sourceKey?: string;
}

/** A bibliography file read. */
export interface ReadBibliography {
  format: BibliographyFormat;
  entries: BibliographyEntry[];
  /** One line per kind of trouble, for the notice after the import. */
  warnings: string[];
}

const FORMAT_NAMES: Record<BibliographyFormat, string> = { bibtex: 'BibTeX', biblatex: 'BibLaTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' };

/** The format's name as students know it. */
export function bibliographyFormatName(format: BibliographyFormat): string {
  return FORMAT_NAMES[format];
}

interface Raw {
  csl: Record<string, unknown>;
  /** How a warning names the entry: "smith2020 (line 12)", "record 3". */
  label: string;
  sourceKey?: string;
}

function usableKey(key: string | undefined): string | undefined {
  const trimmed = key?.trim();
  // Zotero's CSL-JSON ids are URLs or "1234/ABCD": not keys anyone typed.
  return trimmed && /^[\p{L}\p{N}_:.+-]{1,100}$/u.test(trimmed) && !/^\d+\/[A-Z0-9]+$/u.test(trimmed) ? trimmed : undefined;
}

function skippedWarning(skipped: readonly string[]): string | undefined {
  if (skipped.length === 0) return undefined;
  const named = skipped.slice(0, NAMED_SKIPS).join('; ');
  const more = skipped.length > NAMED_SKIPS ? `; and ${skipped.length - NAMED_SKIPS} more` : '';
  return `${skipped.length} ${skipped.length === 1 ? 'entry' : 'entries'} skipped: ${named}${more}`;
}

/** Reports entries read so far, of how many, for a progress bar. */
export type BibliographyProgress = (done: number, total: number) => void;

function readRaw(format: BibliographyFormat, text: string, name: string, onProgress?: BibliographyProgress): Result<{ raw: Raw[]; skipped: string[] }> {
  if (format === 'csl-json') {
    const parsed = parseCslJson(text);
    if (!parsed.ok) return { ok: false, error: `${name} ${parsed.error}.` };
    return {
      ok: true,
      value: {
        raw: parsed.value.entries.map((e) => {
          const key = usableKey(typeof e.csl['citation-key'] === 'string' ? e.csl['citation-key'] : undefined) ?? usableKey(e.id);
          return { csl: e.csl, label: key ? `${key} (item ${e.index})` : `item ${e.index}`, ...(key ? { sourceKey: key } : {}) };
        }),
        skipped: parsed.value.failed.map((f) => `item ${f.index} (${f.reason})`),
      },
    };
  }
  if (format === 'ris') {
    const parsed = parseRis(text, onProgress);
    return {
      ok: true,
      value: {
        raw: parsed.entries.map((e) => {
          const key = usableKey(e.id);
          return { csl: e.csl, label: key ? `${key} (record ${e.index})` : `record ${e.index}`, ...(key ? { sourceKey: key } : {}) };
        }),
        skipped: parsed.failed.map((f) => `record ${f.index} (${f.reason})`),
      },
    };
  }
  const parsed = parseBibtexChunks(splitBibtex(text), onProgress);
  return {
    ok: true,
    value: {
      raw: parsed.entries.map(({ csl, chunk }) => {
        const key = usableKey(chunk.key);
        return { csl, label: `${chunk.key || '@' + chunk.type} (line ${chunk.line})`, ...(key ? { sourceKey: key } : {}) };
      }),
      skipped: parsed.failed.map(({ chunk, reason }) => `${chunk.key || '@' + chunk.type} at line ${chunk.line} (${reason})`),
    },
  };
}

/** Reads a bibliography file's bytes into CSL items. */
export function readBibliography(fileName: string, bytes: Uint8Array, onProgress?: BibliographyProgress): Result<ReadBibliography> {
  const name = quoteFileName(fileName);
  if (bytes.length > MAX_BIBLIOGRAPHY_BYTES) {
    return { ok: false, error: `${name} is larger than ${MAX_BIBLIOGRAPHY_BYTES / 1024 / 1024} MB, more than any bibliography Lectern reads. Export a smaller part of it.` };
  }
  const decoded = decodeText(fileName, bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.value.text;
  const format = detectFormat(text, fileName);
  if (!format) {
    return { ok: false, error: `${name} is not a bibliography Lectern reads: it should be BibTeX or BibLaTeX (.bib), RIS (.ris) or CSL-JSON (.json).` };
  }
  // A cheap upper bound before any parsing: every entry starts with "@" or "TY  -" or "{".
  const starts = format === 'ris' ? (text.match(/^TY {2}-/gmu) ?? []).length : format === 'csl-json' ? 0 : (text.match(/@[a-zA-Z]+\s*[{(]/gu) ?? []).length;
  if (starts > MAX_BIBLIOGRAPHY_ENTRIES * 1.2) return tooMany(name);
  const read = readRaw(format, text, name, onProgress);
  if (!read.ok) return read;
  if (read.value.raw.length + read.value.skipped.length > MAX_BIBLIOGRAPHY_ENTRIES) return tooMany(name);
  const skipped = [...read.value.skipped];
  const entries: BibliographyEntry[] = [];
  for (const raw of read.value.raw) {
    const csl = tidyItem(raw.csl);
    if (!describesWork(csl)) {
      skipped.push(`${raw.label} (no title, or no author and year)`);
      continue;
    }
    entries.push({ csl, ...(raw.sourceKey ? { sourceKey: raw.sourceKey } : {}) });
  }
  if (entries.length === 0) {
    const why = skipped.length > 0 ? ` (${skipped.length} could not be read: ${skipped.slice(0, NAMED_SKIPS).join('; ')})` : '';
    return { ok: false, error: `${name} holds no ${FORMAT_NAMES[format]} entries Lectern could read${why}.` };
  }
  const warning = skippedWarning(skipped);
  return { ok: true, value: { format, entries, warnings: warning ? [warning] : [] } };
}

function tooMany(name: string): Result<never> {
  return { ok: false, error: `${name} holds more than ${MAX_BIBLIOGRAPHY_ENTRIES.toLocaleString('en')} entries, more than Lectern imports from one file. Split it and import the parts.` };
}
