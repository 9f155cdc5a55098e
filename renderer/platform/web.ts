import { webBibliographyFile } from './web-bibliography';
import type { PickedFile, Platform, PlatformResult } from './platform';

/** Accepted in the file chooser; the importer still checks every file. */
export const IMPORT_ACCEPT = '.txt,.text,.md,.markdown,.pdf,.html,.htm,.xhtml,.epub,.docx';

/** What the file input accepts when it asks for a backup: Lectern's zip, or an older JSON backup. */
export const BACKUP_ACCEPT = '.zip,.json,application/zip,application/json';

/** What the file input accepts when it asks for a bibliography file to import. */
export const BIBLIOGRAPHY_ACCEPT = '.bib,.bibtex,.biblatex,.ris,.json,.txt';

/** What the file input accepts when it asks for a draft to check. */
export const DRAFT_ACCEPT = '.txt,.text,.md,.markdown,.docx';

function chooseFiles(accept: string): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(Array.from(input.files ?? [], (file) => ({ name: file.name, blob: file })));
      input.remove();
    });
    // 'cancel' fires in current Chromium when the dialog is dismissed.
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

export function download(defaultName: string, data: string | Uint8Array | Blob): void {
  const blob = data instanceof Blob ? data : new Blob([typeof data === 'string' ? data : new Uint8Array(data)]);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = defaultName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The browser implementation: file input, downloads, window.open for links. */
export function createWebPlatform(): Platform {
  return {
    kind: 'web',
    handlesShortcuts: false,
    async pickFiles(purpose = 'documents'): Promise<PlatformResult<PickedFile[]>> {
      return { ok: true, value: await chooseFiles(purpose === 'backup' ? BACKUP_ACCEPT : purpose === 'draft' ? DRAFT_ACCEPT : purpose === 'bibliography' ? BIBLIOGRAPHY_ACCEPT : IMPORT_ACCEPT) };
    },
    saveFile(defaultName, data) {
      download(defaultName, data);
      return Promise.resolve({ ok: true, value: null });
    },
    openExternal(url) {
      return Promise.resolve(openLink(url));
    },
    bibliography: webBibliographyFile(download),
    onCommand: () => () => undefined,
    // A browser page is never handed files by the system; drops and the file chooser cover it.
    onFilesToOpen: () => () => undefined,
  };
}

function openLink(url: string): PlatformResult<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: `“${url}” is not a valid link.` };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { ok: false, error: `Lectern only opens web links, not “${parsed.protocol}” links.` };
  }
  window.open(parsed.href, '_blank', 'noopener,noreferrer');
  return { ok: true, value: undefined };
}
