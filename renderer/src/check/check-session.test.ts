import { afterEach, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../app/check/report';
import { endpointPair, openChannel, type WorkerLike } from '../workers/channel';
import type { CheckRequest, CheckWorkerProtocol } from './check-protocol';
import { createCheckSession, type CheckSession, type CheckState } from './check-session';

function report(style: string, fileName: string): CheckReport {
  return {
    draft: { fileName, characters: 10 },
    style,
    sources: 1,
    quotes: [],
    references: { hasList: false, citedNotListed: [], listedNotCited: [] },
    summary: { quotes: 0, verbatim: 0, differs: 0, notFound: 0, citationProblems: 0, citedNotListed: 0, listedNotCited: 0 },
  };
}

/** A worker served in place: each check waits until the test releases it, and says what it was asked. */
function inPlaceWorkers() {
  const requests: CheckRequest[] = [];
  const waiting: ((fail?: string) => void)[] = [];
  const workers: WorkerLike[] = [];
  let terminated = 0;
  const start = () => {
    const [ui, worker] = endpointPair();
    openChannel<Record<never, never>, CheckWorkerProtocol>(worker, {
      check: (request, { progress }) => {
        requests.push(request);
        progress({ phase: 'sources', done: 1, total: 2 });
        return new Promise<CheckReport>((resolve, reject) => {
          waiting.push((fail) => (fail ? reject(new Error(fail)) : resolve(report(request.style, request.draft.kind === 'file' ? request.draft.fileName : 'Pasted text'))));
        });
      },
    });
    const terminate = ui.terminate.bind(ui);
    ui.terminate = () => {
      terminated += 1;
      terminate();
    };
    workers.push(ui);
    return ui;
  };
  return { start, requests, release: (fail?: string) => waiting.shift()!(fail), started: () => workers.length, terminated: () => terminated };
}

const until = async (session: CheckSession, test: (state: CheckState) => boolean) => {
  for (let i = 0; i < 100 && !test(session.get()); i++) await new Promise((resolve) => setTimeout(resolve, 1));
  expect(test(session.get())).toBe(true);
};

const draft = { kind: 'file' as const, fileName: 'essay.md', bytes: new TextEncoder().encode('“words” (A 2000)') };
let session: CheckSession;
afterEach(() => session.dispose());

describe('the check session', () => {
  it('runs a check with progress and keeps the report', async () => {
    const workers = inPlaceWorkers();
    session = createCheckSession(workers.start, 'mla');
    session.check(draft);
    expect(session.get()).toMatchObject({ status: 'running', draftName: 'essay.md', style: 'mla', report: null });
    await until(session, (state) => state.progress?.phase === 'sources');
    workers.release();
    await until(session, (state) => state.status === 'done');
    expect(session.get().report?.style).toBe('mla');
    expect(workers.requests[0]).toMatchObject({ style: 'mla', again: false });
  });

  it('restyles with the worker’s last texts, keeping the old report on show meanwhile', async () => {
    const workers = inPlaceWorkers();
    session = createCheckSession(workers.start);
    session.check({ kind: 'text', text: '“some quoted words” (A 2000)' });
    await until(session, () => workers.requests.length === 1);
    workers.release();
    await until(session, (state) => state.status === 'done');
    session.restyle('chicago');
    expect(session.get()).toMatchObject({ status: 'running', style: 'chicago' });
    expect(session.get().report?.style).toBe('apa');
    await until(session, () => workers.requests.length === 2);
    expect(workers.requests[1]).toMatchObject({ style: 'chicago', again: true, draft: { kind: 'text' } });
    workers.release();
    await until(session, (state) => state.status === 'done' && state.report?.style === 'chicago');
    expect(workers.started()).toBe(1);
  });

  it('checks the draft again against the library as it is now, the last report on show meanwhile', async () => {
    const workers = inPlaceWorkers();
    session = createCheckSession(workers.start);
    session.check(draft, 'mla');
    await until(session, () => workers.requests.length === 1);
    workers.release();
    await until(session, (state) => state.status === 'done');
    const shown = session.get().report;
    session.recheck();
    expect(session.get()).toMatchObject({ status: 'running', report: shown });
    await until(session, () => workers.requests.length === 2);
    expect(workers.requests[1]).toMatchObject({ style: 'mla', again: false, draft: { kind: 'file', fileName: 'essay.md' } });
    workers.release();
    await until(session, (state) => state.status === 'done' && state.report !== shown);
  });

  it('stops a running check by ending its worker; the next check starts a new one', async () => {
    const workers = inPlaceWorkers();
    session = createCheckSession(workers.start);
    session.check(draft);
    await until(session, () => workers.requests.length === 1);
    session.cancel();
    expect(session.get()).toMatchObject({ status: 'idle', progress: null, report: null });
    expect(workers.terminated()).toBe(1);
    session.check(draft);
    await until(session, () => workers.requests.length === 2);
    workers.release(); // the stopped check's answer, which goes nowhere
    workers.release();
    await until(session, (state) => state.status === 'done');
    expect(workers.started()).toBe(2);
  });

  it('stopping a new style leaves the report in its own style', async () => {
    const workers = inPlaceWorkers();
    session = createCheckSession(workers.start);
    session.check(draft);
    await until(session, () => workers.requests.length === 1);
    workers.release();
    await until(session, (state) => state.status === 'done');
    session.restyle('mla');
    session.cancel();
    expect(session.get()).toMatchObject({ status: 'done', style: 'apa' });
    expect(session.get().report?.style).toBe('apa');
  });

  it('shows a failure as the worker words it, and clears back to the empty state', async () => {
    const workers = inPlaceWorkers();
    session = createCheckSession(workers.start);
    session.check(draft);
    await until(session, () => workers.requests.length === 1);
    workers.release('“essay.md” is empty: there is nothing to check.');
    await until(session, (state) => state.status === 'failed');
    expect(session.get().error).toBe('“essay.md” is empty: there is nothing to check.');
    session.clear();
    expect(session.get()).toMatchObject({ status: 'idle', draft: null, error: null, report: null });
  });
});
