/**
 * The preload script of Lectern's sandboxed window. Built as CommonJS (sandboxed preloads
 * cannot be ES modules) and bundled, since a sandbox offers no require for local files.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('lectern', createBridge(ipcRenderer));
