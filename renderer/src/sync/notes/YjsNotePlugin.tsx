/**
 * Binds the note editor, live, to its note's Y.XmlText while sync is on: what the student types
 * goes to Yjs at once and what others type appears here, merged by character. The editor's own
 * saving then writes Dexie as it does without sync.
 *
 * Undo is Yjs's UndoManager (the editor mounts no HistoryPlugin then): it undoes only this
 * editor's own changes, never text that arrived from another machine.
 */
import { createUndoManager } from '@lexical/yjs';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { CAN_REDO_COMMAND, CAN_UNDO_COMMAND, COMMAND_PRIORITY_EDITOR, HISTORY_MERGE_TAG, mergeRegister, REDO_COMMAND, UNDO_COMMAND, type EditorState, type LexicalEditor, type SerializedEditorState } from 'lexical';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { NoteKey } from '../../../../app/sync/contract';
import { canonicalNote, type NoteNodeJson } from './note-json';
import { $bringRootTo, $keepingCaret, $replaceRoot, mergeBlocks } from './note-reconcile';
import type { SyncNotes } from './sync-notes-context';
import { bindEditorToNote } from './yjs-note-binding';

export interface YjsNotePluginProps {
  noteKey: NoteKey;
  sync: SyncNotes;
  /** The editor opened on a draft newer than the store (typed here, never saved): it is pushed, not replaced. */
  recovered: boolean;
}

const blocks = (state: SerializedEditorState | null): NoteNodeJson[] => (state ? (state.root.children) : []);

/**
 * Binds `editor` to the note: when the XmlText is empty the editor's content fills it; otherwise
 * the XmlText's content is shown, unless what the editor opened with has not reached Yjs yet
 * (`pushMine`), which is then brought onto it with the smallest change: only what changed here
 * since `base` (the blocks last in step) when it is known. Returns the unbinding.
 */
export function attachLiveNote(editor: LexicalEditor, sync: SyncNotes, noteKey: NoteKey, pushMine: boolean, base?: NoteNodeJson[]): () => void {
  const mine = canonicalNote(editor.getEditorState().toJSON());
  const bound = bindEditorToNote(editor, sync.doc, noteKey);
  const { binding } = bound;
  if (mine) {
    const yjs = bound.text.length > 0 ? editor.getEditorState().toJSON() : null;
    if (!yjs) {
      binding.isBootstrapping = true;
      try {
        editor.update(
          () => $keepingCaret(() => $replaceRoot(blocks(mine))),
          { discrete: true, tag: HISTORY_MERGE_TAG },
        );
      } finally {
        binding.isBootstrapping = false;
      }
    } else if (pushMine && JSON.stringify(canonicalNote(yjs)) !== JSON.stringify(mine)) {
      const target = base ? mergeBlocks(base, blocks(yjs), blocks(mine)) : blocks(mine);
      editor.update(
        () => $keepingCaret(() => $bringRootTo(blocks(yjs), target)),
        { discrete: true },
      );
    }
  }
  const undo = createUndoManager(binding, bound.text);
  const publish = () => {
    editor.dispatchCommand(CAN_UNDO_COMMAND, undo.undoStack.length > 0);
    editor.dispatchCommand(CAN_REDO_COMMAND, undo.redoStack.length > 0);
  };
  undo.on('stack-item-added', publish);
  undo.on('stack-item-popped', publish);
  undo.on('stack-cleared', publish);
  const commands = mergeRegister(
    editor.registerCommand(
      UNDO_COMMAND,
      () => {
        undo.undo();
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      REDO_COMMAND,
      () => {
        undo.redo();
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
  );
  return () => {
    commands();
    undo.destroy();
    bound.dispose();
  };
}

/** An editor showing a note, in the order they opened; the first is bound, the others follow it. */
interface Member {
  editor: LexicalEditor;
  lead: () => void;
}

/** Said (as a tooltip) by a pane that shows a note being edited in another pane. */
const FOLLOWING = 'This note is open in another pane: edit it there.';

const openEditors = new WeakMap<Y.Doc, Map<NoteKey, Member[]>>();

function editorsOf(doc: Y.Doc, key: NoteKey): Member[] {
  let byKey = openEditors.get(doc);
  if (!byKey) openEditors.set(doc, (byKey = new Map<NoteKey, Member[]>()));
  let list = byKey.get(key);
  if (!list) byKey.set(key, (list = []));
  return list;
}

/** Shows the leading editor's content in a follower (not saved again, not an undo step). */
function mirror(follower: LexicalEditor, state: EditorState): void {
  follower.setEditorState(follower.parseEditorState(state.toJSON()), { tag: HISTORY_MERGE_TAG });
}

/**
 * Mounted by RichEditor when sync is on and the editor edits a known note. One Yjs binding per
 * note: when the same note is open in two panes, the first one opened edits it and the other
 * shows it read-only, following every change, until the first closes.
 */
export function YjsNotePlugin({ noteKey, sync, recovered }: YjsNotePluginProps) {
  const [editor] = useLexicalComposerContext();
  const [following, setFollowing] = useState(false);
  useEffect(() => {
    // Held at once, so the bridge leaves this note's row to the editor from now on.
    const release = sync.bridge.bind(noteKey);
    const editors = editorsOf(sync.doc, noteKey);
    let detach: (() => void) | null = null;
    let stopMirror: (() => void) | null = null;
    let cancelled = false;
    let first = true;
    // A following pane shows the note without the formatting buttons it cannot use.
    const frame = (on: boolean) => editor.getRootElement()?.closest('.rich-editor')?.classList.toggle('rich-editor-following', on);
    const lead = () => {
      setFollowing(false);
      frame(false);
      editor.setEditable(true);
      if (editor.getRootElement()?.getAttribute('title') === FOLLOWING) editor.getRootElement()?.removeAttribute('title');
      // What the editor holds now: anything added before the binding is ready (a quote sent
      // "To notebook" as the pane opens, quick typing) is pushed rather than replaced.
      const opened = JSON.stringify(canonicalNote(editor.getEditorState().toJSON()));
      const draft = first && recovered;
      first = false;
      stopMirror = editor.registerUpdateListener(({ editorState }) => {
        for (const member of editors) if (member.editor !== editor) mirror(member.editor, editorState);
      });
      void (sync.bridge.localState?.(noteKey) ?? Promise.resolve({ changed: false, base: undefined }))
        .catch(() => ({ changed: true, base: undefined }))
        .then(({ changed, base }) => {
          if (cancelled) return;
          const edited = JSON.stringify(canonicalNote(editor.getEditorState().toJSON())) !== opened;
          detach = attachLiveNote(editor, sync, noteKey, changed || draft || edited, base);
        });
    };
    const self: Member = { editor, lead };
    editors.push(self);
    if (editors[0] === self) lead();
    else {
      first = false;
      setFollowing(true);
      frame(true);
      editor.setEditable(false);
      editor.getRootElement()?.setAttribute('title', FOLLOWING);
      mirror(editor, editors[0]!.editor.getEditorState());
    }
    return () => {
      cancelled = true;
      detach?.();
      stopMirror?.();
      const leading = editors[0] === self;
      editors.splice(editors.indexOf(self), 1);
      frame(false);
      editor.setEditable(true);
      if (editor.getRootElement()?.getAttribute('title') === FOLLOWING) editor.getRootElement()?.removeAttribute('title');
      if (leading) editors[0]?.lead();
      release();
    };
  }, [editor, sync, noteKey, recovered]);
  return following ? <p className="muted rich-editor-following-note">{FOLLOWING}</p> : null;
}
