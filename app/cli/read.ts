/**
 * `lectern read FILE [--json]`: import one file with the same core the app uses and print its
 * metadata and blocks, as JSON for scripts or as a readable summary for people.
 */
import { basename } from 'node:path';
import type { Command } from '../cli';
import { importInWorker } from './import-in-worker';
import type { CslDate, CslName, ParsedDocument } from '../documents/model';
import { readBytes } from './read-bytes';

/** One block as `lectern read --json` prints it: its kind and its text, sliced from the document. */
export interface ReadJsonBlock {
  kind: string;
  text: string;
  level?: number;
  ordered?: boolean;
}

/** Parses the file named on the command line; prints one error line and returns 1 on failure. */
export const readCommand: Command = async (args, io) => {
  const json = args.includes('--json');
  const unknown = args.find((a) => a.startsWith('-') && a !== '--json');
  const files = args.filter((a) => !a.startsWith('-'));
  if (unknown || files.length !== 1) {
    io.stderr(`lectern read: ${unknown ? `unknown option "${unknown}"` : 'expected one file'} (usage: lectern read FILE [--json])\n`);
    return 1;
  }
  const path = files[0] ?? '';
  const bytes = await readBytes(path);
  if (!bytes.ok) {
    io.stderr(`lectern read: ${bytes.error}\n`);
    return 1;
  }
  const result = await importInWorker(basename(path), bytes.value);
  if (!result.ok) {
    io.stderr(`lectern read: ${result.error}\n`);
    return 1;
  }
  if (result.value.warning) io.stderr(`lectern read: warning: ${result.value.warning}\n`);
  io.stdout(json ? JSON.stringify(toJson(result.value), null, 2) + '\n' : summary(result.value));
  return 0;
};

/** The JSON shape of `lectern read --json`. */
export function toJson(document: ParsedDocument): { metadata: ParsedDocument['metadata']; blocks: ReadJsonBlock[] } {
  return {
    metadata: document.metadata,
    blocks: document.blocks.map((block) => ({
      kind: block.kind,
      text: document.text.slice(block.start, block.end),
      ...(block.level !== undefined ? { level: block.level } : {}),
      ...(block.ordered !== undefined ? { ordered: block.ordered } : {}),
    })),
  };
}

function summary(document: ParsedDocument): string {
  const { metadata, provenance } = document;
  const lines = [`Title:   ${metadata.title ?? ''}${provenance.titleIsFallback ? ' (from the file name)' : ''}`];
  lines.push(`Author:  ${metadata.author?.map(formatName).join('; ') || 'not stated'}`);
  const issued = formatDate(metadata.issued);
  if (issued) lines.push(`Date:    ${issued}`);
  if (metadata['container-title']) lines.push(`In:      ${metadata['container-title']}`);
  lines.push(`Format:  ${document.format}, ${document.encoding ?? 'binary'}, ${document.blocks.length} blocks`, '');
  for (const block of document.blocks) {
    const text = document.text.slice(block.start, block.end);
    if (block.kind === 'heading') lines.push(`${'#'.repeat(block.level ?? 1)} ${text}`);
    else if (block.kind === 'list-item') lines.push(`${'  '.repeat(block.level ?? 0)}${block.ordered ? '1.' : '-'} ${text}`);
    else if (block.kind === 'quote') lines.push(`> ${text}`);
    else if (block.kind === 'rule') lines.push('---');
    else lines.push(text);
    lines.push('');
  }
  return lines.join('\n');
}

function formatName(name: CslName): string {
  return name.literal ?? [name.given, name['non-dropping-particle'], name.family, name.suffix].filter(Boolean).join(' ');
}

function formatDate(date: CslDate | undefined): string | undefined {
  const parts = date?.['date-parts']?.[0];
  return parts ? parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('-') : date?.literal ?? date?.raw;
}
