/**
 * Lectern's main process: one instance, one window, the app served from lectern://app/, and
 * the IPC handlers of the contract. Everything testable lives in the modules imported here.
 */
import path from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, shell } from 'electron';
import { FILES_WAITING_CHANNEL, MENU_COMMAND_CHANNEL } from '../app/ipc/channels';
import type { AppInfo } from '../app/ipc/contract';
import { aboutDialogOptions } from './about';
import { APP_SCHEME, trustedUrlPrefixes } from './app-url';
import { nodeFileSystem } from './file-system';
import { registerIpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { OpenFileQueue, filesFromArgv, watchOpenFiles } from './open-files';
import { serveAppRequest } from './protocol';
import { createMainWindow } from './window';

// Must run before 'ready': privileges cannot be granted to a scheme afterwards.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
  },
]);
app.enableSandbox();

// A packaged app never honours the dev server variable: it would load any page with the preload.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const outDir = path.join(import.meta.dirname, '..');
const rendererDir = path.join(outDir, 'renderer');
const preloadPath = path.join(outDir, 'preload', 'preload.cjs');

let mainWindow: BrowserWindow | null = null;
// Files this launch was asked to open; the renderer takes them once it is up.
const openQueue = new OpenFileQueue();
openQueue.add(filesFromArgv(process.argv, process.cwd()));

function appInfo(): AppInfo {
  return { name: 'Lectern', version: app.getVersion(), platform: process.platform };
}

function openWindow(): void {
  const win = createMainWindow({ preloadPath, devServerUrl });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
}

function showAbout(): void {
  const options = aboutDialogOptions(appInfo());
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function start(): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir));
  registerIpcHandlers(ipcMain, {
    mainFrame: () => mainWindow?.webContents.mainFrame ?? null,
    trustedPrefixes: trustedUrlPrefixes(devServerUrl),
    dialogs: {
      showOpenDialog: (options) =>
        mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
      showSaveDialog: (options) =>
        mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
    },
    files: nodeFileSystem,
    openQueue,
    openExternal: (url) => shell.openExternal(url),
    appInfo,
    defaultSaveDir: () => app.getPath('documents'),
    bibliographySettingsFile: path.join(app.getPath('userData'), 'bibliography-file.json'),
  });
  const template = buildMenuTemplate({
    send: (command) => mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command),
    showAbout,
    isDev: !app.isPackaged,
    isMac: process.platform === 'darwin',
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Registered before 'ready': macOS sends the file a launch was for before the app is ready.
  watchOpenFiles(app, openQueue, () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    mainWindow.webContents.send(FILES_WAITING_CHANNEL);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error('Lectern could not start:', error instanceof Error ? error.message : error);
    app.quit();
  });
}
