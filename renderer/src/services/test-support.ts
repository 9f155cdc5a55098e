/** Test helpers: services over a fresh fake-IndexedDB store and a platform that records. Imported by tests only. */
import { openTestDb } from '../../../app/store/test-support';
import type { Platform, PlatformCommand, PlatformResult, PickedFile } from '../../platform';
import { createServices, type Services } from './services';
import { webBibliographyFile } from '../../platform/web-bibliography';

/** A platform that hands out the files a test gives it and keeps what was saved or opened. */
export interface FakePlatform extends Platform {
  /** What the next pickFiles() resolves with. */
  files: PickedFile[];
  saved: { name: string; data: string | Uint8Array | Blob }[];
  opened: string[];
  /** Sends a menu command, as the native menu would. */
  command(command: PlatformCommand): void;
}

/** A fake platform of the web kind. */
export function fakePlatform(): FakePlatform {
  const listeners = new Set<(command: PlatformCommand) => void>();
  const platform: FakePlatform = {
    kind: 'web',
    handlesShortcuts: false,
    files: [],
    saved: [],
    opened: [],
    pickFiles: () => Promise.resolve<PlatformResult<PickedFile[]>>({ ok: true, value: platform.files }),
    saveFile(name, data) {
      platform.saved.push({ name, data });
      return Promise.resolve({ ok: true, value: { path: name } });
    },
    openExternal(url) {
      platform.opened.push(url);
      return Promise.resolve({ ok: true, value: undefined });
    },
    onCommand(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onFilesToOpen: () => () => undefined,
    // The browser's own: a format remembered, the file saved as a download.
    bibliography: webBibliographyFile((name, data) => void platform.saved.push({ name, data })),
    command(command) {
      for (const listener of listeners) listener(command);
    },
  };
  return platform;
}

/** Services for one test: a database of its own, a fake platform, real in-memory notices and UI state. */
export async function createTestServices(): Promise<Services & { platform: FakePlatform }> {
  const platform = fakePlatform();
  const services = createServices({ database: await openTestDb(), platform });
  return { ...services, platform };
}
