/**
 * Lectern's sync server: Hocuspocus (Yjs over WebSocket) with its state in one SQLite file,
 * a token per library, and the libraries' blobs over plain HTTP on the same port.
 * One library is one Yjs document, named by the library's name. Node 22 (node:sqlite).
 */
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { addLibraries, checkAccess, LIBRARIES_FILE, readLibraries } from './libraries';
import { join } from 'node:path';
import { DEFAULT_MAX_BLOB_BYTES, handleHttpRequest } from './blob-routes';
import { openSyncStore, type SyncStore } from './store';
import * as Y from 'yjs';

export interface SyncServerOptions {
  /** 0 picks any free port; default 8787. */
  port?: number;
  /** Default 127.0.0.1: only this machine. */
  host?: string;
  /** Holds lectern-sync.sqlite and libraries.json; created when missing. */
  dataDir: string;
  /** Library name -> token, added to (or replacing entries of) the data folder's list. */
  libraries?: Record<string, string>;
  /** Largest blob accepted, default 200 MB. */
  maxBlobBytes?: number;
  /** No log lines (tests). */
  quiet?: boolean;
}

export interface RunningSyncServer {
  port: number;
  /** ws://host:port */
  url: string;
  /** http://host:port */
  httpUrl: string;
  /** Stores every pending document, then closes the connections and the SQLite file. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

/** An error whose message is one sentence for the operator (port in use, folder not writable...). */
export class SyncServerError extends Error {}

/**
 * What Hocuspocus sends the provider as the reason of a refused authentication. Its message is
 * empty so Hocuspocus logs nothing itself (the server logs the refusal once, unless quiet).
 */
class Refusal extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super('');
    this.reason = reason;
  }
}

function hostInUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** Creates the data folder when missing; throws a SyncServerError when it cannot be written. */
export function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.R_OK | constants.W_OK);
  } catch {
    throw new SyncServerError(`The data folder ${dataDir} cannot be created or written to.`);
  }
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): SyncServerError {
  if (error.code === 'EADDRINUSE') return new SyncServerError(`Port ${port} on ${host} is already in use.`);
  if (error.code === 'EACCES') return new SyncServerError(`Lectern may not listen on port ${port} on ${host} (permission denied).`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
    return new SyncServerError(`This machine has no address ${host} to listen on.`);
  }
  return new SyncServerError(`The sync server could not listen on ${host}:${port}: ${error.message}`);
}

export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const host = options.host ?? DEFAULT_HOST;
  const requestedPort = options.port ?? DEFAULT_PORT;
  const dataDir = options.dataDir;
  const maxBlobBytes = options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES;
  const log = options.quiet ? () => undefined : (line: string) => console.error(line);

  prepareDataDir(dataDir);
  try {
    // Fails early on a broken list rather than on the first connection.
    readLibraries(dataDir);
  } catch (error) {
    throw new SyncServerError(
      `The library list ${join(dataDir, LIBRARIES_FILE)} cannot be read (${error instanceof Error ? error.message : String(error)}); fix or remove it.`,
    );
  }
  if (options.libraries && Object.keys(options.libraries).length > 0) {
    try {
      addLibraries(dataDir, options.libraries);
    } catch (error) {
      throw new SyncServerError(error instanceof Error ? error.message : String(error));
    }
  }

  let store: SyncStore;
  try {
    store = openSyncStore(dataDir);
  } catch (error) {
    throw new SyncServerError(
      `The sync server could not open its database in ${dataDir}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  const server = new Server({
    name: 'lectern-sync',
    port: requestedPort,
    address: host,
    quiet: true,
    stopOnSignals: false,
    // Every update is kept as it arrives (onChange below), so these only say how often the
    // merged state is rewritten: encoding it takes 75-350 ms for 10,000 highlights.
    debounce: 2000,
    maxDebounce: 10_000,
    extensions: [
      new Database({
        fetch: ({ documentName }) => Promise.resolve(store.fetchDocument(documentName)),
        store: ({ documentName, state }) => {
          store.storeDocument(documentName, new Uint8Array(state));
          return Promise.resolve();
        },
      }),
    ],
    onChange({ documentName, update }) {
      try {
        store.appendUpdate(documentName, update);
      } catch (error) {
        // The update stays in memory and in the merged state at the next store.
        log(`Could not keep an update of ${documentName}: ${error instanceof Error ? error.message : String(error)}`);
      }
      return Promise.resolve();
    },
    async onAuthenticate({ documentName, token }) {
      const access = await checkAccess(dataDir, documentName, token);
      if (!access.ok) {
        log(access.message);
        throw new Refusal(access.message);
      }
    },
    async onRequest({ request, response }) {
      await handleHttpRequest(request, response, { dataDir, store, maxBlobBytes, log });
      // Rejecting with null tells Hocuspocus the request is answered.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw null;
    },
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(listenError(error, host, requestedPort));
    server.httpServer.once('error', onError);
    server
      .listen()
      .then(() => {
        server.httpServer.off('error', onError);
        server.httpServer.on('error', (error) => log(`The sync server's HTTP side failed: ${error.message}`));
        resolve();
      })
      .catch(reject);
  }).catch((error: unknown) => {
    store.close();
    throw error;
  });

  const address = server.httpServer.address();
  const port = address && typeof address === 'object' ? address.port : requestedPort;
  const shownHost = hostInUrl(host);
  let closing: Promise<void> | undefined;

  const close = async () => {
    const closed = new Promise<void>((resolve) => server.httpServer.once('close', () => resolve()));
    const destroyed = server.destroy();
    server.httpServer.closeAllConnections();
    // A document still loading when the server closes must not hold the close forever.
    await Promise.race([destroyed, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    for (const [name, document] of server.hocuspocus.documents) {
      try {
        // Merged with what is stored, so a late store can only add.
        const stored = store.fetchDocument(name);
        const state = Y.encodeStateAsUpdate(document);
        store.storeDocument(name, stored ? Y.mergeUpdates([stored, state]) : state);
      } catch (error) {
        log(`Could not store ${name} while closing: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    store.close();
  };

  return {
    port,
    url: `ws://${shownHost}:${port}`,
    httpUrl: `http://${shownHost}:${port}`,
    close: () => (closing ??= close()),
  };
}
