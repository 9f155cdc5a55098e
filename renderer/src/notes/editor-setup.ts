import type { InitialConfigType } from '@lexical/react/LexicalComposer';
import { NOTE_NODES } from './note-nodes';

/** Class names Lexical puts on what it renders, styled in styles.css. */
const theme = {
  paragraph: 'note-paragraph',
  quote: 'note-quote',
  heading: { h1: 'note-h1', h2: 'note-h2', h3: 'note-h3' },
  list: { ul: 'note-ul', ol: 'note-ol', listitem: 'note-li', nested: { listitem: 'note-li-nested' } },
  link: 'note-link',
  text: { bold: 'note-bold', italic: 'note-italic', underline: 'note-underline', code: 'note-code' },
};

/** The editor configuration shared by highlight notes and notebooks. */
export function editorConfig(namespace: string, initialJson: unknown, onError: (error: Error) => void): InitialConfigType {
  const state = initialJson && typeof initialJson === 'object' ? JSON.stringify(initialJson) : undefined;
  return {
    namespace,
    theme,
    onError,
    nodes: [...NOTE_NODES],
    editorState: state,
  };
}
