/**
 * `lectern citations FILE`: import one file and print its reference list (parsed to CSL) and its
 * in-text citations, footnote markers and author mentions, linked, as JSON. Offsets point into
 * the document text as `lectern read` produces it.
 */
import { basename } from 'node:path';
import type { Command } from '../cli';
import { findDocumentCitations, type DocumentCitations } from '../citations/document-citations';
import { importInWorker } from './import-in-worker';
import type { CslItem } from '../documents/model';
import { readBytes } from './read-bytes';

/** The JSON `lectern citations` prints. */
export interface CitationsJson {
  references: Array<{ id: string; raw: string; csl: CslItem }>;
  citations: Array<{ text: string; start: number; end: number; kind: string; referenceIds: string[]; locator?: string; unresolved?: boolean }>;
}

/** The printed shape of a document's citations. */
export function toCitationsJson(found: DocumentCitations): CitationsJson {
  return {
    references: found.references.map(({ id, raw, csl }) => ({ id, raw, csl })),
    citations: found.citations.map((c) => ({
      text: c.text,
      start: c.start,
      end: c.end,
      kind: c.kind,
      referenceIds: c.referenceIds,
      ...(c.locator ? { locator: c.locator } : {}),
      ...(c.unresolved ? { unresolved: true } : {}),
    })),
  };
}

/** Prints the citations of the file named on the command line; one error line and 1 on failure. */
export const citationsCommand: Command = async (args, io) => {
  const unknown = args.find((a) => a.startsWith('-'));
  const files = args.filter((a) => !a.startsWith('-'));
  if (unknown || files.length !== 1) {
    io.stderr(`lectern citations: ${unknown ? `unknown option "${unknown}"` : 'expected one file'} (usage: lectern citations FILE)\n`);
    return 1;
  }
  const path = files[0] ?? '';
  const bytes = await readBytes(path);
  if (!bytes.ok) {
    io.stderr(`lectern citations: ${bytes.error}\n`);
    return 1;
  }
  const imported = await importInWorker(basename(path), bytes.value);
  if (!imported.ok) {
    io.stderr(`lectern citations: ${imported.error}\n`);
    return 1;
  }
  if (imported.value.warning) io.stderr(`lectern citations: warning: ${imported.value.warning}\n`);
  io.stdout(JSON.stringify(toCitationsJson(findDocumentCitations(imported.value)), null, 2) + '\n');
  return 0;
};
