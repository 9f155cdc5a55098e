import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../cli';
import { captureIo } from './capture-io';
import type { CslItem } from '../documents/model';

const seedPath = (name: string) => fileURLToPath(new URL(`../../../shared/seeds/${name}`, import.meta.url));
const SEED_001 = seedPath('001_94063d3630a703df.txt');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await main(['cite', ...args], io);
  return { code, out: io.out, err: io.err };
}

describe('lectern cite --self', () => {
  it('exports the document’s own item as CSL-JSON with a citekey', async () => {
    const { code, out, err } = await run(SEED_001, '--self');
    expect(err).toBe('');
    expect(code).toBe(0);
    const items = JSON.parse(out) as CslItem[];
    expect(items[0]).toMatchObject({ id: 'ezerova2018kantemir', title: 'Kantemir Balagov: Closeness (Tesnota, 2017)', author: [{ family: 'Ezerova', given: 'Daria' }], issued: { 'date-parts': [[2018]] } });
  });

  it('formats it in a style and as BibTeX', async () => {
    const chicago = await run(SEED_001, '--self', '--format', 'chicago');
    expect(chicago.code).toBe(0);
    expect(chicago.out).toContain('Ezerova, Daria. 2018. “Kantemir Balagov: Closeness (Tesnota, 2017).”');
    const bibtex = await run('--format=bibtex', '--self', SEED_001);
    expect(bibtex.out).toMatch(/^@article\{ezerova2018kantemir,$/m);
  });
});

describe('lectern cite (works cited)', () => {
  it('exports seed 001’s Works Cited with stable citekeys', async () => {
    const { code, out } = await run(SEED_001);
    expect(code).toBe(0);
    const items = JSON.parse(out) as CslItem[];
    expect(items.map((i) => i.id)).toEqual(['bykov2017dve', 'kuvshinova2017tesnota', 'smolina2017udushe', 'yuvaldavis1997gender']);
    expect(items.find((i) => i.id === 'yuvaldavis1997gender')).toMatchObject({ type: 'chapter', publisher: 'Arnold', 'publisher-place': 'London' });
  });

  it('lists a work cited by two files once and keeps keys unique across files', async () => {
    const { code, out } = await run(SEED_001, SEED_001, seedPath('004_0b201c9d2cc86d46.txt'), '--self', '--format', 'ris');
    expect(code).toBe(0);
    const ids = [...out.matchAll(/^ID {2}- (.+)$/gm)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id === 'bykov2017dve')).toHaveLength(1);
    expect(ids).toContain('ezerova2018kantemir');
  });
});

describe('lectern cite errors', () => {
  it('prints one line and exits 1', async () => {
    for (const args of [[], ['--format'], [SEED_001, '--bogus'], ['/no/such/file.txt'], [SEED_001, '--format', 'harvard1']]) {
      const { code, out, err } = await run(...args);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toMatch(/^lectern cite: [^\n]+\n$/);
    }
  });

  it('prints usage on --help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('usage: lectern cite FILE...');
  });
});
