/**
 * The modules a running sync needs, loaded by the controller with a dynamic import only when
 * sync starts (Yjs, Hocuspocus, the engine), so the app's start and a machine with sync off
 * never load them.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { createBlobClient } from '../../../app/sync/blob-client';
import type { SyncSettings } from '../../../app/sync/contract';
import { createDocumentTransfer } from '../../../app/sync/documents/document-transfer';
import { createLibrarySync } from '../../../app/sync/library-sync';
import { createNoteBridge } from './notes/note-bridge';
import { refusalMessage, type SyncModules } from './sync-controller';

/** The real pieces of a running sync. */
export const syncModules: SyncModules = {
  createDoc: () => new Y.Doc(),
  createEngine: (options) => createLibrarySync(options),
  createNoteBridge: (options) => createNoteBridge(options),
  createDocumentTransfer: ({ db, settings, onAdded }) =>
    createDocumentTransfer({ db, blobs: createBlobClient({ serverUrl: settings.serverUrl, library: settings.library, token: settings.token }), onAdded }),
  createProvider: (config) => new HocuspocusProvider(config),
};

/** What a test of the connection found. */
export type ConnectionTest = { ok: true; message: string } | { ok: false; message: string };

/**
 * Knocks on the server with these settings, on a throwaway document that is never merged into the
 * library: accepted, refused (the server's sentence), or no answer within `timeoutMs`.
 */
export function testConnection(settings: SyncSettings, timeoutMs = 8000): Promise<ConnectionTest> {
  return new Promise((resolve) => {
    const doc = new Y.Doc();
    let provider: HocuspocusProvider | null = null;
    let done = false;
    const finish = (result: ConnectionTest) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      provider?.destroy();
      doc.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ ok: false, message: `No answer from ${settings.serverUrl}: is the server running, and is the address right?` }),
      timeoutMs,
    );
    provider = new HocuspocusProvider({
      url: settings.serverUrl,
      name: settings.library,
      token: settings.token,
      document: doc,
      onAuthenticated: () => finish({ ok: true, message: `The server answered and accepted the token for “${settings.library}”.` }),
      onAuthenticationFailed: ({ reason }) => finish({ ok: false, message: refusalMessage(reason) }),
    });
  });
}
