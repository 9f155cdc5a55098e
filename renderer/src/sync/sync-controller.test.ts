import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { LecternDb } from '../../../app/store/db';
import type { NoteKey, SyncSettings } from '../../../app/sync/contract';
import { createSyncController, REFUSED_FALLBACK, type ArrivedChange, type ProviderConfig, type SyncModules } from './sync-controller';

const db = {} as LecternDb;
const on: SyncSettings = { enabled: true, serverUrl: 'ws://127.0.0.1:8787', library: 'thesis', token: 'tok' };

/** Fake modules that record what was made, in order. */
function fakes() {
  const log: string[] = [];
  const providers: { config: ProviderConfig; unsyncedChanges: number; connects: number; disconnects: number; destroyed: boolean }[] = [];
  let enginePending = 0;
  let startEngine: () => void = () => undefined;
  let engineStarted: Promise<void> = Promise.resolve();
  const modules: SyncModules = {
    createDoc: () => {
      log.push('doc');
      return new Y.Doc();
    },
    createNoteBridge: () => {
      log.push('notes');
      return { applyRemote: () => Promise.resolve(), pushLocal: () => Promise.resolve(), bind: () => () => undefined };
    },
    createDocumentTransfer: ({ settings }) => {
      log.push(`documents ${settings.library}`);
      return { publish: () => Promise.resolve(null), fetch: () => Promise.resolve(false), fetchOriginal: () => Promise.resolve(false) };
    },
    createEngine: () => {
      log.push('engine');
      return {
        start: () => {
          log.push('engine start');
          return engineStarted.then(() => void log.push('engine started'));
        },
        stop: () => void log.push('engine stop'),
        idle: () => Promise.resolve(),
        pending: () => enginePending,
      };
    },
    createProvider: (config) => {
      log.push(`provider ${config.url} ${config.name} ${config.token}`);
      const provider = {
        config,
        unsyncedChanges: 0,
        connects: 0,
        disconnects: 0,
        destroyed: false,
        connect() {
          provider.connects++;
        },
        disconnect() {
          provider.disconnects++;
        },
        destroy() {
          provider.destroyed = true;
          log.push('provider destroy');
        },
      };
      providers.push(provider);
      return provider;
    },
  };
  return {
    log,
    providers,
    modules,
    setPending: (n: number) => void (enginePending = n),
    holdEngine: () => {
      engineStarted = new Promise((resolve) => (startEngine = resolve));
    },
    releaseEngine: () => startEngine(),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function network() {
  const target = new EventTarget() as EventTarget & { navigator: { onLine: boolean } };
  target.navigator = { onLine: true };
  return target;
}

afterEach(() => vi.restoreAllMocks());

describe('the sync controller', () => {
  it('loads nothing and makes no request while off or without a token', async () => {
    const fetchSpy = vi.fn();
    const socketSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    vi.stubGlobal('WebSocket', socketSpy);
    const load = vi.fn(() => Promise.resolve(fakes().modules));
    const controller = createSyncController({ db, load, network: network() });
    controller.apply({ enabled: false, serverUrl: '', library: '', token: '' });
    controller.apply({ ...on, enabled: false });
    controller.apply({ ...on, token: '' });
    controller.apply({ ...on, serverUrl: 'http://127.0.0.1:8787' });
    await flush();
    expect(load).not.toHaveBeenCalled();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(socketSpy).not.toHaveBeenCalled();
    expect(controller.status()).toEqual({ state: 'off' });
    expect(controller.session()).toBeNull();
    vi.unstubAllGlobals();
  });

  it('starts the engine before the provider connects, then says connecting, synced, syncing and offline', async () => {
    const fake = fakes();
    fake.holdEngine();
    let clock = 1_000;
    const net = network();
    const controller = createSyncController({ db, load: () => Promise.resolve(fake.modules), network: net, now: () => clock, pollMs: 10_000 });
    const seen: string[] = [];
    controller.subscribe(() => seen.push(controller.status().state));
    controller.apply(on);
    await flush();
    expect(controller.status()).toEqual({ state: 'connecting' });
    expect(fake.providers).toHaveLength(0);
    fake.releaseEngine();
    await flush();
    expect(fake.log).toEqual(['doc', 'notes', 'documents thesis', 'engine', 'engine start', 'engine started', 'provider ws://127.0.0.1:8787 thesis tok']);
    expect(controller.session()?.doc).toBeInstanceOf(Y.Doc);
    const provider = fake.providers[0]!;
    provider.config.onStatus({ status: 'connected' });
    expect(controller.status()).toEqual({ state: 'connecting' });
    clock = 2_000;
    provider.config.onSynced({ state: true });
    expect(controller.status()).toEqual({ state: 'synced', at: 2_000 });
    fake.setPending(2);
    provider.unsyncedChanges = 1;
    provider.config.onUnsyncedChanges({ number: 1 });
    expect(controller.status()).toEqual({ state: 'syncing', pending: 3 });
    net.dispatchEvent(new Event('offline'));
    expect(provider.disconnects).toBe(1);
    expect(controller.status()).toEqual({ state: 'offline', pending: 3 });
    provider.config.onStatus({ status: 'disconnected' });
    net.dispatchEvent(new Event('online'));
    expect(provider.connects).toBe(1);
    provider.config.onStatus({ status: 'connected' });
    fake.setPending(0);
    provider.unsyncedChanges = 0;
    clock = 3_000;
    provider.config.onSynced({ state: true });
    expect(controller.status()).toEqual({ state: 'synced', at: 3_000 });
    expect(seen).toEqual(['connecting', 'connecting', 'synced', 'syncing', 'offline', 'connecting', 'synced']);
    controller.dispose();
  });

  it('stops on a refused token, shows the server’s sentence and does not try again until the settings change', async () => {
    const fake = fakes();
    const net = network();
    const load = vi.fn(() => Promise.resolve(fake.modules));
    const controller = createSyncController({ db, load, network: net, pollMs: 10_000 });
    controller.apply(on);
    await flush();
    const first = fake.providers[0]!;
    first.config.onAuthenticationFailed({ reason: 'This token does not open the library “thesis”.' });
    expect(controller.status()).toEqual({ state: 'refused', message: 'This token does not open the library “thesis”.' });
    expect(first.destroyed).toBe(true);
    expect(fake.log).toContain('engine stop');
    expect(controller.session()).toBeNull();
    // Coming back online, or the same settings again, do not knock again.
    net.dispatchEvent(new Event('online'));
    controller.apply({ ...on });
    await flush();
    expect(first.connects).toBe(0);
    expect(load).toHaveBeenCalledTimes(1);
    expect(controller.status().state).toBe('refused');
    // A new token does.
    controller.apply({ ...on, token: 'tok2' });
    await flush();
    expect(load).toHaveBeenCalledTimes(2);
    const second = fake.providers[1]!;
    expect(second.config.token).toBe('tok2');
    second.config.onAuthenticationFailed({ reason: 'permission-denied' });
    expect(controller.status()).toEqual({ state: 'refused', message: REFUSED_FALLBACK });
    controller.dispose();
  });

  it('turning sync off destroys the provider, the engine and the doc, and drops the session', async () => {
    const fake = fakes();
    const controller = createSyncController({ db, load: () => Promise.resolve(fake.modules), network: network(), pollMs: 10_000 });
    controller.apply(on);
    await flush();
    const doc = controller.session()!.doc;
    let destroyed = false;
    doc.on('destroy', () => (destroyed = true));
    controller.apply({ ...on, enabled: false });
    expect(fake.providers[0]!.destroyed).toBe(true);
    expect(fake.log.slice(-2)).toEqual(['provider destroy', 'engine stop']);
    expect(destroyed).toBe(true);
    expect(controller.session()).toBeNull();
    expect(controller.status()).toEqual({ state: 'off' });
  });

  it('turned off while the engine is still starting, never makes a provider', async () => {
    const fake = fakes();
    fake.holdEngine();
    const controller = createSyncController({ db, load: () => Promise.resolve(fake.modules), network: network(), pollMs: 10_000 });
    controller.apply(on);
    await flush();
    controller.apply({ ...on, enabled: false });
    fake.releaseEngine();
    await flush();
    expect(fake.providers).toHaveLength(0);
    expect(controller.status()).toEqual({ state: 'off' });
  });

  it('says so when the engine cannot start, and connects nothing', async () => {
    const fake = fakes();
    fake.modules.createEngine = () => ({ start: () => Promise.reject(new Error('the saved sync state is broken')), stop: () => undefined, idle: () => Promise.resolve(), pending: () => 0 });
    const controller = createSyncController({ db, load: () => Promise.resolve(fake.modules), network: network(), pollMs: 10_000 });
    controller.apply(on);
    await flush();
    expect(controller.status()).toEqual({ state: 'error', message: 'Sync could not start: the saved sync state is broken' });
    expect(fake.providers).toHaveLength(0);
  });

  it('tells the search index what arrived: rows the engine wrote, notes the bridge wrote, documents fetched; nothing once stopped', async () => {
    const fake = fakes();
    const hooks: { rows?: (rows: readonly { table: string; key: string }[]) => void; notes?: (keys: NoteKey[]) => void; added?: (id: string) => void } = {};
    const modules: SyncModules = {
      ...fake.modules,
      createEngine: (options) => {
        hooks.rows = options.onRemoteRows;
        return fake.modules.createEngine(options);
      },
      createNoteBridge: (options) => {
        hooks.notes = options.onChanged;
        return fake.modules.createNoteBridge(options);
      },
      createDocumentTransfer: (options) => {
        hooks.added = options.onAdded;
        return fake.modules.createDocumentTransfer(options);
      },
    };
    const arrived: ArrivedChange[] = [];
    const controller = createSyncController({ db, load: () => Promise.resolve(modules), network: network(), onArrived: (change) => arrived.push(change) });
    controller.apply(on);
    await flush();
    await flush();
    hooks.rows?.([
      { table: 'annotations', key: 'a1' },
      { table: 'collectionItems', key: 'c1/d1' },
      { table: 'documents', key: 'd1' },
      { table: 'notebooks', key: 'n1' },
    ]);
    hooks.notes?.(['annotation:a2', 'notebook:n2']);
    hooks.added?.('d2');
    expect(arrived).toEqual([
      { kind: 'annotation', id: 'a1' },
      { kind: 'document', id: 'd1' },
      { kind: 'notebook', id: 'n1' },
      { kind: 'annotation', id: 'a2' },
      { kind: 'notebook', id: 'n2' },
      { kind: 'document', id: 'd2' },
    ]);
    controller.apply({ ...on, enabled: false });
    hooks.added?.('d3');
    expect(arrived).toHaveLength(6);
  });
});
