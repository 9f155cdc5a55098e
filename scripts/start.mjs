#!/usr/bin/env node
/**
 * `npm start`: builds Lectern with electron-vite and launches it in Electron. When the Electron
 * binary is not installed (offline installs skip its download), says so in one line and points
 * to the browser build instead. `npm start -- --skip-build` launches the last build as it is.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';

function say(line) {
  process.stderr.write(`${line}\n`);
}

const appRoot = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

const MISSING_ELECTRON_MESSAGE =
  'Lectern: the Electron binary is not installed (run "npm rebuild electron" or ' +
  '"node node_modules/electron/install.js" with internet access); meanwhile run "npm run web" ' +
  'to use Lectern in your browser.';

/**
 * The Electron executable, or null when it is absent. Mirrors electron's own index.js without
 * requiring it: that module starts a network download when the binary is missing.
 */
function electronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !relative) return null;
  const binary = override ? path.join(override, relative || 'electron') : path.join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

function build() {
  const cli = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: appRoot, stdio: 'inherit' });
  return result.status ?? 1;
}

function launch(binary, args) {
  const env = { ...process.env };
  // Set by some tools; it would make Electron run our app as a plain Node script.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [appRoot, ...args], { cwd: appRoot, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    say(`Lectern: could not start Electron (${error.message}).`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const binary = electronBinary();
if (!binary) {
  say(MISSING_ELECTRON_MESSAGE);
  process.exit(1);
}
const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
if (!skipBuild) {
  const status = build();
  if (status !== 0) {
    say('Lectern: the build failed (see above); fix it and run "npm start" again.');
    process.exit(status);
  }
}
launch(binary, args.filter((arg) => arg !== '--skip-build'));
