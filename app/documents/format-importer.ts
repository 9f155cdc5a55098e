import type { BlockDraft } from './assemble';
import type { CslItem, DocumentFormat, Result } from './model';
import type { ImportContext } from './html/sanitize';
import type { StatedMetadata } from './text-metadata';

/** What a format's reader gives back: blocks to assemble and the metadata the file states. */
export interface FormatReading {
  drafts: BlockDraft[];
  /** Metadata the file itself states (front matter, PDF info, citation_* meta tags, OPF...). */
  stated: StatedMetadata & { extra?: Partial<CslItem> };
  /** Character encoding, for text formats. */
  encoding?: string;
  /** True when the first heading draft is the document's title (plain text marks it later). */
  titleFromText?: boolean;
  /** A note the student should see, such as "this PDF has no text layer". */
  warning?: string;
  /** Footnote markers and the notes they point to, by draft index (offsets within the marker's draft). */
  footnoteLinks?: DraftFootnoteLink[];
  /**
   * For paged formats (PDF): where each page's text items fall in the canonical text, given that
   * text once the drafts are assembled (encoded per page, see pdf/page-items.ts).
   */
  pageItems?: (text: string) => number[][];
  /** For PDFs that state them: the printed page labels, one per page (page-labels.ts). */
  pageLabels?: string[];
}

/** A note marker in one draft linked to the draft holding its note; import.ts maps it to document offsets. */
export interface DraftFootnoteLink {
  markerDraft: number;
  /** Offset of the marker text within its draft's text. */
  markerOffset: number;
  markerLength: number;
  noteDraft: number;
}

/**
 * One importable format. Each format lives in its own module and is listed in formats.ts, so
 * adding a format never touches the import pipeline itself.
 */
export interface FormatImporter {
  format: DocumentFormat;
  /** Lowercase extensions with the dot. */
  extensions: readonly string[];
  /** Reads the bytes; `name` is the file name quoted for messages; `context` is what the platform offers. */
  read(fileName: string, name: string, bytes: Uint8Array, context: ImportContext): Promise<Result<FormatReading>>;
}
