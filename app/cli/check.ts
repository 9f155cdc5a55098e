/**
 * `lectern check DRAFT --library FILE... [--style S] [--locale L] [--markdown]`: the quote
 * check on the command line. The library files are imported as the app imports them (in a
 * worker with its own memory limit), the draft is read as a .txt, .md or .docx file, and the
 * CheckReport is printed as JSON, or as the Markdown report with --markdown. Problems found in
 * the draft are the report, not a failure: the exit code is 0 unless the check cannot run.
 */
import type { Command, CliIo } from '../cli';
import { checkDraft } from '../check/check-draft';
import { readDraft } from '../check/read-draft';
import type { LibraryText } from '../check/report';
import { reportMarkdown } from '../check/report-markdown';
import type { Result } from '../documents/model';
import { resolveStyle } from '../export/styles';
import { registerShippedStyles } from '../export/styles-node';
import { importInWorker } from './import-in-worker';
import { readBytes } from './read-bytes';
import { libraryText } from '../check/library-text';

const USAGE = `usage: lectern check DRAFT --library FILE... [--style apa|mla|chicago|<CSL id>] [--locale L] [--markdown]
  looks every quotation of DRAFT (.txt, .md, .docx) up in the library files, compares the
  citation beside it with the source, and the draft's citations with its own reference list;
  prints the report as JSON (or Markdown with --markdown)
`;

interface CheckArgs {
  draft: string;
  library: string[];
  style: string;
  locale?: string;
  markdown: boolean;
}

function parseArgs(args: string[]): Result<CheckArgs> {
  let draft: string | undefined;
  const library: string[] = [];
  let style = 'apa';
  let locale: string | undefined;
  let markdown = false;
  let inLibrary = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--markdown') markdown = true;
    else if (flag === '--library') {
      inLibrary = true;
      if (inline) library.push(inline);
    } else if (flag === '--style' || flag === '--locale') {
      const value = inline ?? args[++i];
      if (!value) return { ok: false, error: `${flag} needs a value` };
      if (flag === '--style') style = value;
      else locale = value;
    } else if (arg.startsWith('-')) return { ok: false, error: `unknown option ${arg} (try --help)` };
    else if (inLibrary) library.push(arg);
    else if (!draft) draft = arg;
    else return { ok: false, error: `name one draft (“${draft}”), then --library and the files to look quotations up in` };
  }
  if (!draft) return { ok: false, error: 'name the draft to check (try --help)' };
  if (library.length === 0) return { ok: false, error: 'name the library files after --library (try --help)' };
  return { ok: true, value: { draft, library, style, markdown, ...(locale ? { locale } : {}) } };
}

async function readLibrary(paths: readonly string[]): Promise<Result<LibraryText[]>> {
  const library: LibraryText[] = [];
  for (const path of paths) {
    const bytes = await readBytes(path);
    if (!bytes.ok) return bytes;
    const parsed = await importInWorker(path, bytes.value);
    if (!parsed.ok) return parsed;
    library.push(libraryText(parsed.value));
  }
  return { ok: true, value: library };
}

function fail(io: CliIo, message: string): number {
  io.stderr(`lectern check: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  return 1;
}

/** Checks the quotations and citations of a draft against library files. */
export const checkCommand: Command = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const options = parseArgs(args);
  if (!options.ok) return fail(io, options.error);
  const { draft: draftPath, library: libraryPaths, style, locale, markdown } = options.value;
  const styles = await registerShippedStyles();
  if (!styles.ok) return fail(io, styles.error);
  const resolved = resolveStyle(style);
  if (!resolved.ok) return fail(io, resolved.error);
  const bytes = await readBytes(draftPath);
  if (!bytes.ok) return fail(io, bytes.error);
  const draft = await readDraft(draftPath.split(/[\\/]/).pop() ?? draftPath, bytes.value);
  if (!draft.ok) return fail(io, draft.error);
  const library = await readLibrary(libraryPaths);
  if (!library.ok) return fail(io, library.error);
  const report = checkDraft(draft.value, library.value, { style, ...(locale ? { locale } : {}) });
  io.stdout(markdown ? reportMarkdown(report) : JSON.stringify(report, null, 2) + '\n');
  return 0;
};
