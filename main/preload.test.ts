import { describe, expect, it, vi } from 'vitest';
import { FILES_WAITING_CHANNEL, LECTERN_METHODS, MENU_COMMAND_CHANNEL } from '../app/ipc/channels';
import type { LecternBridge } from '../app/ipc/contract';

type Listener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<Listener>>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn((_key: string, _api: unknown) => undefined) },
    ipcRenderer: {
      invoke: vi.fn((channel: string, ...args: unknown[]) => Promise.resolve({ channel, args })),
      on: vi.fn((channel: string, listener: Listener) => {
        listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
      }),
      removeListener: vi.fn((channel: string, listener: Listener) => {
        listeners.get(channel)?.delete(listener);
      }),
      send: vi.fn(),
      sendSync: vi.fn(),
    },
  };
});

vi.mock('electron', () => electron);

await import('./preload');
// Captured now: Vitest clears mock call records before each test.
const exposeCalls = [...electron.contextBridge.exposeInMainWorld.mock.calls];

function exposed(): LecternBridge {
  const [key, api] = exposeCalls[0] ?? [];
  expect(key).toBe('lectern');
  return api as LecternBridge;
}

function emitMenu(command: unknown) {
  for (const listener of electron.listeners.get(MENU_COMMAND_CHANNEL) ?? []) listener({ sender: 'ipcRenderer' }, command);
}

describe('preload', () => {
  it('exposes exactly the contract methods plus onMenuCommand and onFilesWaiting, once', () => {
    expect(exposeCalls).toHaveLength(1);
    expect(Object.keys(exposed()).sort()).toEqual([...LECTERN_METHODS, 'onMenuCommand', 'onFilesWaiting'].sort());
    for (const value of Object.values(exposed())) expect(typeof value).toBe('function');
  });

  it('forwards each method to its own invoke channel with the arguments', async () => {
    const api = exposed();
    expect(await api.openExternal('https://example.org')).toEqual({ channel: 'lectern:openExternal', args: ['https://example.org'] });
    await api.saveFile({ defaultName: 'a.bib', data: 'x' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('lectern:saveFile', { defaultName: 'a.bib', data: 'x' });
    await api.openFiles();
    await api.getAppInfo();
    expect(electron.ipcRenderer.invoke.mock.calls.map(([channel]) => channel)).toEqual([
      'lectern:openExternal',
      'lectern:saveFile',
      'lectern:openFiles',
      'lectern:getAppInfo',
    ]);
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  });

  it('delivers menu commands without the IPC event and unsubscribes', () => {
    const api = exposed();
    const received: unknown[][] = [];
    const unsubscribe = api.onMenuCommand((...args) => received.push(args));
    emitMenu('import');
    emitMenu('toggle-theme');
    emitMenu('backup');
    emitMenu('restore');
    emitMenu('format-disk');
    expect(received).toEqual([['import'], ['toggle-theme'], ['backup'], ['restore']]);
    unsubscribe();
    emitMenu('export');
    expect(received).toHaveLength(4);
    expect(electron.listeners.get(MENU_COMMAND_CHANNEL)?.size).toBe(0);
  });

  it('says when files are waiting, with nothing from the IPC event, and unsubscribes', () => {
    const api = exposed();
    const calls: unknown[][] = [];
    const unsubscribe = api.onFilesWaiting((...args: unknown[]) => void calls.push(args));
    for (const listener of electron.listeners.get(FILES_WAITING_CHANNEL) ?? []) listener({ sender: 'ipcRenderer' }, '/etc/passwd');
    expect(calls).toEqual([[]]);
    unsubscribe();
    expect(electron.listeners.get(FILES_WAITING_CHANNEL)?.size).toBe(0);
  });
});
