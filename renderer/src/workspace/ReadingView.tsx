import type { DocumentSummary } from '../../../app/store/documents-repo';
import { useNotebooks } from '../store/hooks';
import { SourcesSidebar } from './SourcesSidebar';
import { Workspace, type WorkspaceProps } from './Workspace';
import { MAX_PANES } from './workspace-state';

/** Props of the reading view: the workspace's, and what the sources list opens. */
export interface ReadingViewProps extends WorkspaceProps {
  documents: DocumentSummary[];
  /** The documents shown in a pane, marked in the sources list. */
  openDocIds: Set<string>;
  onOpen: (docId: string, newPane: boolean) => void;
  onOpenNotebook: (notebookId: string, newPane: boolean) => void;
  onNewNotebook: () => void;
}

/**
 * The reading view: the sources list beside the panes. A chunk of its own (with the reader, the
 * page views and the notebook editor), loaded when the view is first shown, so the library
 * starts without it; the notebooks are read here for the same reason.
 */
export function ReadingView({ openDocIds, onOpen, onOpenNotebook, onNewNotebook, ...workspace }: ReadingViewProps) {
  const notebooks = useNotebooks();
  return (
    <main className="reading" aria-label="Reading">
      <SourcesSidebar
        documents={workspace.documents}
        notebooks={notebooks ?? []}
        openDocIds={openDocIds}
        canAddPane={workspace.state.panes.length < MAX_PANES}
        onOpen={onOpen}
        onOpenNotebook={onOpenNotebook}
        onNewNotebook={onNewNotebook}
      />
      <Workspace {...workspace} />
    </main>
  );
}
