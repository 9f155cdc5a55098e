import { beforeEach, describe, expect, it, vi } from 'vitest';
import model from './model/refs-model.json';

// The renderer's build makes the model a file fetched on first use; here the fetch is a promise
// that the test settles, so what happens before and after the model arrives can be seen.
const fetches = vi.hoisted(() => ({ count: 0, settle: [] as { resolve: (value: unknown) => void; reject: (error: Error) => void }[] }));
vi.mock('./shipped-model', () => ({
  loadShippedModel: () => {
    fetches.count += 1;
    return new Promise((resolve, reject) => fetches.settle.push({ resolve, reject }));
  },
}));

const REFERENCE = 'Ezerova, D. (2018). Reading the nation in Russian film. Slavic Review, 77(2), 310–331.';

beforeEach(() => {
  vi.resetModules();
  fetches.count = 0;
  fetches.settle = [];
});

describe('the shipped parser with a model fetched on first use', () => {
  it('asks for the model once, when the first reference is parsed, and parses once it has arrived', async () => {
    const { parseReference, withReferenceModel, ReferenceModelLoading } = await import('./default-parser');
    expect(fetches.count).toBe(0);
    expect(() => parseReference(REFERENCE)).toThrow(ReferenceModelLoading);
    expect(() => parseReference(REFERENCE)).toThrow(ReferenceModelLoading);
    expect(fetches.count).toBe(1);

    let runs = 0;
    const parsed = withReferenceModel(() => {
      runs += 1;
      return parseReference(REFERENCE);
    });
    fetches.settle[0]!.resolve(model);
    const item = await parsed;
    expect(runs).toBe(2);
    expect(item.author?.[0]?.family).toBe('Ezerova');
    expect(item.issued?.['date-parts']?.[0]?.[0]).toBe(2018);
    // Once there, the model is kept: no second fetch, no retry.
    expect(parseReference(REFERENCE)).toEqual(item);
    expect(fetches.count).toBe(1);
  });

  it('passes a failed fetch on, and asks again on the next parse', async () => {
    const { withReferenceModel, parseReference } = await import('./default-parser');
    const first = withReferenceModel(() => parseReference(REFERENCE));
    fetches.settle[0]!.reject(new Error('offline'));
    await expect(first).rejects.toThrow('offline');
    const second = withReferenceModel(() => parseReference(REFERENCE));
    expect(fetches.count).toBe(2);
    fetches.settle[1]!.resolve(model);
    expect((await second).title).toMatch(/Reading the nation/);
  });

  it('runs work that parses nothing at once, without fetching the model', async () => {
    const { withReferenceModel } = await import('./default-parser');
    expect(await withReferenceModel(() => 42)).toBe(42);
    expect(fetches.count).toBe(0);
  });
});
