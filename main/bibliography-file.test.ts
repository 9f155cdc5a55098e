import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lecternResultSchemas } from '../app/ipc/contract';
import { APP_URL_PREFIX, trustedUrlPrefixes } from './app-url';
import { syncFilters } from './bibliography-file';
import { nodeFileSystem } from './file-system';
import { createHandlers, type HandlerDeps } from './handlers';
import { registerIpcHandlers, type InvokeEvent } from './ipc';

let dir: string;
let settingsFile: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lectern-bib-'));
  settingsFile = path.join(dir, 'userData', 'bibliography-file.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Handlers as main builds them, with the save dialog answering `chosen` (undefined: cancel). */
function handlers(chosen: string | undefined, extra: Partial<HandlerDeps> = {}) {
  const showSaveDialog = vi.fn(() => Promise.resolve(chosen ? { canceled: false, filePath: chosen } : { canceled: true }));
  const deps: HandlerDeps = {
    dialogs: { showOpenDialog: vi.fn(() => Promise.resolve({ canceled: true, filePaths: [] })), showSaveDialog },
    files: nodeFileSystem,
    openExternal: () => Promise.resolve(),
    appInfo: () => ({ name: 'Lectern', version: '1.0.0', platform: 'linux' }),
    defaultSaveDir: () => path.join(dir, 'Documents'),
    bibliographySettingsFile: settingsFile,
    ...extra,
  };
  return { showSaveDialog, api: createHandlers(deps) };
}

describe('chooseBibliographyFile', () => {
  it('asks with the save dialog and remembers the choice across a restart', async () => {
    const target = path.join(dir, 'paper', 'refs.bib');
    const { api, showSaveDialog } = handlers(target);
    const chosen = lecternResultSchemas.chooseBibliographyFile.parse(await api.chooseBibliographyFile('biblatex'));
    expect(chosen).toEqual({ ok: true, value: { path: target } });
    expect(showSaveDialog).toHaveBeenCalledWith({ title: 'Keep a bibliography file in sync', defaultPath: path.join(dir, 'Documents', 'library.bib'), filters: syncFilters('biblatex') });

    const restarted = handlers(undefined).api;
    expect(await restarted.getBibliographyFile()).toEqual({ ok: true, value: { path: target, format: 'biblatex' } });
  });

  it('keeps the earlier choice when the dialog is cancelled, and starts the dialog there', async () => {
    const target = path.join(dir, 'refs.bib');
    await handlers(target).api.chooseBibliographyFile('bibtex');
    const { api, showSaveDialog } = handlers(undefined);
    expect(await api.chooseBibliographyFile('biblatex')).toEqual({ ok: true, value: null });
    expect(showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: target }));
    expect(await api.getBibliographyFile()).toEqual({ ok: true, value: { path: target, format: 'bibtex' } });
  });

  it('offers a .json file for CSL-JSON', async () => {
    const { api, showSaveDialog } = handlers(undefined);
    await api.chooseBibliographyFile('csl-json');
    expect(showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: path.join(dir, 'Documents', 'library.json'), filters: syncFilters('csl-json') }));
    expect(syncFilters('csl-json')[0]?.extensions).toEqual(['json']);
  });

  it('trusts no settings file that fails the schema: relative path, unknown format, broken JSON', async () => {
    await mkdir(path.dirname(settingsFile), { recursive: true });
    for (const bad of ['{"version":1,"path":"refs.bib","format":"bibtex"}', `{"version":1,"path":${JSON.stringify(path.join(dir, 'a.ris'))},"format":"ris"}`, '{"version":1,', '[]']) {
      await writeFile(settingsFile, bad);
      expect(await handlers(undefined).api.getBibliographyFile()).toEqual({ ok: true, value: null });
    }
  });

  it('forgets the choice and leaves the file alone', async () => {
    const target = path.join(dir, 'refs.bib');
    const { api } = handlers(target);
    await api.chooseBibliographyFile('bibtex');
    await api.writeBibliographyFile('@book{a, title = {A}}\n');
    expect(await api.forgetBibliographyFile()).toEqual({ ok: true, value: undefined });
    expect(await handlers(undefined).api.getBibliographyFile()).toEqual({ ok: true, value: null });
    expect(await readFile(target, 'utf8')).toBe('@book{a, title = {A}}\n');
    expect((await api.writeBibliographyFile('x')).ok).toBe(false);
  });
});

