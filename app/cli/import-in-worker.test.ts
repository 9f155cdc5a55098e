import { describe, expect, it } from 'vitest';
import { importInWorker } from './import-in-worker';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('imports on the command line run in a worker thread with a memory limit', () => {
  it('returns the parsed document, warnings included', async () => {
    const result = await importInWorker('deep.md', utf8('- '.repeat(200) + 'deepest item'));
    if (!result.ok) throw new Error(result.error);
    expect(result.value.text).toBe('deepest item');
    expect(result.value.warning).toMatch(/^“deep\.md” nests lists or quotes more than 64 levels deep/);
  });

  it('turns running out of memory into a message naming the file', { timeout: 120_000 }, async () => {
    // 28 MB of text in 4 million paragraphs (a block object each) cannot be read in 128 MB of heap,
    // however fast the machine or lean the import.
    const result = await importInWorker('huge.txt', utf8('word a\n\n'.repeat(4_000_000)), 128);
    expect(result).toEqual({
      ok: false,
      error: '“huge.txt” needs more memory than Lectern gives one import (128 MB), so it was not read. If the file is genuine, split it into smaller files and import those.',
    });
  });
});
