/**
 * The names both sides of the IPC boundary agree on. Kept free of zod and of any Electron
 * import so the sandboxed preload bundle stays tiny and the renderer can import it freely.
 */

/** Every invoke method of the Lectern API, in one list the preload and main both iterate. */
export const LECTERN_METHODS = [
  'openFiles',
  'takeOpenedFiles',
  'saveFile',
  'openExternal',
  'getAppInfo',
  'chooseBibliographyFile',
  'getBibliographyFile',
  'writeBibliographyFile',
  'forgetBibliographyFile',
] as const;

/** The name of one invoke method. */
export type LecternMethod = (typeof LECTERN_METHODS)[number];

/** Commands the native menu sends to the renderer. */
export const MENU_COMMANDS = ['import', 'export', 'toggle-theme', 'about', 'backup', 'restore'] as const;

/** One menu command: what the renderer should do after the user picked a menu item. */
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The channel main uses to push menu commands to the renderer. */
export const MENU_COMMAND_CHANNEL = 'lectern:menu-command';

/**
 * The channel main uses to say that files are waiting to be imported (passed on the command line
 * or by the system); the renderer then calls takeOpenedFiles. No file or path travels with it.
 */
export const FILES_WAITING_CHANNEL = 'lectern:files-waiting';

/** The invoke channel of one method; prefixed so no Electron-internal channel can collide. */
export function channelFor(method: LecternMethod): string {
  return `lectern:${method}`;
}

/** Narrows an unknown IPC payload to a menu command. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** Narrows a string to a method name. */
export function isLecternMethod(value: string): value is LecternMethod {
  return (LECTERN_METHODS as readonly string[]).includes(value);
}
