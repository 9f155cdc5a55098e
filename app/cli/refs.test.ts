import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli';
import { captureIo } from './capture-io';
import type { CslItem } from '../documents/model';


const lines = [
  'Bykov, Dmitrii. 2017. “Dve bedy: tesnota i nelubov’.” Sobesednik.ru. 30 May.',
  '',
  'Yuval-Davis, Nira. 1997. “Gender and Nation (1993)” in Space, Gender, Knowledge: Feminist Readings, edited by Joanne P. Sharp and Linda McDowell, 403–408. London: Arnold.',
];

describe('lectern refs', () => {
  it('reads stdin and prints one CSL item per line, blank lines included', async () => {
    const io = captureIo(lines.join('\n') + '\n');
    expect(await main(['refs'], io)).toBe(0);
    const items = JSON.parse(io.out) as CslItem[];
    expect(items.map((i) => i.id)).toEqual(['bykov2017', 'ref2', 'yuvaldavis1997']);
    expect(items[0]?.['container-title']).toBe('Sobesednik.ru');
    expect(items[1]).toEqual({ id: 'ref2', type: 'document' });
    expect(items[2]?.publisher).toBe('Arnold');
    expect(io.err).toBe('');
  });

  it('reads a file given as argument, with Windows line ends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-refs-cli-'));
    const file = join(dir, 'refs.txt');
    writeFileSync(file, lines.join('\r\n'));
    const io = captureIo();
    expect(await main(['refs', file], io)).toBe(0);
    expect((JSON.parse(io.out) as CslItem[]).length).toBe(3);
  });

  it('prints an empty array for empty input', async () => {
    const io = captureIo('');
    expect(await main(['refs'], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual([]);
  });

  it('fails with one line on stderr when the file is missing', async () => {
    const io = captureIo();
    expect(await main(['refs', '/nonexistent/refs.txt'], io)).toBe(1);
    expect(io.err).toMatch(/^lectern refs: cannot read/);
    expect(io.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('lectern refs with another model', () => {
  it('reports a model file that cannot be read', async () => {
    const before = process.env.LECTERN_REFS_MODEL;
    process.env.LECTERN_REFS_MODEL = '/nonexistent/model.json';
    try {
      const io = captureIo('Smith, J. (1999). Title.\n');
      expect(await main(['refs'], io)).toBe(1);
      expect(io.err).toMatch(/^lectern refs: cannot read LECTERN_REFS_MODEL=/);
    } finally {
      if (before === undefined) delete process.env.LECTERN_REFS_MODEL;
      else process.env.LECTERN_REFS_MODEL = before;
    }
  });
});
