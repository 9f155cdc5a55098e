/**
 * What the student reads when a zipped document (EPUB, DOCX) cannot be unpacked. Each message
 * names the file and says what to do, never how the archive is laid out inside.
 */
import type { ZipProblem } from './zip-archive';

/** The kind of document, as a student would name it: "EPUB book", "Word document (.docx)". */
export interface ZipDocumentKind {
  label: string;
  /** "a" or "an", as the label needs. */
  article: 'a' | 'an';
  /** How to get a readable copy: "save it again from Word". */
  remedy: string;
}

/** The message for a problem with the archive `name` (already quoted). */
export function zipProblemMessage(name: string, problem: ZipProblem, kind: ZipDocumentKind): string {
  switch (problem) {
    case 'too-large':
      return `${name} is too large when unpacked (possible zip bomb): Lectern unpacks at most 200 MB, and 50 MB for any one part. If the file is genuine, ${kind.remedy}.`;
    case 'encrypted':
      return `${name} is password-protected. Remove the password, then import it again.`;
    case 'not-zip':
      return `${name} is damaged: it is not ${kind.article} ${kind.label} Lectern can open. Check that it opens elsewhere, then ${kind.remedy}.`;
    case 'damaged':
      return `${name} is damaged: parts of it cannot be unpacked. Check that it opens elsewhere, then ${kind.remedy}.`;
  }
}

/** The message for an archive that unpacks but lacks a part every such document has. */
export function missingPartMessage(name: string, part: string, kind: ZipDocumentKind): string {
  return `${name} is damaged: it has no ${part}, which every ${kind.label} needs. Check that it opens elsewhere, then ${kind.remedy}.`;
}
