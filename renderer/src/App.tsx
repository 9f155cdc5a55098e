import { Suspense, useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { PlatformCommand } from '../platform';
import { BackupProgressBar } from './backup/BackupProgressBar';
import { restoredSummary } from './backup/backup-name';
import { useBackup } from './backup/use-backup';
import { DropOverlay } from './import/DropOverlay';
import { ImportProgressSlot } from './import/ImportProgressBar';
import type { FileOutcome } from './import/protocol';
import { useImport } from './import/use-import';
import { LibraryView } from './library/LibraryView';
import { createNotebook } from './notes/notebooks';
import { SearchBox } from './search/SearchBox';
import type { SearchHit } from './search/search-service';
import type { ExportRequest } from './services/commands';
import { useServices } from './services/context';
import { useUi, type View } from './services/ui-store';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { NoticeList, useNoticeList } from './shell/notices';
import { useShortcuts } from './shell/shortcuts';
import { ShortcutHelp } from './shell/ShortcutHelp';
import { ThemeSwitch } from './shell/ThemeSwitch';
import { useTheme } from './shell/theme';
import { useLibraryCare } from './shell/use-library-care';
import { SyncRoot, SyncStatusButton } from './sync/SyncRoot';
import { useBibliographySyncStarted } from './writing/use-bibliography-sync';
import { getAnnotation } from '../../app/store/annotations-repo';
import { CheckPlaceholder, CheckView, ExportDialog, IndexPlaceholder, IndexView, MapPlaceholder, MapView, preloadReading, preloadReadingWhenIdle, ReadingPlaceholder, ReadingView, RestoreDialog } from './lazy-views';
import { useDocuments } from './store/hooks';
import { loadWorkspace, MAX_PANES, saveWorkspace, workspaceReducer } from './workspace/workspace-state';

/** The whole app: a header, the library or the reading workspace, notices and import progress; sync around it. */
export function App() {
  return (
    <SyncRoot>
      <AppShell />
    </SyncRoot>
  );
}

function AppShell() {
  const { platform, database, search, notices: board, commands, ui } = useServices();
  const theme = useTheme();
  const notices = useNoticeList(board);
  const dismiss = board.dismiss;
  useLibraryCare(database, board);
  // The bibliography file the student chose is rewritten whenever the library changes (desktop).
  useBibliographySyncStarted();
  const [revision, setRevision] = useState(0);
  const documents = useDocuments(revision);
  // A library with documents in it will be read: its reader's code loads once the app is idle.
  const hasDocuments = (documents?.length ?? 0) > 0;
  useEffect(() => (hasDocuments ? preloadReadingWhenIdle() : undefined), [hasDocuments]);
  const view = useUi(ui, (state) => state.view);
  const [workspace, dispatch] = useReducer(workspaceReducer, undefined, loadWorkspace);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const showExport = useUi(ui, (state) => state.exporting);
  const setShowExport = useCallback((request: ExportRequest | false) => ui.set({ exporting: request || null }), [ui]);
  const [reveal, setReveal] = useState<{ paneId: string; annotationId: string; nonce: number } | null>(null);

  const setView = useCallback((next: View) => ui.set({ view: next }), [ui]);
  useEffect(() => saveWorkspace(workspace), [workspace]);

  const onOutcomes = useCallback(
    (outcomes: FileOutcome[]) => {
      for (const outcome of outcomes) {
        // The import worker hands new documents to the search worker itself (outcome.indexed).
        if (outcome.ok && outcome.created && !outcome.indexed) search.documentAdded(outcome.id);
        if (outcome.ok && outcome.replaced) search.documentRemoved(outcome.replaced.id);
        if (!outcome.ok) board.error(outcome.error);
        else if (!outcome.created) board.info(`“${outcome.name}” is already in your library.`);
        else if (outcome.replaced) {
          const { moved, orphaned } = outcome.replaced;
          dispatch({ type: 'replace-document', oldId: outcome.replaced.id, newId: outcome.id });
          const plural = (n: number) => (n === 1 ? '' : 's');
          board.info(
            `“${outcome.name}” is a new version of a document in your library: it replaced the old one, ${moved} highlight${plural(moved)} moved with ${moved === 1 ? 'its' : 'their'} text` +
              (orphaned ? `, ${orphaned} could not be placed and ${orphaned === 1 ? 'is' : 'are'} kept in the sidebar with ${orphaned === 1 ? 'its' : 'their'} quote.` : '.'),
          );
        }
        // What the importer had to do to read the file (nesting flattened, pages missing) is said too.
        if (outcome.ok && outcome.warning) board.info(outcome.warning);
      }
      // One re-read of the library per batch of files, not per file.
      setRevision((r) => r + 1);
    },
    [board, search],
  );
  const onRefused = useCallback((message: string) => board.error(message), [board]);
  const importer = useImport({ onOutcomes, onRefused }, { searchPort: () => search.importerPort() });

  const importFiles = useCallback(async () => {
    const picked = await platform.pickFiles();
    if (!picked.ok) board.error(picked.error);
    else importer.start(picked.value);
  }, [platform, importer, board]);

  const onDrop = useCallback((files: File[]) => importer.start(files.map((file) => ({ name: file.name, blob: file }))), [importer]);

  // Files the system hands the desktop app (a double-click on an associated file) are imported like a drop.
  const { start: startImport } = importer;
  useEffect(
    () =>
      platform.onFilesToOpen((files) => {
        if (files.ok) startImport(files.value);
        else board.error(files.error);
      }),
    [platform, startImport, board],
  );

  const openDocument = useCallback(
    (docId: string, newPane = false, offset?: number) => {
      dispatch({ type: 'open', content: { kind: 'document', docId }, newPane, ...(offset === undefined ? {} : { offset }) });
      setView('reading');
    },
    [setView],
  );

  const openNotebook = useCallback(
    (notebookId: string, newPane = false) => {
      dispatch({ type: 'open', content: { kind: 'notebook', notebookId }, newPane });
      setView('reading');
    },
    [setView],
  );

  const newNotebook = useCallback(async () => {
    const id = await createNotebook(database);
    openNotebook(id, workspace.panes.some((pane) => pane.content.kind !== 'empty') && workspace.panes.length < MAX_PANES);
  }, [database, openNotebook, workspace.panes]);

  // A citation in a notebook opens its source at the highlight: in a pane already showing it,
  // else beside the notebook, else in the first pane that is not a notebook. The highlight knows
  // its document even after a new version replaced the one the citation was made from.
  const openCitation = useCallback(
    async (citedDocId: string, annotationId: string) => {
      const annotation = await getAnnotation(database, annotationId);
      if (!annotation) {
        board.error('The highlight this citation points to was deleted.');
        return;
      }
      const docId = annotation.docId ?? citedDocId;
      const showing = workspace.panes.find((pane) => pane.content.kind === 'document' && pane.content.docId === docId);
      let paneId = showing?.id;
      if (!paneId) {
        const target = workspace.panes.find((pane) => pane.content.kind !== 'notebook');
        if (target) {
          dispatch({ type: 'open', content: { kind: 'document', docId }, paneId: target.id });
          paneId = target.id;
        } else if (workspace.panes.length < MAX_PANES) {
          dispatch({ type: 'open', content: { kind: 'document', docId }, newPane: true });
        }
      }
      setReveal((previous) => ({ paneId: paneId ?? '', annotationId, nonce: (previous?.nonce ?? 0) + 1 }));
    },
    [database, workspace.panes, board],
  );

  // A pane opened by openCitation gets its id only after the reducer runs: point the reveal at it.
  useEffect(() => {
    if (!reveal || reveal.paneId) return;
    const pane = workspace.panes.find((candidate) => candidate.id === workspace.activePaneId);
    if (pane) setReveal({ ...reveal, paneId: pane.id });
  }, [reveal, workspace]);

  const backups = useBackup(platform, board);

  // A search hit opens where it matched: the text at its offset, the highlight, or the notebook.
  const openSearchHit = useCallback(
    (hit: SearchHit) => {
      if (hit.kind === 'notebook' && hit.notebookId) openNotebook(hit.notebookId);
      else if (hit.kind === 'highlight' && hit.docId && hit.annotationId) {
        void openCitation(hit.docId, hit.annotationId);
        setView('reading');
      } else if (hit.docId) openDocument(hit.docId, false, hit.offset);
    },
    [openNotebook, openCitation, openDocument, setView],
  );

  const runCommand = useCallback(
    (command: PlatformCommand) => {
      if (command === 'import') void importFiles();
      else if (command === 'toggle-theme') theme.toggle();
      else if (command === 'export') setShowExport({});
      else if (command === 'backup') void backups.backup();
      else if (command === 'restore') void backups.pickRestoreFile();
    },
    [importFiles, theme, backups, setShowExport],
  );

  useEffect(() => platform.onCommand(runCommand), [platform, runCommand]);

  // What the panes ask of the workspace. A citation opened side by side (Shift+click) asks for a
  // new pane at its entry; "To notebook" on a highlight quotes it into the notebook already open,
  // else a new one beside. (A Works Cited panel's export opens the dialog through the UI store.)
  useEffect(
    () =>
      commands.handleWorkspace({
        open: ({ docId, newPane, offset }) => openDocument(docId, newPane ?? false, offset),
        quoteToNotebook: ({ docId, annotationId }) => {
          const open = workspace.panes.find((pane) => pane.content.kind === 'notebook');
          void (async () => {
            const notebookId = open?.content.kind === 'notebook' ? open.content.notebookId : await createNotebook(database);
            commands.inbox.send(notebookId, { docId, annotationId });
            if (!open) openNotebook(notebookId, workspace.panes.length < MAX_PANES);
            board.info('Quoted in the notebook, with its citation.');
          })();
        },
      }),
    [commands, database, workspace.panes, openDocument, openNotebook, board],
  );
  useShortcuts({
    platformHandles: platform.handlesShortcuts,
    onCommand: runCommand,
    onEscape: () => setView('library'),
    onHelp: () => setShowShortcuts(true),
    onFind: () => {
      if (view === 'reading') commands.find(workspace.activePaneId);
    },
    onUndo: () => {
      const undoable = [...notices].reverse().find((notice) => notice.action?.label === 'Undo');
      if (!undoable?.action) return false;
      undoable.action.run();
      dismiss(undoable.id);
      return true;
    },
  });

  // Links inside documents never navigate the app: they open outside, after the platform vets them.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[data-external-link], a.note-link');
      const href = link?.getAttribute('href');
      if (!href) return;
      event.preventDefault();
      void platform.openExternal(href).then((result) => {
        if (!result.ok) board.error(result.error);
      });
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [platform, board]);

  // Pointing at (or tabbing to) a document or the Reading tab starts loading the reading view, so
  // the click that follows opens it without waiting for its code.
  useEffect(() => {
    const onIntent = (event: Event) => {
      if (!(event.target as Element | null)?.closest?.('.library-row, .view-tab-reading, .search-box')) return;
      preloadReading();
      document.removeEventListener('pointerover', onIntent);
      document.removeEventListener('focusin', onIntent);
    };
    document.addEventListener('pointerover', onIntent);
    document.addEventListener('focusin', onIntent);
    return () => {
      document.removeEventListener('pointerover', onIntent);
      document.removeEventListener('focusin', onIntent);
    };
  }, []);

  const openDocIds = useMemo(
    () => new Set(workspace.panes.flatMap((pane) => (pane.content.kind === 'document' ? [pane.content.docId] : []))),
    [workspace.panes],
  );

  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header-start">
          <h1 className="app-name">Lectern</h1>
          <nav className="view-tabs" aria-label="Views">
            <button type="button" className={`view-tab${view === 'library' ? ' selected' : ''}`} aria-pressed={view === 'library'} onClick={() => setView('library')}>
              Library
            </button>
            <button type="button" className={`view-tab view-tab-reading${view === 'reading' ? ' selected' : ''}`} aria-pressed={view === 'reading'} onClick={() => setView('reading')}>
              Reading
            </button>
            <button type="button" className={`view-tab${view === 'index' ? ' selected' : ''}`} aria-pressed={view === 'index'} onClick={() => setView('index')}>
              Index
            </button>
            <button type="button" className={`view-tab${view === 'map' ? ' selected' : ''}`} aria-pressed={view === 'map'} onClick={() => setView('map')}>
              Map
            </button>
            <button type="button" className={`view-tab${view === 'check' ? ' selected' : ''}`} aria-pressed={view === 'check'} onClick={() => setView('check')}>
              Check
            </button>
          </nav>
        </div>
        <SearchBox onOpenHit={openSearchHit} />
        <div className="app-header-actions">
          {view === 'reading' ? (
            <button type="button" className="button" onClick={() => dispatch({ type: 'add-pane' })} disabled={workspace.panes.length >= MAX_PANES} title="Add a pane (up to four)">
              Add pane
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => setShowExport({})} disabled={!documents?.length} title="Export citations, bibliographies or highlights (Ctrl+E)">
            Export…
          </button>
          <button type="button" className="button button-primary" onClick={() => void importFiles()} title="Import files (Ctrl+O)">
            Import…
          </button>
          <SyncStatusButton />
          <ThemeSwitch preference={theme.preference} onChoose={theme.choose} />
          <button type="button" className="icon-button" onClick={() => setShowShortcuts(true)} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
            ?
          </button>
        </div>
      </header>
      <ImportProgressSlot store={importer.progress} onCancel={importer.cancel} />
      {backups.progress ? <BackupProgressBar progress={backups.progress} onCancel={backups.cancel} /> : null}
      <NoticeList notices={notices} onDismiss={dismiss} />
      {documents === undefined ? (
        <main className="library library-loading" aria-busy="true" aria-label="Library" />
      ) : view === 'index' ? (
        <ErrorBoundary key="index" what="The index">
          <Suspense fallback={<IndexPlaceholder />}>
            <IndexView onOpenDocument={(docId, offset) => openDocument(docId, false, offset)} />
          </Suspense>
        </ErrorBoundary>
      ) : view === 'map' ? (
        <ErrorBoundary key="map" what="The citation map">
          <Suspense fallback={<MapPlaceholder />}>
            <MapView onOpenDocument={(docId, offset) => openDocument(docId, false, offset)} />
          </Suspense>
        </ErrorBoundary>
      ) : view === 'check' ? (
        <ErrorBoundary key="check" what="The quote check">
          <Suspense fallback={<CheckPlaceholder />}>
            <CheckView onOpenDocument={(docId, offset) => openDocument(docId, false, offset)} />
          </Suspense>
        </ErrorBoundary>
      ) : view === 'library' ? (
        <ErrorBoundary key="library" what="The library">
          <LibraryView
            documents={documents}
            onOpen={(id) => openDocument(id)}
            onOpenBeside={(id) => openDocument(id, true)}
            onImport={() => void importFiles()}
            onTrashed={(docId) => dispatch({ type: 'forget-document', docId })}
            onBackup={() => void backups.backup()}
            onRestore={() => void backups.pickRestoreFile()}
          />
        </ErrorBoundary>
      ) : (
        // Each pane has a boundary of its own inside; this one catches the workspace around them.
        <ErrorBoundary key="reading" what="The reading view">
          <Suspense fallback={<ReadingPlaceholder />}>
            <ReadingView
              documents={documents}
              openDocIds={openDocIds}
              onOpen={openDocument}
              onOpenNotebook={openNotebook}
              onNewNotebook={() => void newNotebook()}
              state={workspace}
              dispatch={dispatch}
              reveal={reveal}
              onOpenCitation={(docId, annotationId) => void openCitation(docId, annotationId)}
            />
          </Suspense>
        </ErrorBoundary>
      )}
      <DropOverlay onDrop={onDrop} />
      {backups.restoreFile ? (
        <Suspense fallback={null}>
          <RestoreDialog
            file={backups.restoreFile}
            documentCount={documents?.length ?? 0}
            onClose={backups.closeRestore}
            onRestored={(summary) => {
              backups.closeRestore();
              board.info(`Library restored from the backup: ${restoredSummary(summary.written)} written.`);
              void search.reload();
              setRevision((r) => r + 1);
            }}
          />
        </Suspense>
      ) : null}
      {showShortcuts ? <ShortcutHelp onClose={() => setShowShortcuts(false)} /> : null}
      {showExport && documents?.length ? (
        <Suspense fallback={null}>
          <ExportDialog
            documents={documents}
            initialDocIds={showExport.docIds ?? (view === 'reading' ? [...openDocIds] : [])}
            initialScope={showExport.scope}
            onClose={() => setShowExport(false)}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
