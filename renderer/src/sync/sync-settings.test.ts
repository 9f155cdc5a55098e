import { describe, expect, it } from 'vitest';
import { createSyncSettingsStore, DEFAULT_SYNC_SETTINGS, loadSyncSettings, saveSyncSettings, settingsProblems, SYNC_SETTINGS_KEY, syncReady } from './sync-settings';

function memory(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return { getItem: (key: string) => map.get(key) ?? null, setItem: (key: string, value: string) => void map.set(key, value), map };
}

const good = { enabled: true, serverUrl: 'ws://127.0.0.1:8787', library: 'thesis', token: 'secret-token-1' };

describe('sync settings', () => {
  it('are off, with nothing filled in, on a machine that never set them', () => {
    expect(loadSyncSettings(memory())).toEqual(DEFAULT_SYNC_SETTINGS);
    expect(DEFAULT_SYNC_SETTINGS.enabled).toBe(false);
    expect(syncReady(loadSyncSettings(memory()))).toBe(false);
  });

  it('fall back to off when what was saved is broken or not settings', () => {
    expect(loadSyncSettings(memory({ [SYNC_SETTINGS_KEY]: '{not json' }))).toEqual(DEFAULT_SYNC_SETTINGS);
    expect(loadSyncSettings(memory({ [SYNC_SETTINGS_KEY]: JSON.stringify({ enabled: 'yes' }) }))).toEqual(DEFAULT_SYNC_SETTINGS);
    expect(loadSyncSettings(memory({ [SYNC_SETTINGS_KEY]: JSON.stringify({ ...good, token: 'x'.repeat(600) }) }))).toEqual(DEFAULT_SYNC_SETTINGS);
    expect(loadSyncSettings(memory({ [SYNC_SETTINGS_KEY]: 'null' }))).toEqual(DEFAULT_SYNC_SETTINGS);
    // On but unusable (a http:// address typed by hand) is kept as typed, but off.
    const edited = loadSyncSettings(memory({ [SYNC_SETTINGS_KEY]: JSON.stringify({ ...good, serverUrl: 'http://example.org' }) }));
    expect(edited).toMatchObject({ enabled: false, serverUrl: 'http://example.org', library: 'thesis' });
  });

  it('round-trip through storage, trimmed', () => {
    const storage = memory();
    saveSyncSettings({ ...good, serverUrl: ' ws://127.0.0.1:8787/ ', token: 'secret-token-1\n' }, storage);
    expect(loadSyncSettings(storage)).toEqual(good);
  });

  it('want ws:// or wss://, a library name and a token when on', () => {
    expect(settingsProblems(good)).toEqual({});
    expect(settingsProblems({ ...good, serverUrl: 'https://sync.example.org' }).serverUrl).toMatch(/ws:\/\/ or wss:\/\//);
    expect(settingsProblems({ ...good, serverUrl: 'not a url' }).serverUrl).toMatch(/not an address/);
    expect(settingsProblems({ ...good, serverUrl: 'wss://sync.example.org' })).toEqual({});
    expect(settingsProblems({ ...good, serverUrl: 'ws://localhost:9000' })).toEqual({});
    // Plain ws:// to another machine would carry the token in clear.
    expect(settingsProblems({ ...good, serverUrl: 'ws://192.168.1.20:8787' }).serverUrl).toMatch(/wss:\/\//);
    expect(settingsProblems({ ...good, serverUrl: 'wss://me:pw@sync.example.org' }).serverUrl).toMatch(/token in its own field/);
    expect(settingsProblems({ ...good, library: 'my thesis' }).library).toMatch(/letters, digits/);
    expect(settingsProblems({ ...good, library: '' }).library).toBeDefined();
    expect(settingsProblems({ ...good, token: '' }).token).toMatch(/token/);
    expect(settingsProblems({ ...good, token: 'a b' }).token).toMatch(/no spaces/);
    // Off settings need nothing.
    expect(settingsProblems({ enabled: false, serverUrl: '', library: '', token: '' })).toEqual({});
  });

  it('are never saved when a field is wrong, and the store keeps the old ones', () => {
    const storage = memory();
    const store = createSyncSettingsStore(storage);
    expect(() => store.set({ ...good, token: '' })).toThrow(/token/);
    expect(storage.map.has(SYNC_SETTINGS_KEY)).toBe(false);
    expect(store.get()).toEqual(DEFAULT_SYNC_SETTINGS);
    let told = 0;
    store.subscribe(() => told++);
    store.set(good);
    expect(told).toBe(1);
    expect(store.get()).toEqual(good);
    expect(createSyncSettingsStore(storage).get()).toEqual(good);
  });
});
