/**
 * Builds the object the preload script exposes as `window.lectern`. Each method forwards its
 * arguments to one invoke channel; nothing else of ipcRenderer is reachable from the page.
 */
import { FILES_WAITING_CHANNEL, LECTERN_METHODS, MENU_COMMAND_CHANNEL, channelFor, isMenuCommand, type MenuCommand } from '../app/ipc/channels';
import type { LecternBridge } from '../app/ipc/contract';

/** The part of ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** The bridge over `ipc`, built from the contract's method list. */
export function createBridge(ipc: IpcRendererLike): LecternBridge {
  const methods = Object.fromEntries(
    LECTERN_METHODS.map((method) => [method, (...args: unknown[]) => ipc.invoke(channelFor(method), ...args)]),
  );
  const onMenuCommand = (callback: (command: MenuCommand) => void): (() => void) => {
    // The IPC event is dropped here: its `sender` is ipcRenderer itself.
    const listener = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) callback(command);
    };
    ipc.on(MENU_COMMAND_CHANNEL, listener);
    return () => {
      ipc.removeListener(MENU_COMMAND_CHANNEL, listener);
    };
  };
  const onFilesWaiting = (callback: () => void): (() => void) => {
    const listener = () => callback();
    ipc.on(FILES_WAITING_CHANNEL, listener);
    return () => {
      ipc.removeListener(FILES_WAITING_CHANNEL, listener);
    };
  };
  return Object.freeze({ ...methods, onMenuCommand, onFilesWaiting }) as LecternBridge;
}
