import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_IMPORT_BYTES, lecternResultSchemas } from '../app/ipc/contract';
import { nodeFileSystem } from './file-system';
import { BACKUP_DIALOG_FILTERS, BIBLIOGRAPHY_DIALOG_FILTERS, DRAFT_DIALOG_FILTERS, OPEN_DIALOG_FILTERS, createHandlers, safeFileName, type Dialogs, type HandlerDeps } from './handlers';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lectern-handlers-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function handlersWith(dialogs: Partial<Dialogs>, extra: Partial<HandlerDeps> = {}) {
  const openExternal = vi.fn((_url: string) => Promise.resolve(undefined));
  const deps: HandlerDeps = {
    dialogs: {
      showOpenDialog: vi.fn(() => Promise.resolve({ canceled: true, filePaths: [] })),
      showSaveDialog: vi.fn(() => Promise.resolve({ canceled: true })),
      ...dialogs,
    },
    files: nodeFileSystem,
    openExternal,
    appInfo: () => ({ name: 'Lectern', version: '1.2.3', platform: 'linux' }),
    ...extra,
  };
  return { openExternal, handlers: createHandlers(deps) };
}

describe('openFiles', () => {
  it('reads every chosen file with its name and exact bytes', async () => {
    const notes = path.join(dir, 'notes.md');
    const paper = path.join(dir, 'paper.pdf');
    await writeFile(notes, '# Notes\n');
    await writeFile(paper, Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]));
    const showOpenDialog = vi.fn(() => Promise.resolve({ canceled: false, filePaths: [notes, paper] }));
    const { handlers } = handlersWith({ showOpenDialog });

    const result = lecternResultSchemas.openFiles.parse(await handlers.openFiles());

    expect(result.ok && result.value.map((f) => f.name)).toEqual(['notes.md', 'paper.pdf']);
    if (!result.ok) throw new Error(result.error);
    expect(new TextDecoder().decode(result.value[0]?.bytes)).toBe('# Notes\n');
    expect([...(result.value[1]?.bytes ?? [])]).toEqual([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    expect(Object.getPrototypeOf(result.value[1]?.bytes)).toBe(Uint8Array.prototype);
    expect(showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ properties: ['openFile', 'multiSelections'], filters: OPEN_DIALOG_FILTERS }),
    );
  });

  it('asks for one backup with its own title and filters, and reads one larger than an import', async () => {
    const backup = path.join(dir, 'lectern-backup-2026-12-06.zip');
    await writeFile(backup, '');
    await truncate(backup, MAX_IMPORT_BYTES + 1); // sparse: a backup with every original file
    const read = vi.fn(() => Promise.resolve(new Uint8Array([0x50, 0x4b])));
    const showOpenDialog = vi.fn(() => Promise.resolve({ canceled: false, filePaths: [backup] }));
    const { handlers } = handlersWith({ showOpenDialog }, { files: { ...nodeFileSystem, read } });

    const result = lecternResultSchemas.openFiles.parse(await handlers.openFiles('backup'));

    expect(result.ok && result.value.map((f) => f.name)).toEqual(['lectern-backup-2026-12-06.zip']);
    expect(showOpenDialog).toHaveBeenCalledWith({ title: 'Restore a backup', properties: ['openFile'], filters: BACKUP_DIALOG_FILTERS });
    expect(BACKUP_DIALOG_FILTERS[0]?.extensions).toEqual(['zip', 'json']);
  });

  it('asks for one draft to check, with the draft formats', async () => {
    const first = path.join(dir, 'essay.md');
    const second = path.join(dir, 'notes.txt');
    await writeFile(first, 'A "quote" (Ezerova, 2018).');
    await writeFile(second, 'other');
    const showOpenDialog = vi.fn(() => Promise.resolve({ canceled: false, filePaths: [first, second] }));
    const { handlers } = handlersWith({ showOpenDialog });

    const result = lecternResultSchemas.openFiles.parse(await handlers.openFiles('draft'));

    expect(result.ok && result.value.map((f) => f.name)).toEqual(['essay.md']);
    expect(showOpenDialog).toHaveBeenCalledWith({ title: 'Check a draft', properties: ['openFile'], filters: DRAFT_DIALOG_FILTERS });
    expect(DRAFT_DIALOG_FILTERS[0]?.extensions).toEqual(['txt', 'md', 'markdown', 'docx']);
  });

  it('asks for one bibliography file, with the bibliography formats', async () => {
    const first = path.join(dir, 'My Library.bib');
    const second = path.join(dir, 'export.ris');
    await writeFile(first, '@book{a, title = {A}, year = 2001}');
    await writeFile(second, 'TY  - BOOK');
    const showOpenDialog = vi.fn(() => Promise.resolve({ canceled: false, filePaths: [first, second] }));
    const { handlers } = handlersWith({ showOpenDialog });

    const result = lecternResultSchemas.openFiles.parse(await handlers.openFiles('bibliography'));

    expect(result.ok && result.value.map((f) => f.name)).toEqual(['My Library.bib']);
    expect(showOpenDialog).toHaveBeenCalledWith({ title: 'Import a bibliography', properties: ['openFile'], filters: BIBLIOGRAPHY_DIALOG_FILTERS });
    expect(BIBLIOGRAPHY_DIALOG_FILTERS[0]?.extensions).toEqual(['bib', 'bibtex', 'biblatex', 'ris', 'json', 'txt']);
  });

  it('offers the document formats and all files in the dialog', () => {
    expect(OPEN_DIALOG_FILTERS[0]?.extensions).toEqual(['txt', 'md', 'markdown', 'pdf', 'html', 'htm', 'epub', 'docx']);
    expect(OPEN_DIALOG_FILTERS[1]).toEqual({ name: 'All files', extensions: ['*'] });
  });

  it('refuses an oversized file by name without reading anything', async () => {
    const small = path.join(dir, 'small.txt');
    const huge = path.join(dir, 'huge scan.pdf');
    await writeFile(small, 'fine');
    await writeFile(huge, '');
    await truncate(huge, MAX_IMPORT_BYTES + 1); // sparse: takes no disk space
    const read = vi.fn((file: string) => nodeFileSystem.read(file));
    const { handlers } = handlersWith(
      { showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: [small, huge] }) },
      { files: { ...nodeFileSystem, read } },
    );

    const result = await handlers.openFiles();

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/“huge scan\.pdf” is larger than 256 MB/);
    expect(!result.ok && result.error).not.toMatch(/small\.txt/);
    expect(read).not.toHaveBeenCalled();
  });

  it('refuses a selection that passes the limit together, without reading anything', async () => {
    const parts = ['part 1.pdf', 'part 2.pdf', 'part 3.pdf'].map((name) => path.join(dir, name));
    for (const part of parts) {
      await writeFile(part, '');
      await truncate(part, MAX_IMPORT_BYTES / 2); // sparse: takes no disk space
    }
    const read = vi.fn((file: string) => nodeFileSystem.read(file));
    const { handlers } = handlersWith({ showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: parts }) }, { files: { ...nodeFileSystem, read } });
    expect(await handlers.openFiles()).toEqual({
      ok: false,
      error: 'These 3 files come to 384 MB together, more than the 256 MB Lectern imports at a time; nothing was imported. Import them in smaller groups.',
    });
    expect(read).not.toHaveBeenCalled();
  });

  it('returns an empty list when the dialog is cancelled', async () => {
    const { handlers } = handlersWith({ showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }) });
    expect(await handlers.openFiles()).toEqual({ ok: true, value: [] });
  });

  it('names a file that vanished before it was read', async () => {
    const { handlers } = handlersWith({
      showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: [path.join(dir, 'gone.epub')] }),
    });
    expect(await handlers.openFiles()).toEqual({
      ok: false,
      error: 'Lectern could not read “gone.epub”: it no longer exists (was it moved or deleted?).',
    });
  });

  it('refuses a folder', async () => {
    const { handlers } = handlersWith({ showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: [dir] }) });
    const result = await handlers.openFiles();
    expect(!result.ok && result.error).toMatch(/it is a folder/);
  });
});

