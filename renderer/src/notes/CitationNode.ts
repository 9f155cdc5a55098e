import { TextNode, type EditorConfig, type LexicalNode, type NodeKey, type SerializedTextNode, type Spread } from 'lexical';

/** What a citation in a notebook points back to. */
export interface CitationTarget {
  docId: string;
  annotationId: string;
}

/** The stored form of a citation node. */
export type SerializedCitationNode = Spread<{ docId: string; annotationId: string }, SerializedTextNode>;

/**
 * A citation such as "(Ezerova 2018, ¶ 14)" inside a notebook, linked to the highlight it came
 * from; clicking it opens the source at that highlight. A text node, so it reads and exports as
 * plain text, but edited as one unit.
 */
export class CitationNode extends TextNode {
  __docId: string;
  __annotationId: string;

  static override getType(): string {
    return 'lectern-citation';
  }

  static override clone(node: CitationNode): CitationNode {
    return new CitationNode(node.__text, { docId: node.__docId, annotationId: node.__annotationId }, node.__key);
  }

  // Defaults let Lexical's Yjs binding make a blank node that it then fills from the shared type.
  constructor(text = '', target: CitationTarget = { docId: '', annotationId: '' }, key?: NodeKey) {
    super(text, key);
    this.__docId = target.docId;
    this.__annotationId = target.annotationId;
  }

  /** The highlight this citation points back to. */
  getTarget(): CitationTarget {
    const self = this.getLatest();
    return { docId: self.__docId, annotationId: self.__annotationId };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = super.createDOM(config);
    element.classList.add('note-citation');
    element.dataset.docId = this.__docId;
    element.dataset.annotationId = this.__annotationId;
    element.title = 'Open the source at this passage';
    return element;
  }

  static override importJSON(serialized: SerializedCitationNode): CitationNode {
    return $createCitationNode(serialized.text, { docId: serialized.docId, annotationId: serialized.annotationId }).updateFromJSON(serialized);
  }

  override exportJSON(): SerializedCitationNode {
    return { ...super.exportJSON(), type: CitationNode.getType(), docId: this.__docId, annotationId: this.__annotationId };
  }

  override isTextEntity(): true {
    return true;
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }
}

/** Creates a citation node (token mode: it is deleted and selected as a whole). */
export function $createCitationNode(text: string, target: CitationTarget): CitationNode {
  return new CitationNode(text, target).setMode('token');
}

/** True for citation nodes. */
export function $isCitationNode(node: LexicalNode | null | undefined): node is CitationNode {
  return node instanceof CitationNode;
}
