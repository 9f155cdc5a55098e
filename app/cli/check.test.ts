import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../cli';
import type { CheckReport } from '../check/report';
import { captureIo } from './capture-io';

const seedPath = (name: string) => fileURLToPath(new URL(`../../../shared/seeds/${name}`, import.meta.url));
const SEED_001 = seedPath('001_94063d3630a703df.txt');
const SEED_004 = seedPath('004_0b201c9d2cc86d46.txt');

// A Markdown draft with a "> " block quote from seed 001 and an inline quotation that is in no seed.
const DRAFT_MD = [
  '# On Closeness',
  '',
  'Ezerova describes the synagogue scene:',
  '',
  '> A masterfully shot scene at the synagogue conjures haunting associations with Alan J. Pakula’ Sophie’s Choice (1982): the community has to choose which of the two hostages they will rescue. (Ezerova 2018, para. 6)',
  '',
  'Some write that “the film was shot in a single week without a script” (Ezerova 2018).',
  '',
  '## Works Cited',
  '',
  'Ezerova, Daria. 2018. “Kantemir Balagov: Closeness (Tesnota, 2017).” KinoKultura 60.',
  '',
].join('\n');

function draftFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-check-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await main(['check', ...args], io);
  return { code, out: io.out, err: io.err };
}

describe('lectern check', () => {
  it('prints the report as JSON: a block quote found verbatim, rightly cited, and a quotation not found', async () => {
    const draft = draftFile('closeness.md', DRAFT_MD);
    const { code, out, err } = await run(draft, '--library', SEED_001, SEED_004);
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out) as CheckReport;
    expect(report).toMatchObject({ draft: { fileName: 'closeness.md' }, style: 'apa', sources: 2 });
    expect(report.quotes.map((q) => [q.quote.block, q.verdict])).toEqual([
      [true, 'verbatim'],
      [false, 'not-found'],
    ]);
    expect(report.quotes[0]?.source?.locator).toEqual({ label: 'paragraph', value: 6 });
    expect(report.quotes[0]?.citation).toMatchObject({ problems: [], expected: '(Ezerova, 2018, para. 6)' });
    expect(report.references).toEqual({ hasList: true, citedNotListed: [], listedNotCited: [] });
  }, 60_000);

  it('prints Markdown in the chosen style with --markdown', async () => {
    const draft = draftFile('closeness.md', DRAFT_MD);
    const { code, out } = await run(draft, '--style=chicago', '--markdown', '--library', SEED_001);
    expect(code).toBe(0);
    expect(out).toMatch(/^# Quote check: closeness\.md\n/u);
    expect(out).toContain('2 quotations checked against 1 source (style: chicago): 1 verbatim, 0 differ, 1 not found; 0 with citation problems.');
    expect(out).toMatch(/- Expected citation: \(Ezerova 2018, (?:para\.|¶) 6\)/u);
    expect(out).toContain('### 2. Not found in the library');
  }, 60_000);

  it('says in one line why it cannot run, and exits 1', async () => {
    const draft = draftFile('closeness.md', DRAFT_MD);
    const cases: Array<[string[], RegExp]> = [
      [[], /name the draft/u],
      [[draft], /--library/u],
      [[draft, '--library'], /--library/u],
      [[draft, '--library', SEED_001, '--style', 'harvard-nonesuch'], /not available/u],
      [[draft, '--bogus', '--library', SEED_001], /unknown option --bogus/u],
      [['/no/such/draft.md', '--library', SEED_001], /does not exist/u],
      [[draft, '--library', '/no/such/source.pdf'], /does not exist/u],
      [[SEED_001.replace(/\.txt$/u, '.pdf'), '--library', SEED_001], /does not exist/u],
      [[draftFile('draft.pdf', '%PDF-1.4'), '--library', SEED_001], /\.txt, \.md/u],
      [[draftFile('empty.txt', ''), '--library', SEED_001], /empty/u],
    ];
    for (const [args, message] of cases) {
      const { code, out, err } = await run(...args);
      expect(code, args.join(' ')).toBe(1);
      expect(out).toBe('');
      expect(err).toMatch(/^lectern check: [^\n]+\n$/u);
      expect(err).toMatch(message);
    }
  }, 60_000);
});
