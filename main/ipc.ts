/**
 * Registers the IPC handlers of the contract in main. Every call is checked twice before it
 * reaches a handler: the sender must be the main frame of Lectern's window showing one of the
 * app's own pages, and the arguments must match the contract's zod schema.
 */
import { LECTERN_METHODS, channelFor, type LecternMethod } from '../app/ipc/channels';
import { lecternArgSchemas } from '../app/ipc/contract';
import { isTrustedUrl } from './app-url';
import { createHandlers, type HandlerDeps } from './handlers';

/** The frame an IPC message came from; WebFrameMain satisfies it. */
export interface SenderFrame {
  readonly url: string;
  readonly processId?: number;
  readonly frameToken?: string;
}

/** The part of IpcMainInvokeEvent the checks read. */
export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
}

/** The part of ipcMain registration uses; ipcMain itself satisfies it. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** What registerIpcHandlers needs beyond the handlers' own dependencies. */
export interface IpcDeps extends HandlerDeps {
  /** The main frame of Lectern's window, or null while there is no window. */
  mainFrame: () => SenderFrame | null;
  /** URL prefixes of the app's own pages (trustedUrlPrefixes). */
  trustedPrefixes: readonly string[];
}

/** getAppInfo's result is not a Result, so a refused call to it rejects instead. */
const THROWING_METHODS: ReadonlySet<LecternMethod> = new Set(['getAppInfo']);

const FOREIGN_SENDER = 'This request did not come from Lectern’s own window, so it was refused.';

function sameFrame(a: SenderFrame, b: SenderFrame): boolean {
  if (a === b) return true;
  return a.processId !== undefined && a.frameToken !== undefined &&
    a.processId === b.processId && a.frameToken === b.frameToken;
}

/** Why the sender may not call main, or null when it may. */
export function senderProblem(event: InvokeEvent, deps: Pick<IpcDeps, 'mainFrame' | 'trustedPrefixes'>): string | null {
  try {
    const frame = event.senderFrame;
    const main = deps.mainFrame();
    if (!frame || !main || !sameFrame(frame, main)) return FOREIGN_SENDER;
    return isTrustedUrl(frame.url, deps.trustedPrefixes) ? null : FOREIGN_SENDER;
  } catch {
    // Reading a frame that was disposed mid-call throws; such a caller is gone anyway.
    return FOREIGN_SENDER;
  }
}

function refuse(method: LecternMethod, error: string): { ok: false; error: string } {
  if (THROWING_METHODS.has(method)) throw new Error(error);
  return { ok: false, error };
}

/**
 * Registers one handler per contract method on `ipcMain` and returns a function that removes
 * them again. Unexpected failures become `{ ok: false, error }` with a plain message.
 */
export function registerIpcHandlers(ipcMain: IpcMainLike, deps: IpcDeps): () => void {
  const handlers = createHandlers(deps);
  for (const method of LECTERN_METHODS) {
    ipcMain.handle(channelFor(method), async (event, ...args) => {
      const problem = senderProblem(event, deps);
      if (problem) return refuse(method, problem);
      const parsed = lecternArgSchemas[method].safeParse(args);
      if (!parsed.success) {
        const detail = parsed.error.issues[0]?.message ?? 'unexpected arguments';
        return refuse(method, `Lectern refused a malformed ${method} request: ${detail}`);
      }
      const handler = handlers[method] as (...callArgs: unknown[]) => Promise<unknown>;
      try {
        return await handler(...parsed.data);
      } catch {
        return refuse(method, `Lectern could not complete ${method}; please try again.`);
      }
    });
  }
  return () => {
    for (const method of LECTERN_METHODS) ipcMain.removeHandler(channelFor(method));
  };
}
