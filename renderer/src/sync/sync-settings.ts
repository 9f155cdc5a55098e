/**
 * The sync settings of this machine, in localStorage under 'lectern.sync'. They never go into a
 * backup or an export (those read the library's tables, not localStorage), so the token stays on
 * the machine it was typed on. Sync is off until a student turns it on.
 *
 * The stored value is checked field by field here rather than with a zod schema: this module is
 * read at the app's start, which loads React and Dexie only (tests/lint/start-graph.test.ts).
 */
import { LIBRARY_NAME, type SyncSettings } from '../../../app/sync/contract';

/** Where the settings are kept. */
export const SYNC_SETTINGS_KEY = 'lectern.sync';

/** What a machine that never set up sync has: off, nothing filled in. */
export const DEFAULT_SYNC_SETTINGS: SyncSettings = Object.freeze({ enabled: false, serverUrl: '', library: '', token: '' });

/** The longest token kept: longer is not a token but a paste gone wrong. */
const MAX_TOKEN = 512;

/** Hosts a plain ws:// address may name: this machine. Any other server takes wss:// (see the CSP). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

/** Why a server address cannot be used, or null when it can. */
export function serverUrlProblem(value: string): string | null {
  const text = value.trim();
  if (!text) return 'Type the address of the sync server, e.g. ws://127.0.0.1:8787.';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'The server address is not an address: it starts with ws:// or wss://, e.g. ws://127.0.0.1:8787.';
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return 'The server address starts with ws:// or wss://.';
  if (url.username || url.password) return 'Put the token in its own field, not in the server address.';
  if (url.search || url.hash) return 'The server address has no ? or # part.';
  if (url.protocol === 'ws:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return 'A server on another machine needs wss:// (encrypted), so the token never travels in clear; ws:// is for a server on this machine (127.0.0.1 or localhost).';
  }
  return null;
}

/** Why a library name cannot be used, or null when it can. */
export function libraryProblem(value: string): string | null {
  if (!value) return 'Type the library’s name on the server.';
  if (!LIBRARY_NAME.test(value)) return 'A library name is 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.';
  return null;
}

/** Why a token cannot be used, or null when it can. */
export function tokenProblem(value: string): string | null {
  if (!value) return 'Type the library’s token, as whoever runs the server gave it.';
  if (value.length > MAX_TOKEN) return `A token is at most ${MAX_TOKEN} characters.`;
  if (/\s/.test(value)) return 'A token has no spaces or line breaks.';
  return null;
}

/** The stored value when it has the settings' shape (strings of sane length, a boolean), else null. */
function parseStored(value: unknown): SyncSettings | null {
  if (typeof value !== 'object' || value === null) return null;
  const { enabled, serverUrl, library, token } = value as Record<string, unknown>;
  if (typeof enabled !== 'boolean') return null;
  if (typeof serverUrl !== 'string' || serverUrl.length > 2048) return null;
  if (typeof library !== 'string' || library.length > 64) return null;
  if (typeof token !== 'string' || token.length > MAX_TOKEN) return null;
  return { enabled, serverUrl, library, token };
}

/** The problems of settings to be saved, by field; empty when they can be saved. Off settings need nothing filled in. */
export function settingsProblems(settings: SyncSettings): Partial<Record<'serverUrl' | 'library' | 'token', string>> {
  if (!settings.enabled) return {};
  const problems: Partial<Record<'serverUrl' | 'library' | 'token', string>> = {};
  const server = serverUrlProblem(settings.serverUrl);
  const library = libraryProblem(settings.library);
  const token = tokenProblem(settings.token);
  if (server) problems.serverUrl = server;
  if (library) problems.library = library;
  if (token) problems.token = token;
  return problems;
}

/** True when sync is on and every field can be used: only then does Lectern talk to a server. */
export function syncReady(settings: SyncSettings): boolean {
  return settings.enabled && Object.keys(settingsProblems(settings)).length === 0;
}

/** Trims what a student typed (a pasted token often carries a line break). */
export function normalizeSettings(settings: SyncSettings): SyncSettings {
  return { enabled: settings.enabled, serverUrl: settings.serverUrl.trim().replace(/\/+$/, ''), library: settings.library.trim(), token: settings.token.trim() };
}

/** The saved settings; the defaults (off) when none were saved or what was saved is not valid. */
export function loadSyncSettings(storage: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null): SyncSettings {
  let raw: string | null;
  try {
    raw = storage?.getItem(SYNC_SETTINGS_KEY) ?? null;
  } catch {
    return DEFAULT_SYNC_SETTINGS;
  }
  if (!raw) return DEFAULT_SYNC_SETTINGS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return DEFAULT_SYNC_SETTINGS;
  }
  const settings = parseStored(parsed);
  if (!settings) return DEFAULT_SYNC_SETTINGS;
  // Settings on but unusable (edited by hand) are kept as typed but do not turn sync on.
  return { ...settings, enabled: settings.enabled && syncReady(settings) };
}

/** Saves the settings; throws the sentence to show when they cannot be saved. */
export function saveSyncSettings(settings: SyncSettings, storage: Pick<Storage, 'setItem'> | null = globalThis.localStorage ?? null): SyncSettings {
  const clean = normalizeSettings(settings);
  const problems = settingsProblems(clean);
  const first = Object.values(problems)[0];
  if (first) throw new Error(first);
  if (!storage) throw new Error('This browser keeps no settings (storage is off), so sync cannot be set up here.');
  storage.setItem(SYNC_SETTINGS_KEY, JSON.stringify(clean));
  return clean;
}

/** The settings as a small store the app and the dialog share. */
export interface SyncSettingsStore {
  get: () => SyncSettings;
  /** Validates and saves; throws the sentence to show when they cannot be saved. */
  set: (settings: SyncSettings) => void;
  subscribe: (listener: () => void) => () => void;
}

/** A settings store over `storage` (localStorage in the app, a map in tests). */
export function createSyncSettingsStore(storage: Pick<Storage, 'getItem' | 'setItem'> | null = globalThis.localStorage ?? null): SyncSettingsStore {
  let current = loadSyncSettings(storage);
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(settings) {
      current = saveSyncSettings(settings, storage);
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
