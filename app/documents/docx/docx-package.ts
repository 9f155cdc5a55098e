/**
 * Unpacking a Word document safely before mammoth sees it. Only the XML parts are unpacked,
 * each within the zip limits; images, embedded objects and fonts are never inflated. The parts
 * are packed again, uncompressed, into the archive mammoth reads, so mammoth cannot inflate
 * anything Lectern has not already measured.
 */
import { zipSync } from 'fflate';
import { limitTagDepth } from '../html/tag-depth';
import { ZipArchive, type ZipProblem } from '../zip/zip-archive';

/** A Word document's unpacked XML, ready for mammoth, and its core properties if any. */
export interface DocxPackage {
  /** A stored (uncompressed) zip holding only the XML parts. */
  zipped: Uint8Array;
  /** The deepest element nesting of any XML part. */
  deepest: number;
  coreXml?: string;
}

/** Why a .docx could not be unpacked: an archive problem, or a part every Word document has is missing. */
export type DocxProblem = { problem: ZipProblem } | { missing: string };

const MAIN_PART_TYPE = /officeDocument$/;

/** Unpacks the XML parts of a .docx, or says what is wrong with it. */
export function unpackDocx(bytes: Uint8Array): { ok: true; value: DocxPackage } | { ok: false; error: DocxProblem } {
  const opened = ZipArchive.open(bytes);
  if (!opened.ok) return { ok: false, error: { problem: opened.problem } };
  const archive = opened.value;
  const parts: Record<string, Uint8Array> = {};
  let deepest = 0;
  for (const name of archive.names) {
    if (!/\.(?:xml|rels)$/i.test(name) || /^word\/(?:media|embeddings|fonts)\//i.test(name)) continue;
    const read = archive.read(name);
    if (!read) continue;
    if (!read.ok) return { ok: false, error: { problem: read.problem } };
    parts[name] = read.value;
    deepest = Math.max(deepest, tagDepth(read.value));
  }
  const rels = parts['_rels/.rels'];
  if (!rels) return { ok: false, error: { missing: 'package relationships (_rels/.rels)' } };
  const main = mainPartName(new TextDecoder().decode(rels));
  if (!main || !parts[main]) return { ok: false, error: { missing: 'document text (word/document.xml)' } };
  const core = parts['docProps/core.xml'];
  return {
    ok: true,
    value: { zipped: zipSync(parts, { level: 0 }), deepest, ...(core ? { coreXml: new TextDecoder().decode(core) } : {}) },
  };
}

/** The main document part named by the package relationships ("word/document.xml" in nearly every file). */
function mainPartName(relsXml: string): string | undefined {
  for (const tag of relsXml.match(/<Relationship\b[^>]*>/g) ?? []) {
    const type = /\bType="([^"]*)"/.exec(tag)?.[1] ?? '';
    const target = /\bTarget="([^"]*)"/.exec(tag)?.[1];
    if (MAIN_PART_TYPE.test(type) && target) return target.replace(/^\//, '');
  }
  return undefined;
}

/** How deep the elements of one XML part nest. */
function tagDepth(xml: Uint8Array): number {
  return limitTagDepth(new TextDecoder().decode(xml), Infinity, true).deepest;
}
