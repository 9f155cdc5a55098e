import { describe, expect, it, vi } from 'vitest';
import { LECTERN_METHODS, channelFor } from '../app/ipc/channels';
import { lecternResultSchemas } from '../app/ipc/contract';
import { APP_URL_PREFIX, trustedUrlPrefixes } from './app-url';
import { registerIpcHandlers, type InvokeEvent, type IpcDeps, type SenderFrame } from './ipc';

type Listener = (event: InvokeEvent, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle: (channel: string, listener: Listener) => void handlers.set(channel, listener),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

function setup(overrides: Partial<IpcDeps> = {}, devUrl?: string) {
  const mainFrame: SenderFrame = { url: `${APP_URL_PREFIX}index.html`, processId: 4, frameToken: 'main' };
  const mocks = {
    showOpenDialog: vi.fn(() => Promise.resolve({ canceled: true, filePaths: [] })),
    showSaveDialog: vi.fn(() => Promise.resolve({ canceled: true })),
    openExternal: vi.fn(() => Promise.resolve(undefined)),
  };
  const deps: IpcDeps = {
    mainFrame: () => mainFrame,
    trustedPrefixes: trustedUrlPrefixes(devUrl),
    dialogs: { showOpenDialog: mocks.showOpenDialog, showSaveDialog: mocks.showSaveDialog },
    files: { size: vi.fn(), read: vi.fn(), write: vi.fn() },
    openExternal: mocks.openExternal,
    appInfo: () => ({ name: 'Lectern', version: '0.1.0', platform: 'linux' }),
    ...overrides,
  };
  const ipc = fakeIpcMain();
  const unregister = registerIpcHandlers(ipc, deps);
  const call = (method: string, event: InvokeEvent, ...args: unknown[]) => {
    const listener = ipc.handlers.get(`lectern:${method}`);
    if (!listener) throw new Error(`no handler for ${method}`);
    return Promise.resolve(listener(event, ...args));
  };
  return { mocks, ipc, unregister, call, fromMain: { senderFrame: mainFrame } as InvokeEvent, mainFrame };
}

describe('registerIpcHandlers', () => {
  it('registers exactly the contract methods and removes them again', () => {
    const { ipc, unregister } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(LECTERN_METHODS.map(channelFor).sort());
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers a valid call from the main frame', async () => {
    const { call, fromMain } = setup();
    const info = await call('getAppInfo', fromMain);
    expect(lecternResultSchemas.getAppInfo.parse(info)).toEqual({ name: 'Lectern', version: '0.1.0', platform: 'linux' });
    const cancelled = await call('openFiles', fromMain);
    expect(lecternResultSchemas.openFiles.parse(cancelled)).toEqual({ ok: true, value: [] });
  });

  it('rejects invalid arguments before any handler runs', async () => {
    const { call, fromMain, mocks } = setup();
    const cases: Array<[string, unknown[]]> = [
      ['openExternal', [42]],
      ['openExternal', []],
      ['openExternal', ['']],
      ['openExternal', ['https://example.org', 'extra']],
      ['saveFile', [{ defaultName: 'a.bib' }]],
      ['saveFile', [{ defaultName: '', data: 'x' }]],
      ['saveFile', [{ defaultName: 'a.bib', data: 12 }]],
      ['saveFile', ['a.bib', 'data']],
      ['openFiles', ['/etc/passwd']],
    ];
    for (const [method, args] of cases) {
      const result = (await call(method, fromMain, ...args)) as { ok: boolean; error?: string };
      expect(result.ok, `${method} ${JSON.stringify(args)}`).toBe(false);
      expect(result.error).toMatch(new RegExp(`malformed ${method} request`));
    }
    expect(mocks.openExternal).not.toHaveBeenCalled();
    expect(mocks.showSaveDialog).not.toHaveBeenCalled();
    expect(mocks.showOpenDialog).not.toHaveBeenCalled();
    await expect(call('getAppInfo', fromMain, 'surprise')).rejects.toThrow(/malformed getAppInfo/);
  });

  it('refuses calls from a frame that is not the window’s main frame', async () => {
    const { call, mocks } = setup();
    const subframe: InvokeEvent = { senderFrame: { url: `${APP_URL_PREFIX}index.html`, processId: 4, frameToken: 'child' } };
    const result = (await call('openExternal', subframe, 'https://example.org')) as { ok: boolean; error?: string };
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/did not come from Lectern/);
    expect(await call('openFiles', { senderFrame: null })).toMatchObject({ ok: false });
    await expect(call('getAppInfo', subframe)).rejects.toThrow(/did not come from Lectern/);
    expect(mocks.openExternal).not.toHaveBeenCalled();
    expect(mocks.showOpenDialog).not.toHaveBeenCalled();
  });

  it('refuses the main frame once it shows a page that is not Lectern’s', async () => {
    const foreign: SenderFrame = { url: 'https://evil.example/index.html', processId: 4, frameToken: 'main' };
    const { call, mocks } = setup({ mainFrame: () => foreign });
    expect(await call('saveFile', { senderFrame: foreign }, { defaultName: 'a.txt', data: 'x' })).toMatchObject({ ok: false });
    expect(mocks.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses every caller while there is no window', async () => {
    const { call, fromMain } = setup({ mainFrame: () => null });
    expect(await call('openFiles', fromMain)).toMatchObject({ ok: false });
  });

  it('trusts the dev server by origin only', async () => {
    const dev: SenderFrame = { url: 'http://localhost:5173/', processId: 1, frameToken: 't' };
    const { call } = setup({ mainFrame: () => dev }, 'http://localhost:5173');
    expect(await call('openFiles', { senderFrame: dev })).toEqual({ ok: true, value: [] });

    const lookalike: SenderFrame = { url: 'http://localhost:5173.evil.example/', processId: 1, frameToken: 't' };
    const second = setup({ mainFrame: () => lookalike }, 'http://localhost:5173');
    expect(await second.call('openFiles', { senderFrame: lookalike })).toMatchObject({ ok: false });
  });

  it('turns an unexpected failure into a plain error value', async () => {
    const { call, fromMain } = setup({
      dialogs: {
        showOpenDialog: () => Promise.reject(new Error('native dialog crashed\n    at stack frame')),
        showSaveDialog: () => Promise.resolve({ canceled: true }),
      },
    });
    const result = (await call('openFiles', fromMain)) as { ok: false; error: string };
    expect(result).toEqual({ ok: false, error: 'Lectern could not complete openFiles; please try again.' });
  });
});
