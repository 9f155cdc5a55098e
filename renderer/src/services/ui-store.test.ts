import { describe, expect, it } from 'vitest';
import { createUiStore, VIEW_KEY, type UiStorage } from './ui-store';

function memoryStorage(initial: Record<string, string> = {}): UiStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) };
}

describe('UI store', () => {
  it('starts on the view remembered, or on the library', () => {
    expect(createUiStore(memoryStorage({ [VIEW_KEY]: 'reading' })).get().view).toBe('reading');
    expect(createUiStore(memoryStorage({ [VIEW_KEY]: 'index' })).get().view).toBe('index');
    expect(createUiStore(memoryStorage({ [VIEW_KEY]: 'elsewhere' })).get().view).toBe('library');
    expect(createUiStore(null).get()).toEqual({ view: 'library', exporting: null, indexFocus: null });
  });

  it('remembers a new view and tells its listeners once per change', () => {
    const storage = memoryStorage();
    const store = createUiStore(storage);
    let calls = 0;
    const stop = store.subscribe(() => (calls += 1));
    store.set({ view: 'reading', exporting: {} });
    expect(store.get()).toEqual({ view: 'reading', exporting: {}, indexFocus: null });
    expect(storage.data[VIEW_KEY]).toBe('reading');
    expect(calls).toBe(1);
    stop();
    store.set({ exporting: null });
    expect(calls).toBe(1);
  });

  it('keeps working when storage refuses', () => {
    const store = createUiStore({
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    });
    store.set({ view: 'index' });
    expect(store.get().view).toBe('index');
  });
});
