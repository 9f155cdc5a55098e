/**
 * Everything the renderer needs from the machine it runs on. Two implementations: Electron (the
 * preload bridge, `window.lectern`) and the web (file input, downloads), so every feature can be
 * exercised in a plain browser.
 */

import type { BibliographyFileChoice, OpenPurpose } from '../../app/ipc/contract';
import type { SyncFormat } from '../../app/writing/sync-format';

export type { OpenPurpose } from '../../app/ipc/contract';

/** A user command that can come from a native menu or a keyboard shortcut. */
export type PlatformCommand = 'import' | 'export' | 'toggle-theme' | 'about' | 'backup' | 'restore';

/** A file the user chose: a name and its bytes as a Blob (a File on the web). */
export interface PickedFile {
  name: string;
  blob: Blob;
}

/** Outcome of a platform call that can fail. */
export type PlatformResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * The bibliography file kept in sync. On the desktop main remembers the file the student chose
 * and Lectern rewrites it whenever the library changes; on the web nothing is written silently:
 * `write` downloads the file when the student asks.
 */
export interface BibliographyFilePlatform {
  /** True when Lectern rewrites the file by itself (desktop). */
  readonly automatic: boolean;
  /** Asks where the file goes (desktop: save dialog; web: remembers the format); null when cancelled. */
  choose(format: SyncFormat): Promise<PlatformResult<{ path: string } | null>>;
  /** The remembered file, or null. */
  current(): Promise<PlatformResult<BibliographyFileChoice | null>>;
  /** Writes (desktop) or downloads (web) the file's text. */
  write(data: string): Promise<PlatformResult<void>>;
  /** Stops keeping the file. */
  forget(): Promise<PlatformResult<void>>;
}

/** The renderer's one way to reach the platform. */
export interface Platform {
  /** 'electron' inside the desktop app, 'web' in a browser. */
  readonly kind: 'electron' | 'web';
  /**
   * Asks for files; an empty list when the user cancels. `purpose` picks the chooser: documents
   * to import (the default, several at a time), one backup to restore (.zip or .json) or one draft
   * to check (.txt, .md, .docx).
   */
  pickFiles(purpose?: OpenPurpose): Promise<PlatformResult<PickedFile[]>>;
  /**
   * Saves data under a suggested name (native dialog, or a download on the web). A Blob (a
   * backup) is downloaded as it is on the web, without copying it into memory.
   */
  saveFile(defaultName: string, data: string | Uint8Array | Blob): Promise<PlatformResult<{ path: string } | null>>;
  /** Opens an http(s) link outside Lectern. */
  openExternal(url: string): Promise<PlatformResult<void>>;
  /** Subscribes to commands from the native menu; returns an unsubscribe function. */
  onCommand(listener: (command: PlatformCommand) => void): () => void;
  /**
   * Subscribes to files the system asks Lectern to open (a double-click on an associated file, a
   * path on the command line), including those of the launch itself; returns an unsubscribe function.
   */
  onFilesToOpen(listener: (files: PlatformResult<PickedFile[]>) => void): () => void;
  /** The synced bibliography file. */
  readonly bibliography: BibliographyFilePlatform;
  /** True when the platform already maps shortcuts like Ctrl+O to commands (native menu). */
  readonly handlesShortcuts: boolean;
}
