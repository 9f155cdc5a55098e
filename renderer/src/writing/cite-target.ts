/**
 * What "Copy as citation" copies: a highlight (its quote, with the printed page or paragraph it
 * sits on) or a whole work (a source of the library, a cited or imported work), cited for pandoc,
 * LaTeX or in a CSL style. The key is the work's stored key, given to the same owners as in the
 * synced bibliography file, so a pasted [@key] always resolves against that file.
 */
import type { PassageLocator } from '../../../app/citations/quote-citation';
import type { CslItem, Result } from '../../../app/documents/model';
import type { LecternDb } from '../../../app/store/db';
import { citekeysFor } from '../../../app/store/citekeys-repo';
import type { CiteTool } from '../../../app/writing/cite-as';
import { readSyncSources, syncEntries, type SyncEntry } from '../../../app/writing/sync-entries';
import { loadExport } from '../citations/styles';
import { quoteFromHighlight } from '../notes/quote-from-highlight';

/** What is cited. */
export type CiteTarget =
  | { kind: 'highlight'; docId: string; annotationId: string }
  /** A work of the library by any owner of its key: "doc:<id>", "ref:<reference id>", "work:<imported id>". */
  | { kind: 'work'; owner: string };

/** The tool to cite for and, for formatted text, the style. */
export interface CiteChoice {
  tool: CiteTool;
  style: string;
}

/** A target with its key found: what every tool's citation is made from. */
export interface ResolvedTarget {
  key: string;
  item: CslItem;
  /** A highlight's passage and its place; absent for a whole work. */
  quote?: string;
  locator?: PassageLocator | null;
}

/** The library's entry holding `owner` (with all its owners, as the synced file groups them). */
async function entryOf(db: LecternDb, owner: string): Promise<SyncEntry | null> {
  const entries = syncEntries(await readSyncSources(db));
  return entries.find((entry) => entry.owners.includes(owner)) ?? null;
}

/**
 * The key and description of `target`. `pin` marks the key as having left Lectern: set it when a
 * citation is copied, not when it is only shown.
 */
export async function resolveTarget(db: LecternDb, target: CiteTarget, pin: boolean): Promise<Result<ResolvedTarget>> {
  if (target.kind === 'highlight') {
    const source = await quoteFromHighlight(db, target.docId, target.annotationId);
    if (!source) return { ok: false, error: 'That highlight is no longer in your library.' };
    const entry = (await entryOf(db, `doc:${target.docId}`)) ?? { owners: [`doc:${target.docId}`], csl: source.item };
    const [key] = await citekeysFor(db, [entry], { pin });
    return { ok: true, value: { key: key ?? source.item.id, item: source.item, quote: source.quote, locator: source.locator } };
  }
  const entry = await entryOf(db, target.owner);
  if (!entry) return { ok: false, error: 'That work is no longer in your library.' };
  const [key] = await citekeysFor(db, [entry], { pin });
  return { ok: true, value: { key: key ?? entry.csl.id, item: entry.csl } };
}

/** The formatter, loaded with citation-js and the shipped styles on first use. */
export async function loadCiteFormatter(): Promise<(resolved: ResolvedTarget, choice: CiteChoice) => string> {
  await loadExport();
  const { citeAs, quoteAs } = await import('../../../app/writing/cite-as');
  return (resolved, choice) => {
    const options = { item: resolved.item, style: choice.style };
    return resolved.quote !== undefined ? quoteAs(choice.tool, resolved.quote, resolved.key, resolved.locator, options) : citeAs(choice.tool, resolved.key, null, options);
  };
}

/** Puts `text` on the clipboard; an error message a student can act on when the page may not. */
export async function writeClipboard(text: string): Promise<Result<void>> {
  try {
    await navigator.clipboard.writeText(text);
    return { ok: true, value: undefined };
  } catch {
    return { ok: false, error: 'Lectern could not write to the clipboard. Select the citation and copy it by hand.' };
  }
}

/** Copies the citation of `target` for `choice`, pinning its key; resolves with the text copied. */
export async function copyCitation(db: LecternDb, target: CiteTarget, choice: CiteChoice): Promise<Result<string>> {
  const [resolved, format] = await Promise.all([resolveTarget(db, target, true), loadCiteFormatter()]);
  if (!resolved.ok) return resolved;
  const text = format(resolved.value, choice);
  const written = await writeClipboard(text);
  return written.ok ? { ok: true, value: text } : written;
}
