import { beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;

// The electron module is replaced at its boundary: a BrowserWindow that records what the
// window code does to it, and a shell whose openExternal is observed.
const electron = vi.hoisted(() => {
  class FakeWebContents {
    listeners = new Map<string, Handler[]>();
    windowOpenHandler: Handler | undefined;
    session = {
      requestHandler: undefined as Handler | undefined,
      checkHandler: undefined as Handler | undefined,
      setPermissionRequestHandler(handler: Handler) {
        this.requestHandler = handler;
      },
      setPermissionCheckHandler(handler: Handler) {
        this.checkHandler = handler;
      },
    };
    on(event: string, listener: Handler) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    emit(event: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
    setWindowOpenHandler(handler: Handler) {
      this.windowOpenHandler = handler;
    }
  }
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    webContents = new FakeWebContents();
    loaded: string[] = [];
    shown = false;
    onceListeners = new Map<string, Handler>();
    constructor(public options: Record<string, unknown>) {
      FakeBrowserWindow.created.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    once(event: string, listener: Handler) {
      this.onceListeners.set(event, listener);
      return this;
    }
    show() {
      this.shown = true;
    }
  }
  return { BrowserWindow: FakeBrowserWindow, shell: { openExternal: vi.fn(() => Promise.resolve(undefined)) } };
});

vi.mock('electron', () => electron);

const { createMainWindow, mainWindowOptions } = await import('./window');

function latestWindow() {
  const win = electron.BrowserWindow.created.at(-1);
  if (!win) throw new Error('no window was created');
  return win;
}

function navigate(event: string, url: string) {
  const preventDefault = vi.fn();
  latestWindow().webContents.emit(event, { url, preventDefault });
  return preventDefault;
}

beforeEach(() => {
  electron.BrowserWindow.created.length = 0;
  electron.shell.openExternal.mockClear();
});

describe('mainWindowOptions', () => {
  it('has the security baseline', () => {
    const prefs = mainWindowOptions('/app/out/preload/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('createMainWindow', () => {
  it('loads the app scheme in a built app and shows the window when ready', () => {
    createMainWindow({ preloadPath: '/p.cjs', devServerUrl: undefined });
    const win = latestWindow();
    expect(win.options).toEqual(mainWindowOptions('/p.cjs'));
    expect(win.loaded).toEqual(['lectern://app/index.html']);
    win.onceListeners.get('ready-to-show')?.();
    expect(win.shown).toBe(true);
  });

  it('loads the dev server during development', () => {
    createMainWindow({ preloadPath: '/p.cjs', devServerUrl: 'http://localhost:5173' });
    expect(latestWindow().loaded).toEqual(['http://localhost:5173']);
    expect(navigate('will-navigate', 'http://localhost:5173/?reload')).not.toHaveBeenCalled();
  });

  it('prevents navigation away from lectern://app', () => {
    createMainWindow({ preloadPath: '/p.cjs', devServerUrl: undefined });
    expect(navigate('will-navigate', 'lectern://app/index.html#/library')).not.toHaveBeenCalled();
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'lectern://other/index.html', 'http://localhost:5173/']) {
      expect(navigate('will-navigate', url), url).toHaveBeenCalledOnce();
      expect(navigate('will-redirect', url), url).toHaveBeenCalledOnce();
    }
  });

  it('lets a frame show only blob: pages the app made (an EPUB page), and opens its web links outside', () => {
    createMainWindow({ preloadPath: '/p.cjs', devServerUrl: undefined });
    const frame = (url: string, isMainFrame = false) => {
      const preventDefault = vi.fn();
      latestWindow().webContents.emit('will-frame-navigate', { url, isMainFrame, preventDefault });
      return preventDefault;
    };
    expect(frame('blob:lectern://app/4f1c2a9e-0000-4000-8000-000000000000')).not.toHaveBeenCalled();
    expect(frame('about:blank')).not.toHaveBeenCalled();
    for (const url of ['blob:https://evil.example/abc', 'https://example.org/ad', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<script>x</script>']) {
      expect(frame(url), url).toHaveBeenCalledOnce();
    }
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://example.org/ad']]);
    // The window itself is left to will-navigate.
    expect(frame('https://example.org/', true)).not.toHaveBeenCalled();
  });

  it('opens a link the page tried to follow in the system browser, but never a file: one', () => {
    createMainWindow({ preloadPath: '/p.cjs', devServerUrl: undefined });
    navigate('will-navigate', 'https://example.org/paper');
    navigate('will-navigate', 'file:///etc/passwd');
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://example.org/paper']]);
  });

  it('denies every new window and opens https links externally, javascript: never', () => {
    createMainWindow({ preloadPath: '/p.cjs', devServerUrl: undefined });
    const open = latestWindow().webContents.windowOpenHandler;
    expect(open?.({ url: 'https://doi.org/10.1000/182' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'lectern://app/index.html' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://doi.org/10.1000/182']]);
  });

  it('refuses webviews', () => {
    createMainWindow({ preloadPath: '/p.cjs', devServerUrl: undefined });
    const preventDefault = vi.fn();
    latestWindow().webContents.emit('will-attach-webview', { preventDefault });
    expect(preventDefault).toHaveBeenCalledOnce();
  });

  it('denies permissions except sanitized clipboard writes and persistent storage', () => {
    createMainWindow({ preloadPath: '/p.cjs', devServerUrl: undefined });
    const { session } = latestWindow().webContents;
    const granted = (permission: string) => {
      let answer: boolean | undefined;
      session.requestHandler?.({}, permission, (value: boolean) => (answer = value));
      return answer;
    };
    expect(granted('clipboard-sanitized-write')).toBe(true);
    expect(granted('persistent-storage')).toBe(true);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(granted(permission), permission).toBe(false);
      expect(session.checkHandler?.({}, permission), permission).toBe(false);
    }
    expect(session.checkHandler?.({}, 'clipboard-sanitized-write')).toBe(true);
  });
});
