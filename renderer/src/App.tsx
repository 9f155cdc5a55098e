import { useCallback, useEffect, useMemo, useState } from 'react';
import { detectPlatform, type PlatformCommand } from '../platform';
import { DropOverlay } from './import/DropOverlay';
import { ImportProgressBar } from './import/ImportProgressBar';
import type { FileOutcome } from './import/protocol';
import { useImport } from './import/use-import';
import { LibraryView } from './library/LibraryView';
import { ReaderView } from './reader/ReaderView';
import { NoticeList, useNotices } from './shell/notices';
import { useTheme } from './shell/theme';
import { useShortcuts } from './shell/shortcuts';
import { useDocuments } from './store/hooks';
import { ThemeSwitch } from './shell/ThemeSwitch';

/** The whole app: a header, the library or the reader, notices and import progress. */
export function App() {
  const platform = useMemo(detectPlatform, []);
  const theme = useTheme();
  const { notices, push, dismiss } = useNotices();
  const [revision, setRevision] = useState(0);
  const documents = useDocuments(revision);
  const [openId, setOpenId] = useState<string | null>(null);

  const onOutcome = useCallback(
    (outcome: FileOutcome) => {
      if (!outcome.ok) push('error', outcome.error);
      else if (!outcome.created) push('info', `“${outcome.name}” is already in your library.`);
      setRevision((r) => r + 1);
    },
    [push],
  );
  const importer = useImport({ onOutcome });

  const importFiles = useCallback(async () => {
    const picked = await platform.pickFiles();
    if (!picked.ok) push('error', picked.error);
    else importer.start(picked.value);
  }, [platform, importer, push]);

  const onDrop = useCallback((files: File[]) => importer.start(files.map((file) => ({ name: file.name, blob: file }))), [importer]);

  const runCommand = useCallback(
    (command: PlatformCommand) => {
      if (command === 'import') void importFiles();
      else if (command === 'toggle-theme') theme.toggle();
      else if (command === 'export') push('info', 'Export arrives with the citation tools; nothing to export yet.');
    },
    [importFiles, theme, push],
  );

  useEffect(() => platform.onCommand(runCommand), [platform, runCommand]);

  // Links inside documents never navigate the app: they open outside, after the platform vets them.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[data-external-link]');
      const href = link?.getAttribute('href');
      if (!href) return;
      event.preventDefault();
      void platform.openExternal(href).then((result) => {
        if (!result.ok) push('error', result.error);
      });
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [platform, push]);
  useShortcuts({ platformHandles: platform.handlesShortcuts, onCommand: runCommand, onEscape: () => setOpenId(null) });

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-name">
          <button type="button" className="app-home" onClick={() => setOpenId(null)}>
            Lectern
          </button>
        </h1>
        <div className="app-header-actions">
          <button type="button" className="button button-primary" onClick={() => void importFiles()} title="Import files (Ctrl+O)">
            Import…
          </button>
          <ThemeSwitch preference={theme.preference} onChoose={theme.choose} />
        </div>
      </header>
      {importer.progress ? <ImportProgressBar progress={importer.progress} onCancel={importer.cancel} /> : null}
      <NoticeList notices={notices} onDismiss={dismiss} />
      {openId ? (
        <ReaderView documentId={openId} onClose={() => setOpenId(null)} />
      ) : documents === undefined ? (
        <main className="library library-loading" aria-busy="true" aria-label="Library" />
      ) : (
        <LibraryView documents={documents} onOpen={setOpenId} onImport={() => void importFiles()} />
      )}
      <DropOverlay onDrop={onDrop} />
    </div>
  );
}
