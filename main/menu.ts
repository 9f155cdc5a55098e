/** The native application menu. Items that need the renderer send it a MenuCommand. */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../app/ipc/channels';

/** What the menu's items do and which variant of it to build. */
export interface MenuActions {
  /** Sends a command to the renderer (webContents.send on the menu channel). */
  send: (command: MenuCommand) => void;
  /** Shows the native About dialog. */
  showAbout: () => void;
  /** Adds reload and developer tools, which a released build must not offer. */
  isDev: boolean;
  /** macOS puts About and Quit in an app-named first menu. */
  isMac: boolean;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

function macAppMenu(actions: MenuActions): MenuItemConstructorOptions {
  return {
    label: 'Lectern',
    submenu: [
      { label: 'About Lectern', click: () => actions.showAbout() },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
}

function fileMenu(actions: MenuActions): MenuItemConstructorOptions {
  return {
    label: '&File',
    submenu: [
      { id: 'import', label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => actions.send('import') },
      { id: 'export', label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.send('export') },
      separator,
      { id: 'backup', label: 'Back up library…', click: () => actions.send('backup') },
      { id: 'restore', label: 'Restore library…', click: () => actions.send('restore') },
      separator,
      actions.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
}

const editMenu: MenuItemConstructorOptions = {
  label: '&Edit',
  submenu: [
    { role: 'undo' },
    { role: 'redo' },
    separator,
    { role: 'cut' },
    { role: 'copy' },
    { role: 'paste' },
    { role: 'pasteAndMatchStyle' },
    { role: 'delete' },
    separator,
    { role: 'selectAll' },
  ],
};

function viewMenu(actions: MenuActions): MenuItemConstructorOptions {
  const devItems: MenuItemConstructorOptions[] = actions.isDev
    ? [separator, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }]
    : [];
  return {
    label: '&View',
    submenu: [
      {
        id: 'toggle-theme',
        label: 'Toggle Dark Mode',
        accelerator: 'CmdOrCtrl+Shift+D',
        click: () => actions.send('toggle-theme'),
      },
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...devItems,
    ],
  };
}

function helpMenu(actions: MenuActions): MenuItemConstructorOptions {
  return {
    label: '&Help',
    role: 'help',
    submenu: [{ id: 'about', label: 'About Lectern', click: () => actions.showAbout() }],
  };
}

/** The menu template; index.ts passes it to Menu.buildFromTemplate. */
export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  return [
    ...(actions.isMac ? [macAppMenu(actions)] : []),
    fileMenu(actions),
    editMenu,
    viewMenu(actions),
    helpMenu(actions),
  ];
}
