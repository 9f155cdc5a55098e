/** qpdf (Debian package `qpdf`) for the corpus's encrypted PDFs, in Node only: tests and the benchmark. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CorpusTools } from './hostile-file';

export const nodeCorpusTools: CorpusTools = {
  qpdf(bytes, args) {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-qpdf-'));
    try {
      writeFileSync(join(dir, 'in.pdf'), bytes);
      execFileSync('qpdf', [...args, join(dir, 'in.pdf'), join(dir, 'out.pdf')], { stdio: 'pipe' });
      return new Uint8Array(readFileSync(join(dir, 'out.pdf')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
