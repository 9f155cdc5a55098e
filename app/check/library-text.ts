import type { ParsedDocument } from '../documents/model';
import type { LibraryText } from './report';

/** A parsed document as the check's library holds it: its text, blocks and, for a PDF, page map and printed labels. */
export function libraryText(doc: ParsedDocument): LibraryText {
  return {
    id: doc.id,
    title: doc.metadata.title ?? doc.fileName,
    format: doc.format,
    metadata: doc.metadata,
    text: doc.text,
    blocks: doc.blocks,
    ...(doc.pageItems ? { pageMap: doc.pageItems } : {}),
    pageLabels: doc.pageLabels ?? null,
  };
}
