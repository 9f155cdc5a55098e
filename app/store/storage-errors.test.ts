import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { asStorageResult, describeStorageError } from './storage-errors';

describe('describeStorageError', () => {
  it('tells the student what to do when storage is full', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(describeStorageError(quota)).toMatch(/storage is full.*Free some disk space/);
  });

  it('looks through Dexie wrappers for the browser error inside', () => {
    const inner = new DOMException('quota', 'QuotaExceededError');
    const aborted = new Dexie.AbortError('Transaction aborted', inner);
    expect(describeStorageError(aborted)).toMatch(/storage is full/);
    const open = new Dexie.OpenFailedError('open failed', new DOMException('newer', 'VersionError'));
    expect(describeStorageError(open)).toMatch(/newer version of Lectern/);
    expect(describeStorageError(new Error('outer', { cause: new DOMException('x', 'UnknownError') }))).toMatch(/disk refused/);
  });

  it('never shows a stack trace or raw message for anything else', () => {
    for (const error of [new Error('TypeError at foo.ts:12'), 'boom', undefined, { name: 42 }]) {
      const message = describeStorageError(error);
      expect(message).toMatch(/could not be updated/);
      expect(message).not.toMatch(/foo\.ts|boom/);
    }
  });

  it('survives an error chain that loops', () => {
    const a: { name: string; inner?: unknown } = { name: 'AbortError' };
    a.inner = a;
    expect(describeStorageError(a)).toMatch(/could not be updated/);
  });
});

describe('asStorageResult', () => {
  it('wraps success and failure as values', async () => {
    expect(await asStorageResult(() => Promise.resolve(3))).toEqual({ ok: true, value: 3 });
    const failed = await asStorageResult(() => Promise.reject(new DOMException('q', 'QuotaExceededError')));
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.error).toMatch(/storage is full/);
  });
});
