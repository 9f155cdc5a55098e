// package.json promises Node >= 20.19: `lectern read` must read the same file the same way on
// the machine's own `node` (Node 20 on Debian 13) and on the Node that runs the tests (22).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const lectern = fileURLToPath(new URL('../../bin/lectern.mjs', import.meta.url));

/** The node on PATH and the one running this test, each once. */
function nodes(): string[] {
  let onPath = '';
  try {
    onPath = execFileSync('node', ['-p', 'process.execPath'], { encoding: 'utf8' }).trim();
  } catch {
    // No node on PATH: the running one is all there is.
  }
  return [...new Set([process.execPath, onPath].filter(Boolean))];
}

describe('lectern on every supported Node', () => {
  it('reads a windows-1252 file with its curly quotes, dashes and euro sign', { timeout: 120_000 }, () => {
    const path = join(mkdtempSync(join(tmpdir(), 'lectern-node-')), 'western.txt');
    const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
    writeFileSync(path, latin1('The caf\xe9 \x93quoted\x94 r\xe9sum\xe9 \x96 na\xefve, \x80 prices, d\xe9j\xe0 vu.\n'));
    for (const node of nodes()) {
      const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
      const out = execFileSync(node, [lectern, 'read', path, '--json'], { encoding: 'utf8' });
      const blocks = (JSON.parse(out) as { blocks: { text: string }[] }).blocks;
      expect({ version, text: blocks[0]?.text }).toEqual({ version, text: 'The café “quoted” résumé – naïve, € prices, déjà vu.' });
    }
  });
});
