import { describe, expect, it } from 'vitest';
import { endpointPair, openChannel, type Method } from './channel';

type WorkerSide = {
  double: Method<{ n: number }, number>;
  count: Method<{ to: number }, { reached: number; cancelled: boolean }, number>;
  fail: Method<Record<string, never>, never>;
  askBack: Method<{ text: string }, string>;
};
type UiSide = { shout: Method<string, string> };

function connect() {
  const [ui, worker] = endpointPair();
  openChannel<UiSide, WorkerSide>(worker, {
    double: ({ n }) => n * 2,
    async count({ to }, { progress, signal }) {
      let reached = 0;
      while (reached < to && !signal.aborted) {
        progress(++reached);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      return { reached, cancelled: signal.aborted };
    },
    fail() {
      throw new Error('The file could not be read.');
    },
    async askBack({ text }, { remote }) {
      const shouted = await remote.call('shout', text);
      return shouted.ok ? `${shouted.value}!` : `failed: ${shouted.error}`;
    },
  });
  const channel = openChannel<WorkerSide, UiSide>(ui, { shout: (text) => text.toUpperCase() });
  return { ui, worker, channel };
}

describe('worker channel', () => {
  it('answers each call by its id, also when calls overlap', async () => {
    const { channel } = connect();
    const answers = await Promise.all([1, 2, 3].map((n) => channel.call('double', { n })));
    expect(answers).toEqual([2, 4, 6].map((value) => ({ ok: true, value })));
  });

  it('reports progress before the answer, and the other side can call back', async () => {
    const { channel } = connect();
    const seen: number[] = [];
    expect(await channel.call('count', { to: 3 }, { onProgress: (n) => seen.push(n) })).toEqual({ ok: true, value: { reached: 3, cancelled: false } });
    expect(seen).toEqual([1, 2, 3]);
    expect(await channel.call('askBack', { text: 'sanitize me' })).toEqual({ ok: true, value: 'SANITIZE ME!' });
  });

  it('turns a thrown error into a value with its message', async () => {
    const { channel } = connect();
    expect(await channel.call('fail', {})).toEqual({ ok: false, error: 'The file could not be read.' });
    expect(await channel.call('missing' as 'fail', {})).toEqual({ ok: false, error: 'Unknown request “missing”.' });
  });

  it('cancels: the handler sees the abort and decides the answer', async () => {
    const { channel } = connect();
    const controller = new AbortController();
    const seen: number[] = [];
    const answer = channel.call('count', { to: 1_000 }, {
      signal: controller.signal,
      onProgress: (n) => {
        seen.push(n);
        if (n === 2) controller.abort();
      },
    });
    const result = await answer;
    expect(result.ok && result.value.cancelled).toBe(true);
    expect(result.ok && result.value.reached).toBeLessThan(1_000);
    expect(seen.length).toBeGreaterThanOrEqual(2);
  });

  it('resolves waiting calls with an error when closed, and ignores messages that are not its own', async () => {
    const { ui, worker, channel } = connect();
    worker.postMessage({ type: 'from-a-library' });
    const pending = channel.call('count', { to: 1_000 });
    channel.close('The worker was stopped.');
    expect(await pending).toEqual({ ok: false, error: 'The worker was stopped.' });
    expect(await channel.call('double', { n: 1 })).toEqual({ ok: false, error: 'The worker was stopped.' });
    ui.terminate();
  });
});
