/**
 * Notes for tests, made the way the note editor makes them: a headless editor with the editor's
 * nodes runs `build` (Lexical's $ functions) and gives back the state as the editor stores it.
 */
import { createHeadlessEditor } from '@lexical/headless';
import type { SerializedEditorState } from 'lexical';
import { NOTE_NODES } from './note-nodes';

export function editorState(build: () => void): SerializedEditorState {
  const editor = createHeadlessEditor({
    namespace: 'lectern-note-test',
    nodes: [...NOTE_NODES],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(build, { discrete: true });
  return editor.getEditorState().toJSON();
}