describe('saveFile', () => {
  it('writes a string as UTF-8 where the user chose', async () => {
    const target = path.join(dir, 'refs.bib');
    const showSaveDialog = vi.fn(() => Promise.resolve({ canceled: false, filePath: target }));
    const { handlers } = handlersWith({ showSaveDialog }, { defaultSaveDir: () => '/home/student/Documents' });

    const result = lecternResultSchemas.saveFile.parse(await handlers.saveFile({ defaultName: 'refs.bib', data: '@book{ö,}' }));

    expect(result).toEqual({ ok: true, value: { path: target } });
    expect(await readFile(target, 'utf8')).toBe('@book{ö,}');
    expect(showSaveDialog).toHaveBeenCalledWith({
      title: 'Export',
      defaultPath: path.join('/home/student/Documents', 'refs.bib'),
      filters: [{ name: 'BIB file', extensions: ['bib'] }, { name: 'All files', extensions: ['*'] }],
    });
  });

  it('writes bytes unchanged', async () => {
    const target = path.join(dir, 'backup.lectern');
    const { handlers } = handlersWith({ showSaveDialog: () => Promise.resolve({ canceled: false, filePath: target }) });
    const bytes = Uint8Array.from([0, 1, 2, 254, 255]);
    expect(await handlers.saveFile({ defaultName: 'backup.lectern', data: bytes })).toEqual({ ok: true, value: { path: target } });
    expect([...(await readFile(target))]).toEqual([0, 1, 2, 254, 255]);
  });

  it('returns null when the dialog is cancelled and writes nothing', async () => {
    const write = vi.fn(() => Promise.resolve(undefined));
    const { handlers } = handlersWith(
      { showSaveDialog: () => Promise.resolve({ canceled: true, filePath: '' }) },
      { files: { ...nodeFileSystem, write } },
    );
    expect(await handlers.saveFile({ defaultName: 'x.txt', data: 'x' })).toEqual({ ok: true, value: null });
    expect(write).not.toHaveBeenCalled();
  });

  it('reports a failed write with the file name', async () => {
    const target = path.join(dir, 'missing-folder', 'notes.md');
    const { handlers } = handlersWith({ showSaveDialog: () => Promise.resolve({ canceled: false, filePath: target }) });
    expect(await handlers.saveFile({ defaultName: 'notes.md', data: 'x' })).toEqual({
      ok: false,
      error: 'Lectern could not write “notes.md”: it no longer exists (was it moved or deleted?).',
    });
  });

  it('keeps folders out of the suggested name', async () => {
    const showSaveDialog = vi.fn(() => Promise.resolve({ canceled: true }));
    const { handlers } = handlersWith({ showSaveDialog });
    await handlers.saveFile({ defaultName: '../../etc/passwd', data: '' });
    expect(showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: '..-..-etc-passwd' }));
    expect(safeFileName('Pride/Prejudice: notes?.md')).toBe('Pride-Prejudice- notes-.md');
    expect(safeFileName('..')).toBe('export');
  });
});

