import { readFile } from 'node:fs/promises';
import type { Result } from '../documents/model';

/** A file named on the command line, read whole; a file that cannot be read is a sentence naming it. */
export async function readBytes(path: string): Promise<Result<Uint8Array>> {
  try {
    return { ok: true, value: new Uint8Array(await readFile(path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const name = `“${path}”`;
    if (code === 'ENOENT') return { ok: false, error: `${name} does not exist.` };
    if (code === 'EISDIR') return { ok: false, error: `${name} is a folder, not a file.` };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, error: `${name} cannot be read (permission denied).` };
    return { ok: false, error: `${name} cannot be read (${code ?? 'unknown error'}).` };
  }
}
