import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));

describe('npm run web', () => {
  it('builds the renderer, serves it on 127.0.0.1 and prints the URL', { timeout: 120_000 }, async () => {
    const outDir = mkdtempSync(`${tmpdir()}/lectern-web-`);
    const child = spawn(process.execPath, ['scripts/web.mjs'], { cwd: repo, env: { ...process.env, PORT: '0', LECTERN_WEB_OUT: outDir } });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
          if (match) resolve(match[1]!);
        });
        child.on('exit', (code) => reject(new Error(`web server exited with ${code}: ${output}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<div id="root">');
      expect(html).toContain('Content-Security-Policy');
      // An encoded traversal must not reach files outside the build.
      expect((await fetch(`${url}..%2f..%2f..%2fetc%2fpasswd`)).status).toBe(403);
    } finally {
      child.kill();
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
