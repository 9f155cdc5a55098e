/**
 * The behaviour behind each IPC method, free of Electron: dialogs, the file system and the
 * system browser are injected. ipc.ts validates arguments and senders before calling these.
 */
import path from 'node:path';
import type { Result } from '../app/documents/model';
import { selectionProblem } from '../app/documents/import-limits';
import { MAX_IMPORT_BYTES, MAX_SAVE_BYTES, type AppInfo, type LecternApi, type LecternMethod, type OpenedFile } from '../app/ipc/contract';
import { createBibliographyHandlers, type SyncFileOps } from './bibliography-file';
import { checkExternalUrl } from './external-url';
import { describeFileError, type FileSystem } from './file-system';

/** File filters of the open dialog: every format Lectern imports, then everything. */
export const OPEN_DIALOG_FILTERS = [
  { name: 'Documents', extensions: ['txt', 'md', 'markdown', 'pdf', 'html', 'htm', 'epub', 'docx'] },
  { name: 'All files', extensions: ['*'] },
];

/** File filters of the open dialog when it asks for a backup to restore. */
export const BACKUP_DIALOG_FILTERS = [
  { name: 'Lectern backups', extensions: ['zip', 'json'] },
  { name: 'All files', extensions: ['*'] },
];

/** The drafts the quote check reads. */
export const DRAFT_DIALOG_FILTERS = [
  { name: 'Drafts', extensions: ['txt', 'md', 'markdown', 'docx'] },
  { name: 'All files', extensions: ['*'] },
];

/** The bibliography files Lectern imports as works. */
export const BIBLIOGRAPHY_DIALOG_FILTERS = [
  { name: 'Bibliographies (BibTeX, BibLaTeX, RIS, CSL-JSON)', extensions: ['bib', 'bibtex', 'biblatex', 'ris', 'json', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];

/** A dialog filter, as Electron's dialogs take them. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The native dialogs, reduced to what the handlers use (the window parent is bound by index.ts). */
export interface Dialogs {
  showOpenDialog(options: {
    title: string;
    properties: Array<'openFile' | 'multiSelections'>;
    filters: FileFilter[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    filters: FileFilter[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
}

/** Everything the handlers reach outside the process with. */
export interface HandlerDeps {
  dialogs: Dialogs;
  files: FileSystem;
  openExternal: (url: string) => Promise<void>;
  appInfo: () => AppInfo;
  /** Folder the save dialog starts in (the user's Documents); omitted: the dialog's default. */
  defaultSaveDir?: () => string;
  /** Most bytes one selection may hold; MAX_IMPORT_BYTES unless a test says otherwise. */
  maxFileBytes?: number;
  /** Paths waiting to be imported (command line, system), taken by takeOpenedFiles. */
  openQueue?: { take(): string[] };
  /** The JSON file (under userData) that remembers the synced bibliography file across restarts. */
  bibliographySettingsFile?: string;
  /** File operations for the synced bibliography file; the real ones unless a test says otherwise. */
  bibliographyOps?: SyncFileOps;
}

/** The implementation of every method of the contract. */
export type LecternHandlers = {
  [K in LecternMethod]: (...args: LecternApi[K]['args']) => Promise<LecternApi[K]['result']>;
};

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(error: string): Result<T> => ({ ok: false, error });

/** Characters no file system accepts in a name, plus path separators so a name cannot pick a folder. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '-').trim();
  return cleaned === '' || /^\.+$/.test(cleaned) ? 'export' : cleaned;
}

function saveFilters(name: string): FileFilter[] {
  const ext = path.extname(name).slice(1);
  const all = { name: 'All files', extensions: ['*'] };
  return ext ? [{ name: `${ext.toUpperCase()} file`, extensions: [ext] }, all] : [all];
}

async function readChosen(paths: string[], deps: HandlerDeps): Promise<Result<OpenedFile[]>> {
  const limit = deps.maxFileBytes ?? MAX_IMPORT_BYTES;
  const selected: { name: string; size: number }[] = [];
  for (const file of paths) {
    try {
      selected.push({ name: path.basename(file), size: await deps.files.size(file) });
    } catch (error) {
      return fail(describeFileError('read', path.basename(file), error));
    }
  }
  // Checked on each file and on the whole selection before reading anything, so one huge
  // file, or many large ones, do not cost a long wasted read.
  const refused = selectionProblem(selected, limit);
  if (refused) return fail(refused);
  const opened: OpenedFile[] = [];
  for (const file of paths) {
    const name = path.basename(file);
    try {
      opened.push({ name, bytes: await deps.files.read(file) });
    } catch (error) {
      return fail(describeFileError('read', name, error));
    }
  }
  return ok(opened);
}

/** Builds the handlers over the given dependencies. */
export function createHandlers(deps: HandlerDeps): LecternHandlers {
  const bibliography = createBibliographyHandlers({
    ...(deps.bibliographySettingsFile ? { settingsFile: deps.bibliographySettingsFile } : {}),
    showSaveDialog: (options) => deps.dialogs.showSaveDialog(options),
    ...(deps.defaultSaveDir ? { defaultDir: deps.defaultSaveDir } : {}),
    ...(deps.bibliographyOps ? { ops: deps.bibliographyOps } : {}),
  });
  return {
    ...bibliography,
    async openFiles(purpose = 'documents') {
      const backup = purpose === 'backup';
      const draft = purpose === 'draft';
      const bibliography = purpose === 'bibliography';
      const choice = await deps.dialogs.showOpenDialog(
        backup
          ? { title: 'Restore a backup', properties: ['openFile'], filters: BACKUP_DIALOG_FILTERS }
          : draft
            ? { title: 'Check a draft', properties: ['openFile'], filters: DRAFT_DIALOG_FILTERS }
            : bibliography
              ? { title: 'Import a bibliography', properties: ['openFile'], filters: BIBLIOGRAPHY_DIALOG_FILTERS }
              : { title: 'Import documents', properties: ['openFile', 'multiSelections'], filters: OPEN_DIALOG_FILTERS },
      );
      if (choice.canceled || choice.filePaths.length === 0) return ok([]);
      return readChosen(choice.filePaths.slice(0, backup || draft || bibliography ? 1 : undefined), backup ? { ...deps, maxFileBytes: MAX_SAVE_BYTES } : deps);
    },

    async takeOpenedFiles() {
      const paths = deps.openQueue?.take() ?? [];
      return paths.length === 0 ? ok([]) : readChosen(paths, deps);
    },

    async saveFile({ defaultName, data }) {
      const name = safeFileName(defaultName);
      const dir = deps.defaultSaveDir?.();
      const choice = await deps.dialogs.showSaveDialog({
        title: 'Export',
        defaultPath: dir ? path.join(dir, name) : name,
        filters: saveFilters(name),
      });
      if (choice.canceled || !choice.filePath) return ok(null);
      try {
        await deps.files.write(choice.filePath, data);
      } catch (error) {
        return fail(describeFileError('write', path.basename(choice.filePath), error));
      }
      return ok({ path: choice.filePath });
    },

    async openExternal(url) {
      const checked = checkExternalUrl(url);
      if (!checked.ok) return checked;
      try {
        await deps.openExternal(checked.value);
      } catch {
        return fail('The system could not open this link; check that a default browser or mail app is set.');
      }
      return ok(undefined);
    },

    getAppInfo() {
      return Promise.resolve(deps.appInfo());
    },
  };
}
