/**
 * The libraries a sync server admits: `<dataDir>/libraries.json`, { "<library>": { "tokenSha256": "<hex>" } }.
 * Only the SHA-256 of each token is kept (never the token), in a file only its owner may read,
 * written whole through a temporary file and a rename so a crash never leaves half a list.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LIBRARY_NAME } from '../contract';

export const LIBRARIES_FILE = 'libraries.json';

export interface LibraryEntry {
  tokenSha256: string;
}

export type LibraryList = Record<string, LibraryEntry>;

const HEX_DIGEST = /^[0-9a-f]{64}$/;

export function tokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new random token: 32 bytes, base64url (43 characters, no ':' or ','). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isLibraryName(name: string): boolean {
  return LIBRARY_NAME.test(name);
}

function parseList(text: string, path: string): LibraryList {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`The library list ${path} is not a JSON object.`);
  }
  const list: LibraryList = {};
  for (const [name, entry] of Object.entries(parsed as Record<string, unknown>)) {
    const digest = (entry as { tokenSha256?: unknown } | null)?.tokenSha256;
    if (isLibraryName(name) && typeof digest === 'string' && HEX_DIGEST.test(digest)) {
      list[name] = { tokenSha256: digest };
    }
  }
  return list;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/** The library list of a data folder (empty when there is none yet). */
export function readLibraries(dataDir: string): LibraryList {
  const path = join(dataDir, LIBRARIES_FILE);
  try {
    return parseList(readFileSync(path, 'utf8'), path);
  } catch (error) {
    if (isMissing(error)) return {};
    throw error;
  }
}

/** As readLibraries, without blocking (read on every authentication, so an added library needs no restart). */
export async function readLibrariesAsync(dataDir: string): Promise<LibraryList> {
  const path = join(dataDir, LIBRARIES_FILE);
  try {
    return parseList(await readFile(path, 'utf8'), path);
  } catch (error) {
    if (isMissing(error)) return {};
    throw error;
  }
}

/** Adds or replaces libraries' tokens in the data folder's list (the tokens themselves are not kept). */
export function addLibraries(dataDir: string, tokens: Record<string, string>): void {
  const list = readLibraries(dataDir);
  for (const [name, token] of Object.entries(tokens)) {
    if (!isLibraryName(name)) {
      throw new Error(
        `“${name.slice(0, 80)}” cannot name a library: use 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.`,
      );
    }
    if (token.length === 0) throw new Error(`The token for “${name}” is empty.`);
    list[name] = { tokenSha256: tokenDigest(token) };
  }
  const path = join(dataDir, LIBRARIES_FILE);
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, JSON.stringify(list, null, 2) + '\n', { mode: 0o600 });
  renameSync(temporary, path);
}

/** Whether `token` is the token of the library whose stored digest is `entry`, compared in constant time. */
export function tokenMatches(entry: LibraryEntry, token: string): boolean {
  const expected = Buffer.from(entry.tokenSha256, 'hex');
  const given = createHash('sha256').update(token, 'utf8').digest();
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** What the app shows when the server refuses a library or a token (one sentence each). */
export const refusal = {
  unknownLibrary: (library: string) => `The sync server does not know the library “${library.slice(0, 64)}”.`,
  missingToken: (library: string) =>
    `The sync server needs a token for “${library.slice(0, 64)}”. Enter the token in Lectern’s sync settings.`,
  wrongToken: (library: string) =>
    `The sync server refused the token for “${library.slice(0, 64)}”. Check the token in Lectern’s sync settings.`,
};

export type AccessCheck = { ok: true } | { ok: false; message: string; serverFault?: boolean };

/** Checks a library name and token against the data folder's list. */
export async function checkAccess(dataDir: string, library: string, token: string | null | undefined): Promise<AccessCheck> {
  if (!isLibraryName(library)) return { ok: false, message: refusal.unknownLibrary(library) };
  let list: LibraryList;
  try {
    list = await readLibrariesAsync(dataDir);
  } catch {
    return {
      ok: false,
      serverFault: true,
      message: 'The sync server cannot read its list of libraries (libraries.json); its operator must check it.',
    };
  }
  const entry = Object.hasOwn(list, library) ? list[library] : undefined;
  if (!entry) return { ok: false, message: refusal.unknownLibrary(library) };
  if (!token) return { ok: false, message: refusal.missingToken(library) };
  if (!tokenMatches(entry, token)) return { ok: false, message: refusal.wrongToken(library) };
  return { ok: true };
}
