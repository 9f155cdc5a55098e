import { createContext } from 'react';
import type * as Y from 'yjs';
import type { NoteBridge } from './note-bridge';

/** The synced library's Y.Doc and its note bridge; null while sync is off. */
export interface SyncNotes {
  doc: Y.Doc;
  bridge: NoteBridge;
}

/** Read by the note editor (RichEditor) to bind itself to the note's Yjs content. */
export const SyncNotesContext = createContext<SyncNotes | null>(null);
