import { describe, expect, it } from 'vitest';
import { requestPersistentStorage } from './persistent-storage';

describe('requestPersistentStorage', () => {
  it('reports granted, denied and unavailable', async () => {
    let asked = 0;
    const nav = (granted: boolean, already = false) => ({
      storage: { persisted: () => Promise.resolve(already), persist: () => ((asked += 1), Promise.resolve(granted)) },
    });
    expect(await requestPersistentStorage(nav(true))).toBe('granted');
    expect(await requestPersistentStorage(nav(false))).toBe('denied');
    expect(asked).toBe(2);
    expect(await requestPersistentStorage(nav(false, true))).toBe('granted');
    expect(asked).toBe(2);
    expect(await requestPersistentStorage({})).toBe('unavailable');
    expect(await requestPersistentStorage(undefined)).toBe('unavailable');
    expect(await requestPersistentStorage({ storage: { persist: () => Promise.reject(new Error('x')) } })).toBe('denied');
  });
});
