/**
 * `lectern cite FILE... [--format F] [--self] [--locale L]`: the works the files cite (their
 * reference lists, parsed), and with --self the files' own bibliographic items too, exported in
 * one format with citekeys unique across all files. A work cited by several files is listed once.
 */
import { readFile } from 'node:fs/promises';
import type { Command, CliIo } from '../cli';
import { findDocumentCitations } from '../citations/document-citations';
import type { ParsedDocument } from '../documents/model';
import { importInWorker } from './import-in-worker';
import type { CslItem, Result } from '../documents/model';
import { foldForKey } from '../text/fold';
import { exportItems, FORMAT_NAMES } from '../export/export';
import { registerShippedStyles } from '../export/styles-node';

const USAGE = `usage: lectern cite FILE... [--format F] [--self] [--locale en-US|ru-RU]
  prints the works the files cite; --self adds the files' own entries
  F: ${FORMAT_NAMES.join(', ')} (default csl-json), or the id of a shipped CSL style
`;

interface CiteOptions {
  files: string[];
  format: string;
  self: boolean;
  locale?: string;
}

function parseArgs(args: string[]): Result<CiteOptions> {
  const options: CiteOptions = { files: [], format: 'csl-json', self: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--self') options.self = true;
    else if (flag === '--format' || flag === '--locale') {
      const value = inline ?? args[++i];
      if (!value) return { ok: false, error: `${flag} needs a value` };
      if (flag === '--format') options.format = value;
      else options.locale = value;
    } else if (arg.startsWith('-')) return { ok: false, error: `unknown option ${arg} (try --help)` };
    else options.files.push(arg);
  }
  if (options.files.length === 0) return { ok: false, error: 'name at least one file (try --help)' };
  return { ok: true, value: options };
}

async function readDocument(path: string): Promise<Result<ParsedDocument>> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, error: `“${path}” does not exist.` };
    if (code === 'EISDIR') return { ok: false, error: `“${path}” is a folder, not a file.` };
    return { ok: false, error: `“${path}” cannot be read (${code ?? 'unknown error'}).` };
  }
  return importInWorker(path, bytes);
}

/** Same first author, year and title: the same work, whichever file cites it. */
function fingerprint(item: CslItem): string {
  const who = item.author?.[0] ?? item.editor?.[0];
  const name = foldForKey(who?.family ?? who?.literal ?? '');
  return `${name}|${item.issued?.['date-parts']?.[0]?.[0] ?? ''}|${foldForKey(item.title ?? '')}`;
}

/** The works of all files in order, each once, with ids cleared so keys are assigned afresh. */
async function collectItems(options: CiteOptions): Promise<Result<CslItem[]>> {
  const items: CslItem[] = [];
  const seen = new Set<string>();
  const add = (item: CslItem): void => {
    const key = fingerprint(item);
    if (seen.has(key)) return;
    seen.add(key);
    items.push({ ...item, id: `item-${items.length + 1}` });
  };
  for (const file of options.files) {
    const doc = await readDocument(file);
    if (!doc.ok) return doc;
    if (options.self) add(doc.value.metadata);
    for (const reference of findDocumentCitations(doc.value).references) add(reference.csl);
  }
  return { ok: true, value: items };
}

function fail(io: CliIo, message: string): number {
  io.stderr(`lectern cite: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  return 1;
}

/** Prints the works cited by the files named on the command line. */
export const citeCommand: Command = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const options = parseArgs(args);
  if (!options.ok) return fail(io, options.error);
  const styles = await registerShippedStyles();
  if (!styles.ok) return fail(io, styles.error);
  const items = await collectItems(options.value);
  if (!items.ok) return fail(io, items.error);
  const exported = exportItems(items.value, options.value.format, options.value.locale ? { locale: options.value.locale } : {});
  if (!exported.ok) return fail(io, exported.error);
  io.stdout(exported.value.endsWith('\n') ? exported.value : exported.value + '\n');
  return 0;
};
