import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { CitationNode } from './CitationNode';

/**
 * The nodes a note can hold besides Lexical's own (root, paragraph, text, line break, tab): the
 * note editor registers them, and so does the headless editor that reads stored notes for export
 * and search, so both read a note the same way.
 */
export const NOTE_NODES: readonly Klass<LexicalNode>[] = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode, CitationNode];
