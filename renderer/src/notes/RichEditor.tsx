import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $getRoot, type EditorState } from 'lexical';
import { useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { NoteKey } from '../../../app/sync/contract';
import { SyncNotesContext } from '../sync/notes/sync-notes-context';
import { YjsNotePlugin } from '../sync/notes/YjsNotePlugin';
import { createDurableSaver, pendingDraft, type NoteState } from './durable-save';
import { editorConfig } from './editor-setup';
import { NoteToolbar } from './NoteToolbar';

/** Props of the rich-text editor used for highlight notes and notebooks. */
export interface RichEditorProps {
  /** Identifies what is edited (a highlight or notebook id): the draft key and Lexical namespace. */
  id: string;
  initialJson: unknown;
  /** When the store last saved this content; an older draft is ignored. */
  savedAt: number;
  onSave: (state: NoteState) => Promise<void>;
  placeholder: string;
  label: string;
  className?: string;
  autoFocus?: boolean;
  /** Extra Lexical plugins (the notebook's drop handler). */
  children?: ReactNode;
  /** The synced note this edits (`annotation:<id>` or `notebook:<id>`): bound live to it while sync is on. */
  noteKey?: NoteKey;
}

function validUrl(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}

/** A Lexical rich-text editor that saves as the student types. */
export function RichEditor({ id, initialJson, savedAt, onSave, placeholder, label, className, autoFocus, children, noteKey }: RichEditorProps) {
  const sync = useContext(SyncNotesContext);
  const saver = useMemo(() => createDurableSaver(id, onSave), [id, onSave]);
  // A draft newer than the store wins: it is what the student typed last. Looked up once, when
  // the editor opens; later saves of this editor's own changes must not replay it.
  const [recovered] = useState(() => pendingDraft(id, savedAt));
  const config = useMemo(
    () => editorConfig(`lectern-${id}`, recovered?.json ?? initialJson, (error) => console.error(error)),
    // The editor is created once per id; later store updates come from this editor itself.
    [id],
  );

  useEffect(() => {
    if (recovered) saver.change(recovered);
    const flush = () => void saver.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [saver, recovered]);

  const onChange = (state: EditorState, _editor: unknown, tags: Set<string>) => {
    // Selection moves and the initial load change nothing worth saving.
    if (tags.has('history-merge') && state.isEmpty()) return;
    state.read(() => saver.change({ json: state.toJSON(), text: $getRoot().getTextContent() }));
  };

  return (
    <LexicalComposer initialConfig={config}>
      <div className={`rich-editor ${className ?? ''}`}>
        <NoteToolbar />
        <div className="rich-editor-body">
          <RichTextPlugin
            contentEditable={<ContentEditable className="rich-editor-input" aria-label={label} spellCheck />}
            placeholder={<div className="rich-editor-placeholder">{placeholder}</div>}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        {sync && noteKey ? <YjsNotePlugin noteKey={noteKey} sync={sync} recovered={recovered !== null} /> : <HistoryPlugin />}
        <ListPlugin />
        <LinkPlugin validateUrl={validUrl} />
        <OnChangePlugin onChange={onChange} ignoreSelectionChange ignoreHistoryMergeTagChange />
        {autoFocus ? <AutoFocusPlugin /> : null}
        {children}
      </div>
    </LexicalComposer>
  );
}
