import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli';
import { captureIo } from '../../cli/capture-io';
import { buildTestPdf, wrapText } from './test-pdf';


describe('lectern read on a PDF', () => {
  it('prints the rebuilt blocks and the metadata as JSON', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'lectern-pdf-')), 'margins.pdf');
    const body = wrapText('Readers skim the margins of a page before they read its middle.'.split(' '), { x: 72, top: 660, width: 460 });
    writeFileSync(path, buildTestPdf([{ runs: [{ x: 72, y: 720, text: 'Margins of the Page', size: 20 }, ...body.runs] }], { info: { Author: 'Ann Smith' } }));
    const io = captureIo();
    expect(await main(['read', path, '--json'], io)).toBe(0);
    expect(io.err).toBe('');
    const parsed = JSON.parse(io.out) as { metadata: Record<string, unknown>; blocks: { kind: string; text: string; level?: number }[] };
    expect(parsed.metadata.title).toBe('Margins of the Page');
    expect(parsed.metadata.author).toEqual([{ family: 'Smith', given: 'Ann' }]);
    expect(parsed.blocks).toEqual([
      { kind: 'heading', text: 'Margins of the Page', level: 1 },
      { kind: 'paragraph', text: 'Readers skim the margins of a page before they read its middle.' },
    ]);
  });

  it('prints one error line naming the file for a damaged PDF', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'lectern-pdf-')), 'cut.pdf');
    writeFileSync(path, buildTestPdf([{ runs: [{ x: 72, y: 700, text: 'Only a line' }] }]).slice(0, 200));
    const io = captureIo();
    expect(await main(['read', path], io)).toBe(1);
    expect(io.err).toMatch(/^lectern read: “cut\.pdf” is damaged or incomplete.*\n$/);
  });
});
