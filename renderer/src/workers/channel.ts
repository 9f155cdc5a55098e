/**
 * One typed channel between the UI thread and a Web Worker (or any two ends that post messages):
 * request/response with ids, progress events along the way, cancellation, and errors as values.
 * Each side declares the methods it serves in a Protocol map and may call the other side's; a
 * handler that throws answers { ok: false, error } with its message, never a stack trace.
 */
import type { Result } from '../../../app/documents/model';

/** One method: what it takes, what it answers, and what progress it reports on the way. */
export interface Method<Request, Response, Progress = never> {
  request: Request;
  response: Response;
  progress: Progress;
}

/** The methods one side serves, by name. */
export type Protocol = Record<string, Method<unknown, unknown, unknown>>;

/** What a channel posts through: a Worker, a worker's global scope or a MessagePort. */
export interface Endpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** A worker the UI starts; tests replace it with an in-memory one through a WorkerFactory. */
export interface WorkerLike extends Endpoint {
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
}

/** Starts a worker. The app's factories make real Workers; tests pass their own. */
export type WorkerFactory = () => WorkerLike;

/** What a handler gets besides its request. */
export interface CallContext<Progress, Remote extends Protocol> {
  /** Aborted when the caller cancels. */
  signal: AbortSignal;
  progress: (progress: Progress) => void;
  /** Calls the other side (the import worker asks the UI thread to sanitize a page). */
  remote: Caller<Remote>;
}

/** The methods of `Local`, as a side implements them. */
export type Handlers<Local extends Protocol, Remote extends Protocol = Protocol> = {
  [K in keyof Local]: (request: Local[K]['request'], context: CallContext<Local[K]['progress'], Remote>) => Promise<Local[K]['response']> | Local[K]['response'];
};

/** Options of one call. */
export interface CallOptions<Progress> {
  onProgress?: (progress: Progress) => void;
  /** Aborting sends a cancel; the handler decides what its answer then is. */
  signal?: AbortSignal;
  /** Objects moved rather than copied (ArrayBuffers). */
  transfer?: Transferable[];
}

/** Calls the methods of `Remote`; every call resolves a Result and never rejects. */
export interface Caller<Remote extends Protocol> {
  call<K extends keyof Remote & string>(method: K, request: Remote[K]['request'], options?: CallOptions<Remote[K]['progress']>): Promise<Result<Remote[K]['response']>>;
}

/** One end of a channel. */
export interface Channel<Remote extends Protocol> extends Caller<Remote> {
  /** Stops listening; calls still waiting resolve { ok: false }. */
  close(reason?: string): void;
}

/** Marks our messages: libraries loaded in a worker may post their own. */
const TAG = 'lectern-channel';

type Wire =
  | { tag: typeof TAG; kind: 'call'; id: number; method: string; request: unknown }
  | { tag: typeof TAG; kind: 'cancel'; id: number }
  | { tag: typeof TAG; kind: 'progress'; id: number; progress: unknown }
  | { tag: typeof TAG; kind: 'reply'; id: number; result: Result<unknown> };

function isWire(data: unknown): data is Wire {
  return typeof data === 'object' && data !== null && (data as { tag?: unknown }).tag === TAG;
}

/** A message a student can act on, from whatever a handler threw. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'string' ? error : 'Something went wrong.';
}

/**
 * Opens a channel over `endpoint`, serving `handlers` (the methods of `Local`) and calling the
 * other side's methods (`Remote`). Calls from the other side run at once, side by side: a handler
 * that needs order queues its own work.
 */
export function openChannel<Remote extends Protocol, Local extends Protocol = Record<never, never>>(
  endpoint: Endpoint,
  handlers: Handlers<Local, Remote> = {} as Handlers<Local, Remote>,
): Channel<Remote> {
  let nextId = 1;
  let closed: string | null = null;
  const waiting = new Map<number, { resolve: (result: Result<unknown>) => void; onProgress?: (progress: unknown) => void }>();
  const running = new Map<number, AbortController>();
  const post = (message: Wire, transfer?: Transferable[]) => endpoint.postMessage(message, transfer ?? []);

  const caller: Caller<Remote> = {
    call(method, request, options = {}) {
      if (closed !== null) return Promise.resolve({ ok: false, error: closed });
      const id = nextId++;
      return new Promise((resolve) => {
        const cancel = () => post({ tag: TAG, kind: 'cancel', id });
        const entry = {
          resolve: (result: Result<unknown>) => {
            options.signal?.removeEventListener('abort', cancel);
            resolve(result);
          },
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        };
        waiting.set(id, entry);
        post({ tag: TAG, kind: 'call', id, method, request }, options.transfer);
        options.signal?.addEventListener('abort', cancel, { once: true });
        if (options.signal?.aborted) cancel();
      });
    },
  };

  async function serve(id: number, method: string, request: unknown): Promise<void> {
    const handler = (handlers as Record<string, Handlers<Protocol>[string] | undefined>)[method];
    const controller = new AbortController();
    running.set(id, controller);
    let result: Result<unknown>;
    try {
      if (!handler) throw new Error(`Unknown request “${method}”.`);
      const context = { signal: controller.signal, progress: (progress: unknown) => post({ tag: TAG, kind: 'progress', id, progress }), remote: caller };
      result = { ok: true, value: await handler(request, context) };
    } catch (error) {
      result = { ok: false, error: errorMessage(error) };
    }
    running.delete(id);
    if (closed === null) post({ tag: TAG, kind: 'reply', id, result });
  }

  const listener = (event: MessageEvent) => {
    const message: unknown = event.data;
    if (!isWire(message)) return;
    if (message.kind === 'call') void serve(message.id, message.method, message.request);
    else if (message.kind === 'cancel') running.get(message.id)?.abort();
    else if (message.kind === 'progress') waiting.get(message.id)?.onProgress?.(message.progress);
    else {
      const entry = waiting.get(message.id);
      waiting.delete(message.id);
      entry?.resolve(message.result);
    }
  };
  endpoint.addEventListener('message', listener);

  return {
    ...caller,
    close(reason = 'The worker was stopped.') {
      if (closed !== null) return;
      closed = reason;
      endpoint.removeEventListener('message', listener);
      for (const controller of running.values()) controller.abort();
      for (const entry of waiting.values()) entry.resolve({ ok: false, error: reason });
      waiting.clear();
    },
  };
}

/**
 * Two connected in-memory ends, delivering asynchronously and by structured clone as postMessage
 * does: the worker factory of tests, which run a worker's handlers in place. Terminating either
 * end stops both, as terminating a worker does.
 */
export function endpointPair(): [WorkerLike, WorkerLike] {
  const state = { terminated: false };
  const listeners: [Set<(event: MessageEvent) => void>, Set<(event: MessageEvent) => void>] = [new Set(), new Set()];
  const end = (side: 0 | 1): WorkerLike => ({
    postMessage(message: unknown, transfer?: Transferable[]) {
      if (state.terminated) return;
      const data = structuredClone(message, transfer?.length ? { transfer } : undefined);
      setTimeout(() => {
        if (state.terminated) return;
        for (const listener of listeners[1 - side]!) listener({ data } as MessageEvent);
      }, 0);
    },
    addEventListener(type: string, listener: (event: never) => void) {
      if (type === 'message') listeners[side].add(listener as (event: MessageEvent) => void);
    },
    removeEventListener(_type: string, listener: (event: never) => void) {
      listeners[side].delete(listener as (event: MessageEvent) => void);
    },
    terminate() {
      state.terminated = true;
    },
  });
  return [end(0), end(1)];
}
