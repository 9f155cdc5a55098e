/**
 * A note's readable text for the search index: Lexical reads the stored editor state and each
 * block ends its line, so words of separate paragraphs, list items or headings never run together.
 */
import { $getRoot, $isElementNode, type LexicalNode } from 'lexical';
import { readNote } from './note-state';

function collect(node: LexicalNode, parts: string[]): void {
  if (!$isElementNode(node)) {
    // Text, a citation, a tab ("\t") or a line break ("\n").
    parts.push(node.getTextContent());
    return;
  }
  for (const child of node.getChildren()) collect(child, parts);
  if (!node.isInline()) parts.push('\n');
}

/** The readable text of a note's stored editor state (object or JSON text); text that is not JSON is its own text. */
export function noteToPlainText(note: unknown): string {
  if (typeof note === 'string') {
    try {
      JSON.parse(note);
    } catch {
      return note;
    }
  }
  const parts: string[] = [];
  readNote(note, () => collect($getRoot(), parts));
  return parts.join('').replace(/\n{3,}/g, '\n\n').trim();
}
