/**
 * A document's own bibliographic description, read from what its text states. Nothing is
 * invented: when the text names no title, the file name stands in and is flagged as such so the
 * student knows to check it; when it names no author, there is none.
 */
import type { CslItem, CslName, MetadataProvenance } from './model';
import {
  findAuthorBox,
  findByline,
  findCreditedAuthor,
  findDate,
  findIssue,
  findPublication,
  findSignature,
} from './metadata-cues';
import { chooseTitle } from './title-cue';

/** Details stated elsewhere (Markdown front matter, a top-level heading) that win over cues. */
export interface StatedMetadata {
  title?: string;
  author?: CslName[];
  issued?: CslItem['issued'];
}

/** What metadata extraction needs. */
export interface MetadataInput {
  /** The document id, reused as the CSL item id. */
  id: string;
  fileName: string;
  /** Block texts in reading order. */
  lines: readonly string[];
  stated?: StatedMetadata;
}

/** The CSL item, its provenance, and which block holds the title (so it can be shown as a heading). */
export interface ExtractedMetadata {
  metadata: CslItem;
  provenance: MetadataProvenance;
  titleBlock?: number;
}

/** Reads the title, authors, date, issue and publication the text states about itself. */
export function extractTextMetadata({ id, fileName, lines, stated = {} }: MetadataInput): ExtractedMetadata {
  const issue = findIssue(lines);
  const byline = findByline(lines);
  const dateLine = findDate(lines);
  const excluded = new Set([issue?.index, byline?.index, dateLine?.index].filter((i): i is number => i !== undefined));
  const titleBlock = stated.title ? undefined : chooseTitle({ lines, excluded, ...(byline ? { bylineIndex: byline.index } : {}) });
  const statedTitle = stated.title ?? (titleBlock !== undefined ? lines[titleBlock] : undefined);
  const title = statedTitle ?? fileNameTitle(fileName);

  const author = stated.author ?? byline?.authors ?? oneName(findAuthorBox(lines)) ?? oneName(findSignature(lines)) ?? oneName(findCreditedAuthor(lines));
  const year = issue?.year ?? byline?.year;
  const issued = stated.issued ?? dateLine?.date ?? (year !== undefined ? { 'date-parts': [[year]] } : undefined);
  const container = findPublication(lines);

  const metadata: CslItem = { id, type: chooseType(statedTitle ?? '', byline?.verb, issue !== undefined, container), title };
  if (author && author.length > 0) metadata.author = author;
  if (issued) metadata.issued = issued;
  if (issue?.issue) metadata.issue = issue.issue;
  if (issue?.volume) metadata.volume = issue.volume;
  if (container) metadata['container-title'] = container;
  return {
    metadata,
    provenance: { titleIsFallback: statedTitle === undefined },
    ...(titleBlock !== undefined ? { titleBlock } : {}),
  };
}

function oneName(name: CslName | undefined): CslName[] | undefined {
  return name ? [name] : undefined;
}

/** "000_62b2ac4b49efefbf.txt" → "000_62b2ac4b49efefbf": honest, and easy for the student to edit. */
export function fileNameTitle(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base) || fileName;
}

function chooseType(title: string, bylineVerb: string | undefined, hasIssue: boolean, container: string | undefined): string {
  if (bylineVerb === 'reviewed' || bylineVerb === 'review' || /\breview\b/i.test(title)) return 'review';
  if (hasIssue) return 'article-journal';
  if (container) return 'article-magazine';
  return 'document';
}
