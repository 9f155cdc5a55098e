// Every file of the hostile corpus imports as it must: refused with a message naming it, or read
// with every word it holds and nothing that could run. Time and memory are measured in
// bench/hostile-files, not here; the timeout only keeps a busy machine from failing a test.
import { describe, expect, it } from 'vitest';
import { nodeImportContext } from '../html/sanitize-node';
import { importFile } from '../import';
import { HOSTILE_FILES } from './hostile-files';
import { nodeCorpusTools } from './qpdf';

const context = nodeImportContext();

describe('the hostile corpus', () => {
  it('holds at least 45 files, each with its own name', () => {
    expect(HOSTILE_FILES.length).toBeGreaterThanOrEqual(45);
    expect(new Set(HOSTILE_FILES.map((file) => file.name)).size).toBe(HOSTILE_FILES.length);
  });

  for (const file of HOSTILE_FILES) {
    it(`${file.kind} (${file.name})`, { timeout: 300_000 }, async () => {
      const result = await importFile(file.name, file.build(nodeCorpusTools), context);
      if ('refused' in file.expect) {
        if (result.ok) throw new Error(`expected ${file.name} to be refused, but it was imported`);
        expect(result.error).toMatch(file.expect.refused);
        return;
      }
      if (!result.ok) throw new Error(`expected ${file.name} to be imported: ${result.error}`);
      const { contains, absent = [], warning } = file.expect.imported;
      for (const words of contains) expect(result.value.text).toContain(words);
      for (const words of absent) expect(result.value.text).not.toContain(words);
      if (warning) expect(result.value.warning).toMatch(warning);
      else expect(result.value.warning).toBeUndefined();
    });
  }
});
