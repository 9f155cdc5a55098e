import { describe, expect, it } from 'vitest';
import { createDurableSaver, pendingDraft } from './durable-save';

class MemoryStorage {
  items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

describe('createDurableSaver', () => {
  it('keeps a draft until the store has the newest state, then clears it', async () => {
    const storage = new MemoryStorage() as unknown as Storage;
    const saved: string[] = [];
    let release: () => void = () => undefined;
    const saver = createDurableSaver('n1', (state) => {
      saved.push(state.text);
      return new Promise((resolve) => (release = resolve));
    }, storage);
    saver.change({ json: {}, text: 'a' });
    saver.change({ json: {}, text: 'ab' });
    saver.change({ json: {}, text: 'abc' });
    expect(pendingDraft('n1', 0, storage)?.text).toBe('abc');
    release();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await saver.flush();
    // The first write was in flight; of the rest only the newest is written.
    expect(saved).toEqual(['a', 'abc']);
    expect(pendingDraft('n1', 0, storage)).toBeNull();
  });

  it('leaves the draft when saving fails, for recovery on the next open', async () => {
    const storage = new MemoryStorage() as unknown as Storage;
    const saver = createDurableSaver('n2', () => Promise.reject(new Error('quota')), storage);
    saver.change({ json: { x: 1 }, text: 'kept' });
    await saver.flush();
    expect(pendingDraft('n2', 0, storage)).toEqual({ json: { x: 1 }, text: 'kept' });
    expect(pendingDraft('n2', Date.now() + 1000, storage)).toBeNull();
  });
});
