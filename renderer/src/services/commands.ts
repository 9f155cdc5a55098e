/**
 * Requests one part of the renderer makes of another, as typed calls: a citation asks for its
 * source beside it, a highlight for a notebook, a pane's Works Cited for the export dialog, the
 * Ctrl+F shortcut for a pane's find bar. The workspace registers the handlers; the callers only
 * know these names.
 */
import type { ExportScope } from '../export/export-formats';
import { createNotebookInbox, type NotebookInbox } from './notebook-inbox';
import type { UiStore } from './ui-store';

/** Open a document: at an offset (a reference entry, a search hit), in a new pane or the active one. */
export interface OpenRequest {
  docId: string;
  offset?: number;
  newPane?: boolean;
}

/** A highlight to quote, with its citation, in a notebook. */
export interface QuoteRequest {
  docId: string;
  annotationId: string;
}

/** What the export dialog opens with: a scope and the documents chosen (both optional). */
export interface ExportRequest {
  scope?: ExportScope;
  docIds?: string[];
}

/** What the workspace does when asked; it registers these once it is mounted. */
export interface WorkspaceHandlers {
  open: (request: OpenRequest) => void;
  /** Into the notebook already open, else a new one beside. */
  quoteToNotebook: (request: QuoteRequest) => void;
}

/** The renderer's commands. */
export interface Commands extends WorkspaceHandlers {
  /** Opens the export dialog. */
  exportScope: (request: ExportRequest) => void;
  /** Opens the find bar of a pane (nothing when that pane shows no document). */
  find: (paneId: string) => void;
  /** Registers the workspace's handlers; returns a function that removes them. */
  handleWorkspace: (handlers: WorkspaceHandlers) => () => void;
  /** Registers a pane's find bar; returns a function that removes it. */
  handleFind: (paneId: string, open: () => void) => () => void;
  /** Quotes on their way into a notebook whose editor may not be mounted yet. */
  readonly inbox: NotebookInbox;
}

/** Commands over a UI store (the export dialog is UI state). */
export function createCommands(ui: UiStore): Commands {
  let workspace: WorkspaceHandlers | null = null;
  const finders = new Map<string, () => void>();
  const toWorkspace = <K extends keyof WorkspaceHandlers>(name: K, request: Parameters<WorkspaceHandlers[K]>[0]) => {
    // Only a mounted app sends these; a call before is a mistake worth seeing, not a silent drop.
    if (!workspace) console.error(`No workspace handles “${name}” yet.`);
    else (workspace[name] as (request: Parameters<WorkspaceHandlers[K]>[0]) => void)(request);
  };
  return {
    open: (request) => toWorkspace('open', request),
    quoteToNotebook: (request) => toWorkspace('quoteToNotebook', request),
    exportScope: (request) => ui.set({ exporting: request }),
    find: (paneId) => finders.get(paneId)?.(),
    handleWorkspace(handlers) {
      workspace = handlers;
      return () => {
        if (workspace === handlers) workspace = null;
      };
    },
    handleFind(paneId, open) {
      finders.set(paneId, open);
      return () => {
        if (finders.get(paneId) === open) finders.delete(paneId);
      };
    },
    inbox: createNotebookInbox(),
  };
}