describe('writeBibliographyFile', () => {
  it('writes the chosen file as UTF-8 through a temporary file, leaving nothing else behind', async () => {
    const folder = path.join(dir, 'paper');
    await mkdir(folder);
    const target = path.join(folder, 'refs.bib');
    await writeFile(target, 'old');
    const { api } = handlers(target);
    await api.chooseBibliographyFile('biblatex');
    const text = '@article{kuvshinova2017tesnota,\n  author = {Кувшинова, Мария},\n}\n';
    expect(lecternResultSchemas.writeBibliographyFile.parse(await api.writeBibliographyFile(text))).toEqual({ ok: true, value: undefined });
    expect(await readFile(target, 'utf8')).toBe(text);
    expect(await readdir(folder)).toEqual(['refs.bib']);
  });

  it('does not touch a file that already holds the same bytes', async () => {
    const target = path.join(dir, 'refs.bib');
    const rename = vi.fn((from: string, to: string) => import('node:fs/promises').then((fs) => fs.rename(from, to)));
    const ops = { readFile, writeFile: (file: string, data: string) => writeFile(file, data), rename, unlink: (file: string) => rm(file), mkdir: async (folder: string) => void (await mkdir(folder, { recursive: true })) };
    const { api } = handlers(target, { bibliographyOps: ops });
    await api.chooseBibliographyFile('bibtex');
    expect(await api.writeBibliographyFile('@book{a}\n')).toEqual({ ok: true, value: undefined });
    const calls = rename.mock.calls.length;
    const before = (await stat(target)).mtimeMs;
    expect(await api.writeBibliographyFile('@book{a}\n')).toEqual({ ok: true, value: undefined });
    expect(rename.mock.calls.length).toBe(calls);
    expect((await stat(target)).mtimeMs).toBe(before);
  });

  it('says so when nothing is chosen', async () => {
    const result = await handlers(undefined).api.writeBibliographyFile('x');
    expect(result).toEqual({ ok: false, error: 'No bibliography file is chosen: choose one in “Bibliography file…” first.' });
  });

  it('says the folder is gone when it was deleted, and writes nothing', async () => {
    const folder = path.join(dir, 'paper');
    await mkdir(folder);
    const { api } = handlers(path.join(folder, 'refs.bib'));
    await api.chooseBibliographyFile('bibtex');
    await rm(folder, { recursive: true });
    const result = await api.writeBibliographyFile('@book{a}\n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/“refs\.bib”: its folder is gone.*Choose the file again/);
    await expect(stat(folder)).rejects.toThrow();
  });

  it('says the place is read-only, and removes its temporary file', async () => {
    const target = path.join(dir, 'refs.bib');
    const readOnly = Object.assign(new Error('read-only file system'), { code: 'EROFS' });
    const ops = { readFile, writeFile: (file: string, data: string) => writeFile(file, data), rename: () => Promise.reject(readOnly), unlink: (file: string) => rm(file), mkdir: async (folder: string) => void (await mkdir(folder, { recursive: true })) };
    const { api } = handlers(target, { bibliographyOps: ops, bibliographySettingsFile: undefined });
    await api.chooseBibliographyFile('bibtex');
    const result = await api.writeBibliographyFile('@book{a}\n');
    expect(result).toEqual({ ok: false, error: 'Lectern could not write “refs.bib”: the location is read-only; choose another folder.' });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('the bibliography methods over IPC', () => {
  function ipcSetup() {
    const registered = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();
    const frame = { url: `${APP_URL_PREFIX}index.html`, processId: 1, frameToken: 'main' };
    registerIpcHandlers(
      { handle: (channel, listener) => void registered.set(channel, listener), removeHandler: (channel) => void registered.delete(channel) },
      {
        mainFrame: () => frame,
        trustedPrefixes: trustedUrlPrefixes(undefined),
        dialogs: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(() => Promise.resolve({ canceled: false, filePath: path.join(dir, 'refs.bib') })) },
        files: nodeFileSystem,
        openExternal: vi.fn(),
        appInfo: () => ({ name: 'Lectern', version: '1', platform: 'linux' }),
        bibliographySettingsFile: settingsFile,
      },
    );
    return (method: string, ...args: unknown[]) => Promise.resolve(registered.get(`lectern:${method}`)!({ senderFrame: frame }, ...args));
  }

  it('refuses a format no writing tool reads, and data that is not text, before any dialog or write', async () => {
    const call = ipcSetup();
    const ris = (await call('chooseBibliographyFile', 'ris')) as { ok: boolean; error?: string };
    expect(ris.ok).toBe(false);
    expect(ris.error).toContain('malformed chooseBibliographyFile');
    expect(await call('chooseBibliographyFile', '../../etc/passwd')).toMatchObject({ ok: false });
    const bytes = (await call('writeBibliographyFile', new Uint8Array([1]))) as { ok: boolean; error?: string };
    expect(bytes.ok).toBe(false);
    expect(bytes.error).toContain('malformed writeBibliographyFile');
    // No path is accepted from the renderer: a second argument is refused too.
    expect(await call('writeBibliographyFile', 'x', '/tmp/elsewhere.bib')).toMatchObject({ ok: false });
  });

  it('chooses and writes through the contract', async () => {
    const call = ipcSetup();
    expect(await call('chooseBibliographyFile', 'csl-json')).toEqual({ ok: true, value: { path: path.join(dir, 'refs.bib') } });
    expect(await call('writeBibliographyFile', '[]\n')).toEqual({ ok: true, value: undefined });
    expect(await readFile(path.join(dir, 'refs.bib'), 'utf8')).toBe('[]\n');
  });
});