describe('openExternal', () => {
  it('opens https, http and mailto links', async () => {
    const { handlers, openExternal } = handlersWith({});
    for (const url of ['https://doi.org/10.1000/182', 'http://example.org/a b', 'mailto:author@example.org']) {
      expect(lecternResultSchemas.openExternal.parse(await handlers.openExternal(url))).toEqual({ ok: true, value: undefined });
    }
    expect(openExternal).toHaveBeenCalledWith('https://doi.org/10.1000/182');
    expect(openExternal).toHaveBeenCalledWith('http://example.org/a%20b');
    expect(openExternal).toHaveBeenCalledTimes(3);
  });

  it('refuses javascript:, file:, data: and unparsable links', async () => {
    const { handlers, openExternal } = handlersWith({});
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>x</b>', 'not a url']) {
      const result = await handlers.openExternal(url);
      expect(result.ok, url).toBe(false);
    }
    expect(await handlers.openExternal('file:///etc/passwd')).toEqual({
      ok: false,
      error: 'Lectern only opens web (http, https) and email (mailto) links; "file:" links are blocked.',
    });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('reports a system that cannot open the link', async () => {
    const { handlers } = handlersWith({}, { openExternal: () => Promise.reject(new Error('no handler')) });
    const result = await handlers.openExternal('https://example.org');
    expect(!result.ok && result.error).toMatch(/default browser/);
  });
});

describe('getAppInfo', () => {
  it('returns name, version and platform', async () => {
    const { handlers } = handlersWith({});
    expect(await handlers.getAppInfo()).toEqual({ name: 'Lectern', version: '1.2.3', platform: 'linux' });
  });
});

describe('takeOpenedFiles', () => {
  it('reads the files waiting to be imported once, within the same limit as the open dialog', async () => {
    const paper = path.join(dir, 'paper.md');
    await writeFile(paper, '# Paper\n');
    const waiting = [paper];
    const openQueue = { take: () => waiting.splice(0) };
    const { handlers } = handlersWith({}, { openQueue });
    const first = lecternResultSchemas.takeOpenedFiles.parse(await handlers.takeOpenedFiles());
    expect(first.ok && first.value.map((file) => [file.name, new TextDecoder().decode(file.bytes)])).toEqual([['paper.md', '# Paper\n']]);
    expect(await handlers.takeOpenedFiles()).toEqual({ ok: true, value: [] });

    const huge = path.join(dir, 'huge.pdf');
    await writeFile(huge, '');
    await truncate(huge, MAX_IMPORT_BYTES + 1);
    waiting.push(huge);
    expect(await handlers.takeOpenedFiles()).toMatchObject({ ok: false, error: expect.stringMatching(/^“huge\.pdf” is larger than 256 MB/) as unknown });
  });
});
