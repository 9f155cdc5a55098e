/** File access for the IPC handlers, injected so tests can swap it, and errors users can act on. */
import { readFile, stat, writeFile } from 'node:fs/promises';

/** The file operations the handlers use. */
export interface FileSystem {
  /** Size in bytes; rejects for folders so they are not "read" as empty documents. */
  size(path: string): Promise<number>;
  read(path: string): Promise<Uint8Array>;
  /** Strings are written as UTF-8. */
  write(path: string, data: string | Uint8Array): Promise<void>;
}

/**
 * A Uint8Array that owns exactly its bytes. IPC clones the whole underlying ArrayBuffer of a
 * view, so a Buffer sliced from a larger pool would ship the pool along with it.
 */
export function exactBytes(bytes: Uint8Array): Uint8Array {
  const ownsWholeBuffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  if (!ownsWholeBuffer) return new Uint8Array(bytes);
  // A Buffer becomes a plain Uint8Array view over the same memory: no copy needed.
  return Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, 0, bytes.byteLength);
}

/** The real file system. */
export const nodeFileSystem: FileSystem = {
  async size(path) {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return info.size;
  },
  async read(path) {
    return exactBytes(await readFile(path));
  },
  async write(path, data) {
    await writeFile(path, data);
  },
};

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'it no longer exists (was it moved or deleted?)',
  EACCES: 'permission was denied; check the file’s permissions',
  EPERM: 'permission was denied; check the file’s permissions',
  EISDIR: 'it is a folder, not a file',
  EROFS: 'the location is read-only; choose another folder',
  ENOSPC: 'the disk is full; free some space and try again',
  EBUSY: 'another program is using it; close that program and try again',
  ENAMETOOLONG: 'the path is too long; choose a shorter name or folder',
};

/** A one-line explanation of a file error, naming the file but never showing a stack. */
export function describeFileError(action: 'read' | 'write', name: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const reason = REASONS[code] ?? 'an unexpected file system error occurred; try again';
  return `Lectern could not ${action} “${name}”: ${reason}.`;
}
