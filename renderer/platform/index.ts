import type { LecternBridge } from '../../app/ipc/contract';
import { createElectronPlatform } from './electron';
import type { Platform } from './platform';
import { createWebPlatform } from './web';

export type { Platform, PickedFile, PlatformCommand, PlatformResult } from './platform';

declare global {
  interface Window {
    /** Present only inside the desktop app, put there by the preload script. */
    lectern?: LecternBridge;
  }
}

/** Picks the implementation for where the renderer runs. */
export function detectPlatform(): Platform {
  return window.lectern ? createElectronPlatform(window.lectern) : createWebPlatform();
}
