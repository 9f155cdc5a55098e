import { describe, expect, it } from 'vitest';
import { endpointPair, openChannel, type WorkerLike } from '../workers/channel';
import { requestPageMap, type PageMapProtocol } from './page-map-request';

/** A worker run in place: it records what it was asked and answers as `answer` says. */
function fakeWorker(asked: string[], answer: (docId: string) => true | Error) {
  const started: (WorkerLike & { terminated: boolean })[] = [];
  const factory = () => {
    const [ui, inside] = endpointPair();
    openChannel<Record<never, never>, PageMapProtocol>(inside, {
      'build-page-map'({ docId }) {
        asked.push(docId);
        const result = answer(docId);
        if (result instanceof Error) throw result;
        return result;
      },
    });
    const worker = {
      terminated: false,
      postMessage: ui.postMessage.bind(ui),
      addEventListener: ui.addEventListener.bind(ui),
      removeEventListener: ui.removeEventListener.bind(ui),
      terminate() {
        worker.terminated = true;
        ui.terminate();
      },
    };
    started.push(worker);
    return worker;
  };
  return { factory, started };
}

describe('requestPageMap', () => {
  it('asks the worker once per document and ends the worker when it answers', async () => {
    const asked: string[] = [];
    const { factory, started } = fakeWorker(asked, () => true);
    const [first, again] = await Promise.all([requestPageMap('doc-once', factory), requestPageMap('doc-once', factory)]);
    expect(first).toEqual({ ok: true, value: true });
    expect(again).toEqual(first);
    expect(asked).toEqual(['doc-once']);
    expect(started).toHaveLength(1);
    expect(started[0]?.terminated).toBe(true);
  });

  it('answers the worker’s failure as a message, not a throw', async () => {
    const asked: string[] = [];
    const { factory } = fakeWorker(asked, () => new Error('The document or its original file is gone.'));
    expect(await requestPageMap('doc-gone', factory)).toEqual({ ok: false, error: 'The document or its original file is gone.' });
  });
});
