/**
 * The shape of a synced library, shared by the engine (library-sync.ts), the note binding
 * (renderer/src/sync/notes), the document transfer (documents) and the server (server/).
 *
 * One Yjs document per library; the server names it by the library's name and admits a client
 * only with that library's token. Dexie stays the store the UI and search read: the engine maps
 * rows to the maps below and back, one direction of truth per field (see FIELD_TRUTH).
 *
 * Layout of the library's Y.Doc (every top-level type is a Y.Map keyed by the row's id):
 * - `annotations`: id -> Y.Map { docId, selectors (JSON text), color, createdAt, updatedAt }
 * - `notebooks`: id -> Y.Map { title, createdAt, updatedAt }
 * - `notes`: NoteKey -> Y.XmlText, the Lexical root of a highlight's note or a notebook, bound
 *   by @lexical/yjs (createYjsBinding with getXmlText), so concurrent typing merges by character
 * - `documents`: id -> Y.Map { metadata (JSON text of the CSL item), tags (JSON text), title,
 *   format, fileName, byteLength, addedAt, updatedAt, trashedAt (number | null),
 *   purgedAt (number | null), packageSha (string | null), originalSha (string | null) }
 * - `collections`: id -> Y.Map { name, createdAt, updatedAt }
 * - `collectionItems`: `${collectionId}/${docId}` -> Y.Map { collectionId, docId, addedAt }
 *
 * JSON-valued fields are kept as JSON text, so a field is replaced whole (last writer wins);
 * only note content merges inside.
 */

/** The top-level maps of a library's Y.Doc. */
export const SYNC_MAPS = ['annotations', 'notebooks', 'notes', 'documents', 'collections', 'collectionItems'] as const;
export type SyncMapName = (typeof SYNC_MAPS)[number];

/** Which note content a Y.XmlText of the `notes` map holds. */
export type NoteKey = `annotation:${string}` | `notebook:${string}`;

/** The origin the engine gives Yjs transactions that carry this machine's Dexie changes. */
export const LOCAL_ORIGIN = 'lectern-local';

/** A library name: what the server calls the Yjs document and keys the token by. */
export const LIBRARY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** What a student sets to sync a library (renderer settings; the token never goes in a backup). */
export interface SyncSettings {
  /** Off by default: with it off Lectern makes no network request at all. */
  enabled: boolean;
  /** ws:// or wss:// address of the server, e.g. "ws://127.0.0.1:8787". */
  serverUrl: string;
  /** The library's name on the server (LIBRARY_NAME). */
  library: string;
  /** The library's token, as the server's operator gave it. */
  token: string;
}

/** The content-addressed blobs that carry a document to another machine. */
export interface DocumentBlobs {
  /** SHA-256 (hex) of the gzipped JSON package of the document's rows (summary, content, references, citations, page map). */
  packageSha: string;
  /** SHA-256 (hex) of the original file when Lectern keeps it (PDF, EPUB, DOCX): the document id itself. */
  originalSha: string | null;
}

/**
 * Note content between Dexie and Yjs (implemented in the renderer, which may use Lexical).
 * The engine calls it; it never throws for one bad note (it reports and goes on).
 */
export interface NoteContentBridge {
  /** Yjs changed these notes (from the server or a bound editor): write Dexie's noteJson/noteText or notebook content. */
  applyRemote(keys: readonly NoteKey[]): Promise<void>;
  /** Dexie's content of these notes changed outside a bound editor (or at start): bring Yjs in step. */
  pushLocal(keys: readonly NoteKey[]): Promise<void>;
}

/** Moves a document's blobs through the server. */
export interface DocumentTransfer {
  /** Uploads the package (and original) of a local document; null when it cannot (too large, gone). */
  publish(docId: string): Promise<DocumentBlobs | null>;
  /** Downloads and writes, in one transaction, a document this machine lacks (its original stays on the server); false when it cannot yet. */
  fetch(docId: string, blobs: DocumentBlobs): Promise<boolean>;
  /** Downloads a fetched document's original when it is first needed (its page view); false when there is none or not now. */
  fetchOriginal(docId: string): Promise<boolean>;
}

/** What the sync is doing, for the status line. */
export type SyncStatus =
  | { state: 'off' }
  | { state: 'connecting' }
  | { state: 'synced'; at: number }
  | { state: 'syncing'; pending: number }
  | { state: 'offline'; pending: number }
  | { state: 'refused'; message: string }
  | { state: 'error'; message: string };
