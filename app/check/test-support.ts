/** Helpers for the quote check's tests and benchmark; imported by them only. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { importFile } from '../documents/import';
import { libraryText } from './library-text';
import type { LibraryText } from './report';

export { libraryText } from './library-text';

/** The seed documents' folder (../shared/seeds beside the repository). */
export const SEEDS = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
/** The real PDFs the end-to-end tests use. */
export const E2E_FILES = fileURLToPath(new URL('../../tests/e2e/files/', import.meta.url));

/** The seed 001 file: Ezerova's review of Closeness. */
export const SEED_001 = '001_94063d3630a703df.txt';
/** Every seed. */
export const SEED_NAMES = ['000_62b2ac4b49efefbf.txt', SEED_001, '002_3e439b9731b77bf4.txt', '003_79ae931a7f31934e.txt', '004_0b201c9d2cc86d46.txt'];


/** Imports a file (a path) as a library text, or throws. */
export async function importForLibrary(path: string): Promise<LibraryText> {
  const name = path.split('/').pop()!;
  const parsed = await importFile(name, new Uint8Array(await readFile(path)));
  if (!parsed.ok) throw new Error(parsed.error);
  return libraryText(parsed.value);
}

/** The five seeds as a library. */
export async function seedLibrary(): Promise<LibraryText[]> {
  return Promise.all(SEED_NAMES.map((name) => importForLibrary(SEEDS + name)));
}
