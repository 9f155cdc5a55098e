// Opening files handed over by the system, through main/index.ts as Electron runs it, with only the
// electron module faked: the launch's own command line, a second launch's, and macOS's open-file
// events all end in files the renderer takes through the IPC contract.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FILES_WAITING_CHANNEL, channelFor } from '../app/ipc/channels';
import { lecternResultSchemas } from '../app/ipc/contract';
import { OpenFileQueue, filesFromArgv, watchOpenFiles, type OpenFileSource } from './open-files';

type Listener = (...args: unknown[]) => unknown;

const dir = mkdtempSync(path.join(tmpdir(), 'lectern-open-'));
const atLaunch = path.join(dir, 'launch paper.md');
writeFileSync(atLaunch, '# Launched with me\n');

const electron = vi.hoisted(() => {
  const appListeners = new Map<string, Listener>();
  const ipcHandlers = new Map<string, Listener>();
  const mainFrame = { url: 'lectern://app/index.html', processId: 1, frameToken: 'main' };
  const sent: unknown[][] = [];
  const focused: string[] = [];
  let resolveReady: () => void = () => undefined;
  class FakeBrowserWindow {
    static getAllWindows() {
      return [];
    }
    webContents = {
      mainFrame,
      session: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined },
      on: () => undefined,
      setWindowOpenHandler: () => undefined,
      send: (...args: unknown[]) => void sent.push(args),
    };
    on() {
      return this;
    }
    once() {
      return this;
    }
    loadURL() {
      return Promise.resolve();
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      focused.push('focus');
    }
  }
  return {
    appListeners,
    ipcHandlers,
    mainFrame,
    sent,
    focused,
    ready: () => resolveReady(),
    module: {
      app: {
        isPackaged: false,
        enableSandbox: () => undefined,
        requestSingleInstanceLock: () => true,
        quit: () => undefined,
        on: (event: string, listener: Listener) => void appListeners.set(event, listener),
        whenReady: () => new Promise<void>((resolve) => (resolveReady = resolve)),
        isReady: () => true,
        getVersion: () => '0.1.0',
        getPath: () => '/home/student/Documents',
      },
      protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
      ipcMain: { handle: (channel: string, listener: Listener) => void ipcHandlers.set(channel, listener), removeHandler: () => undefined },
      Menu: { buildFromTemplate: () => ({}), setApplicationMenu: () => undefined },
      BrowserWindow: FakeBrowserWindow,
      dialog: {},
      shell: {},
    },
  };
});

vi.mock('electron', () => electron.module);

async function take(): Promise<{ name: string; text: string }[] | string> {
  const handler = electron.ipcHandlers.get(channelFor('takeOpenedFiles'));
  if (!handler) throw new Error('takeOpenedFiles is not registered');
  const result = lecternResultSchemas.takeOpenedFiles.parse(await handler({ senderFrame: electron.mainFrame }));
  return result.ok ? result.value.map((file) => ({ name: file.name, text: new TextDecoder().decode(file.bytes) })) : result.error;
}

describe('files the system asks Lectern to open', () => {
  it('takes the launch file, a second launch’s files and macOS open-file events through takeOpenedFiles', async () => {
    const argv = process.argv;
    process.argv = [process.execPath, '.', '--enable-logging', atLaunch, path.join(dir, 'setup.exe')];
    try {
      await import('./index');
    } finally {
      process.argv = argv;
    }
    electron.ready();
    await vi.waitFor(() => expect(electron.ipcHandlers.has(channelFor('takeOpenedFiles'))).toBe(true));
    expect(await take()).toEqual([{ name: 'launch paper.md', text: '# Launched with me\n' }]);
    expect(await take()).toEqual([]);

    writeFileSync(path.join(dir, 'second.txt'), 'From a second launch.');
    electron.appListeners.get('second-instance')?.({}, ['/opt/Lectern/lectern', '--no-sandbox', 'second.txt', 'picture.jpg'], dir);
    expect(electron.sent).toEqual([[FILES_WAITING_CHANNEL]]);
    expect(electron.focused).toEqual(['focus']);
    expect(await take()).toEqual([{ name: 'second.txt', text: 'From a second launch.' }]);

    const preventDefault = vi.fn();
    writeFileSync(path.join(dir, 'finder.md'), 'Opened in the Finder.');
    electron.appListeners.get('open-file')?.({ preventDefault }, path.join(dir, 'finder.md'));
    expect(preventDefault).toHaveBeenCalled();
    expect(await take()).toEqual([{ name: 'finder.md', text: 'Opened in the Finder.' }]);

    mkdirSync(path.join(dir, 'folder.pdf'));
    electron.appListeners.get('open-file')?.({ preventDefault }, path.join(dir, 'folder.pdf'));
    expect(await take()).toBe('Lectern could not read “folder.pdf”: it is a folder, not a file.');
  });

  it('keeps only importable paths from a command line, resolved against its folder, and each once', () => {
    expect(filesFromArgv(['/usr/bin/lectern', '--inspect', 'a.PDF', 'b.exe', 'notes/c.md', '.'], '/home/s')).toEqual(['/home/s/a.PDF', '/home/s/notes/c.md']);
    const queue = new OpenFileQueue();
    expect(queue.add(['/x/a.pdf', '/x/a.pdf', '/x/b.docx', '/x/c.zip'])).toBe(true);
    expect(queue.add(['/x/a.pdf'])).toBe(false);
    expect(queue.take()).toEqual(['/x/a.pdf', '/x/b.docx']);
    expect(queue.take()).toEqual([]);
    expect(queue.add(Array.from({ length: 500 }, (_, i) => `/x/${i}.txt`))).toBe(true);
    expect(queue.take()).toHaveLength(100);
  });

  it('says files are waiting only when an open-file event brought one', () => {
    const listeners = new Map<string, Listener>();
    const app = { on: (event: string, listener: Listener) => listeners.set(event, listener) } as unknown as OpenFileSource;
    const waiting = vi.fn();
    watchOpenFiles(app, new OpenFileQueue(), waiting);
    listeners.get('open-file')?.({ preventDefault: () => undefined }, '/x/virus.exe');
    expect(waiting).not.toHaveBeenCalled();
    listeners.get('open-file')?.({ preventDefault: () => undefined }, '/x/book.epub');
    expect(waiting).toHaveBeenCalledTimes(1);
  });
});
