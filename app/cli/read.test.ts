import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../cli';
import { captureIo } from './capture-io';

const seedPath = (name: string) => fileURLToPath(new URL(`../../../shared/seeds/${name}`, import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));


async function run(...args: string[]) {
  const io = captureIo();
  const code = await main(['read', ...args], io);
  return { code, out: io.out, err: io.err };
}

describe('lectern read', () => {
  it('prints metadata and blocks as JSON', async () => {
    const { code, out, err } = await run(seedPath('004_0b201c9d2cc86d46.txt'), '--json');
    expect(code).toBe(0);
    expect(err).toBe('');
    const parsed = JSON.parse(out) as { metadata: Record<string, unknown>; blocks: { kind: string; text: string; level?: number }[] };
    expect(parsed.metadata.title).toBe('Kantemir Balagov: the twenty-something from the North Caucasus who wowed Cannes');
    expect(parsed.metadata.issued).toEqual({ 'date-parts': [[2017, 8, 9]] });
    expect(parsed.blocks[1]).toEqual({ kind: 'heading', text: parsed.metadata.title, level: 1 });
    expect(parsed.blocks.every((b) => typeof b.kind === 'string' && typeof b.text === 'string')).toBe(true);
    expect(out).toContain('\n  "metadata": {');
  });

  it('prints the six reflowed paragraphs of the hard-wrapped seed', async () => {
    const { out } = await run(seedPath('000_62b2ac4b49efefbf.txt'), '--json');
    const parsed = JSON.parse(out) as { blocks: { text: string }[] };
    expect(parsed.blocks).toHaveLength(6);
    expect(parsed.blocks[5]?.text.startsWith('Kantemir Balagov was born in 1991')).toBe(true);
  });

  it('prints a readable summary without --json', async () => {
    const { code, out } = await run(seedPath('001_94063d3630a703df.txt'));
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Title:   Kantemir Balagov: Closeness (Tesnota, 2017)');
    expect(lines[1]).toBe('Author:  Daria Ezerova');
    expect(out).toContain('\n## Works Cited\n');
    expect(out).toContain('\nBykov, Dmitrii. 2017. “Dve bedy: tesnota i nelubov’.” Sobesednik.ru. 30 May.\n');
  });

  it('flags a title taken from the file name', async () => {
    const { out } = await run(seedPath('000_62b2ac4b49efefbf.txt'));
    expect(out.split('\n').slice(0, 2)).toEqual(['Title:   000_62b2ac4b49efefbf (from the file name)', 'Author:  not stated']);
  });

  describe('fails with exactly one line on stderr and exit code 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-read-'));
    const empty = join(dir, 'empty.txt');
    const binary = join(dir, 'image.txt');
    const pdf = join(dir, 'paper.xlsx');
    writeFileSync(empty, '');
    writeFileSync(binary, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
    writeFileSync(pdf, 'PK');

    it.each([
      ['a missing file', [join(dir, 'missing.txt')], 'does not exist.'],
      ['a folder', [dir], 'is a folder, not a file.'],
      ['an unsupported file', [pdf], 'Lectern cannot open “paper.xlsx”'],
      ['an empty file', [empty], '“empty.txt” is empty.'],
      ['a binary file', [binary], '“image.txt” does not look like a text file (it contains binary data).'],
      ['no file', [], 'expected one file'],
      ['an unknown option', [empty, '--yaml'], 'unknown option "--yaml"'],
    ])('%s', async (_label, args, message) => {
      const { code, out, err } = await run(...args);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toContain(message);
      expect(err.startsWith('lectern read: ')).toBe(true);
      expect(err.endsWith('\n')).toBe(true);
      expect(err.trimEnd().split('\n')).toHaveLength(1);
    });
  });

  // npm ci builds the CLI (out/cli); from the sources is what runs when there is no build or a
  // source changed since. Both must print the same.
  for (const [how, env] of [['as built by npm ci, or from the sources when there is no build', {}], ['from the sources, no build step', { LECTERN_FROM_SOURCES: '1' }]] as const) {
    it(`runs with node bin/lectern.mjs ${how}`, async () => {
      const { stdout } = await promisify(execFile)(process.execPath, ['bin/lectern.mjs', 'read', seedPath('002_3e439b9731b77bf4.txt'), '--json'], {
        cwd: repoRoot,
        env: { ...process.env, ...env },
      });
      const parsed = JSON.parse(stdout) as { metadata: { title: string; author: unknown }; blocks: unknown[] };
      expect(parsed.metadata.title).toBe('Movie Review: Family from the Caucasus tries to maintain “Closeness” after a kidnapping');
      expect(parsed.metadata.author).toEqual([{ family: 'Moore', given: 'Roger' }]);
      expect(parsed.blocks.length).toBeGreaterThan(20);
    }, 30_000);
  }

  it('exits 1 with one stderr line and no stack trace when run for real on a missing file', async () => {
    const error = await promisify(execFile)(process.execPath, ['bin/lectern.mjs', 'read', 'no-such-file.txt'], { cwd: repoRoot }).catch(
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect('code' in error && error.code).toBe(1);
    expect((error as { stderr: string }).stderr).toBe('lectern read: “no-such-file.txt” does not exist.\n');
  }, 30_000);
});
