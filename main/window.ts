/** The one Lectern window, created with the security baseline of DESIGN.md. */
import { BrowserWindow, shell, type BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL, trustedUrlPrefixes } from './app-url';
import { guardNavigation, restrictPermissions } from './navigation-guards';

/** Constructor options of the main window; exported so tests can read the security settings. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 840,
    minWidth: 640,
    minHeight: 420,
    title: 'Lectern',
    // Shown on ready-to-show so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  };
}

/** What createMainWindow needs. */
export interface MainWindowConfig {
  /** Absolute path of the built preload script. */
  preloadPath: string;
  /** electron-vite's dev server (ELECTRON_RENDERER_URL), or undefined in a built app. */
  devServerUrl: string | undefined;
}

/**
 * Creates the window, attaches the navigation and permission guards, and loads the renderer:
 * the dev server during development, lectern://app/index.html otherwise.
 */
export function createMainWindow(config: MainWindowConfig): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(config.preloadPath));
  const policy = {
    trustedPrefixes: trustedUrlPrefixes(config.devServerUrl),
    openExternal: (url: string) => {
      shell.openExternal(url).catch(() => undefined);
    },
  };
  guardNavigation(win.webContents, policy);
  restrictPermissions(win.webContents.session);
  win.once('ready-to-show', () => win.show());
  win.loadURL(config.devServerUrl ?? APP_ENTRY_URL).catch((error: unknown) => {
    console.error('Lectern could not load its window:', error instanceof Error ? error.message : error);
  });
  return win;
}
