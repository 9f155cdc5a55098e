/**
 * The quote check's state, kept outside the Check view so the last report stays while the
 * student reads elsewhere and comes back: the draft, the style, the running check's progress,
 * the report or the reason there is none. One worker at a time does the checking; stopping a
 * check ends it (a check deep in its work cannot be interrupted otherwise) and the next starts anew.
 */
import type { CheckReport } from '../../../app/check/report';
import { openChannel, type Channel, type WorkerFactory } from '../workers/channel';
import type { CheckProgress, CheckWorkerProtocol, DraftInput } from './check-protocol';

/** The Check view's state. */
export interface CheckState {
  status: 'idle' | 'running' | 'done' | 'failed';
  /** The draft checked (or being checked); null before the first check. */
  draft: DraftInput | null;
  /** The draft's name as the view shows it. */
  draftName: string | null;
  style: string;
  progress: CheckProgress | null;
  /** The last report; kept while a new style is being applied. */
  report: CheckReport | null;
  error: string | null;
}

/** A check session: its state, and what the view can ask of it. */
export interface CheckSession {
  get: () => CheckState;
  subscribe: (listener: () => void) => () => void;
  /** Checks a draft in `style`; a check already running is stopped. */
  check: (draft: DraftInput, style?: string) => void;
  /** Checks the last draft again against the library as it is now; the last report stays on show meanwhile. */
  recheck: () => void;
  /** Formats the last report's expected citations in another style (the draft is checked again). */
  restyle: (style: string) => void;
  /** Stops the running check; the last report, if any, stays. */
  cancel: () => void;
  /** Back to the empty state. */
  clear: () => void;
  /** Ends the worker (tests; the app keeps its session for as long as it runs). */
  dispose: () => void;
}

/** The app's check worker. */
export const startCheckWorker: WorkerFactory = () => new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module', name: 'lectern-check' });

/** The name a draft is shown under. */
export function draftName(draft: DraftInput): string {
  return draft.kind === 'file' ? draft.fileName : 'Pasted passage';
}

/** A session over workers made by `start`; `style` is the style of a first check. */
export function createCheckSession(start: WorkerFactory, style = 'apa'): CheckSession {
  let state: CheckState = { status: 'idle', draft: null, draftName: null, style, progress: null, report: null, error: null };
  const listeners = new Set<() => void>();
  let worker: { channel: Channel<CheckWorkerProtocol>; end: () => void } | null = null;
  let run = 0;

  const set = (patch: Partial<CheckState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };

  const channel = (): Channel<CheckWorkerProtocol> => {
    if (worker) return worker.channel;
    const started = start();
    const opened = openChannel<CheckWorkerProtocol>(started);
    started.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault?.();
      opened.close('The quote check stopped unexpectedly. Check the draft again.');
      if (worker?.channel === opened) worker = null;
    });
    worker = {
      channel: opened,
      end: () => {
        opened.close();
        started.terminate();
      },
    };
    return opened;
  };

  const stopWorker = () => {
    worker?.end();
    worker = null;
  };

  /** `again`: the worker may reuse the texts it read last; `keep`: the last report stays on show. */
  const launch = (draft: DraftInput, style: string, again: boolean, keep = again) => {
    const id = ++run;
    set({ status: 'running', draft, draftName: draftName(draft), style, progress: null, error: null, ...(keep ? {} : { report: null }) });
    void channel()
      .call('check', { draft, style, again }, { onProgress: (progress) => id === run && set({ progress }) })
      .then((reply) => {
        if (id !== run) return;
        if (reply.ok) set({ status: 'done', progress: null, report: reply.value, error: null });
        else set({ status: 'failed', progress: null, error: reply.error });
      });
  };

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    check(draft, style = state.style) {
      if (state.status === 'running') stopWorker();
      launch(draft, style, false);
    },
    recheck() {
      if (!state.draft) return;
      if (state.status === 'running') stopWorker();
      launch(state.draft, state.report?.style ?? state.style, false, true);
    },
    restyle(style) {
      if (!state.draft || state.status === 'running') {
        set({ style });
        return;
      }
      launch(state.draft, style, state.report !== null);
    },
    cancel() {
      if (state.status !== 'running') return;
      run += 1;
      stopWorker();
      // A new style stopped half-way leaves the report in the style it was made in.
      set({ status: state.report ? 'done' : 'idle', style: state.report?.style ?? state.style, progress: null, error: null });
    },
    clear() {
      run += 1;
      if (state.status === 'running') stopWorker();
      set({ status: 'idle', draft: null, draftName: null, progress: null, report: null, error: null });
    },
    dispose() {
      run += 1;
      stopWorker();
      listeners.clear();
    },
  };
}
