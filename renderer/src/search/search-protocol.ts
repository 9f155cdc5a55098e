/** What the search worker serves, over the worker channel. */
import type { LoadOutcome } from '../../../app/search/index-store';
import type { SearchHit } from '../../../app/search/search-library';
import type { Method } from '../workers/channel';

/** A change the index follows: documents added (imported, replaced, restored) or removed, highlights and notebooks saved. */
export type IndexChange =
  | { kind: 'document-added'; id: string }
  | { kind: 'document-removed'; id: string }
  | { kind: 'annotation'; id: string }
  | { kind: 'notebook'; id: string };

/** The search worker's methods. It holds the only copy of the index; the UI thread sends queries and changes. */
export type SearchWorkerProtocol = {
  /** Opens the store named `database` and loads its saved index, or builds it (always, with `rebuild`: after a restore). */
  open: Method<{ database: string; rebuild?: boolean }, LoadOutcome>;
  search: Method<{ query: string; limit: number }, SearchHit[]>;
  /** Applies changes in order, reading what changed from the store. */
  update: Method<{ changes: IndexChange[] }, null>;
  /** Saves the pieces changed since the last save; answers their keys. */
  persist: Method<Record<string, never>, string[]>;
  /** A port to the import worker, which sends what it stores to be indexed (SearchIndexingProtocol). */
  attach: Method<{ port: MessagePort }, null>;
};

/** A document the import worker has just stored, as the index takes it: the text is already in hand. */
export interface ImportedDocument {
  id: string;
  title: string;
  authorsLabel?: string;
  text: string;
}

/** What the search worker serves the import worker, over a port of their own. */
export type SearchIndexingProtocol = {
  'index-imported': Method<{ documents: ImportedDocument[] }, null>;
};

/** What the UI thread serves the search worker. */
export type SearchUiProtocol = {
  /** Documents were indexed from the import worker: results on screen may search again. */
  indexed: Method<{ ids: string[] }, null>;
};
