import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const script = path.join(root, 'scripts', 'start.mjs');
const temps: string[] = [];

const EXPECTED =
  'Lectern: the Electron binary is not installed (run "npm rebuild electron" or "node node_modules/electron/install.js" ' +
  'with internet access); meanwhile run "npm run web" to use Lectern in your browser.';

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-start-'));
  temps.push(dir);
  return dir;
}

function run(env: Record<string, string>, args: string[] = []) {
  const { ELECTRON_OVERRIDE_DIST_PATH: _ignored, ...base } = process.env;
  return spawnSync(process.execPath, [script, ...args], { cwd: root, env: { ...base, ...env }, encoding: 'utf8', timeout: 30_000 });
}

/** Where electron's path.txt says the executable lives inside a dist folder ("electron" on Linux). */
function executableName(): string {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  return existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
}

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('prints one clear line and exits 1 when the Electron binary is missing', () => {
    // An empty dist folder: the binary is missing whether or not this machine has one installed.
    const result = run({ ELECTRON_OVERRIDE_DIST_PATH: tempDir() });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${EXPECTED}\n`);
  });

  it('launches the installed binary on the app folder and passes its exit code on', () => {
    const dist = tempDir();
    const binary = path.join(dist, executableName());
    const record = path.join(dist, 'argv.json');
    mkdirSync(path.dirname(binary), { recursive: true });
    writeFileSync(
      binary,
      `#!${process.execPath}\nrequire('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify({ argv: process.argv.slice(2), runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null }));\nprocess.exit(7);\n`,
    );
    chmodSync(binary, 0o755);

    const result = run({ ELECTRON_OVERRIDE_DIST_PATH: dist, ELECTRON_RUN_AS_NODE: '1' }, ['--skip-build', '--inspect-app']);

    expect(result.status).toBe(7);
    expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual({ argv: [root, '--inspect-app'], runAsNode: null });
  });
});
