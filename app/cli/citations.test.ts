import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../cli';
import { captureIo } from './capture-io';
import type { CitationsJson } from './citations';

const seed = (name: string): string => fileURLToPath(new URL(`../../../shared/seeds/${name}`, import.meta.url));
const expected = JSON.parse(readFileSync(new URL('../../../shared/expected/seed-citations.json', import.meta.url), 'utf8')) as {
  documents: Record<string, { inTextCitations: Array<{ text: string; cites?: string; locator?: string }>; worksCited?: Array<{ id: string; raw: string }>; narrativeMentions?: Array<{ text: string; refersTo?: string }> }>;
};


describe('lectern citations', () => {
  it('prints the works cited and the four citations of seed 001, linked', async () => {
    const io = captureIo();
    expect(await main(['citations', seed('001_94063d3630a703df.txt')], io)).toBe(0);
    expect(io.err).toBe('');
    const out = JSON.parse(io.out) as CitationsJson;
    const facts = expected.documents['001_94063d3630a703df.txt'];
    expect(out.references.map((r) => [r.id, r.raw])).toEqual(facts?.worksCited?.map((w) => [w.id, w.raw]));
    const cited = out.citations.filter((c) => c.kind !== 'mention');
    expect(cited.map((c) => ({ text: c.text, cites: c.referenceIds[0], ...(c.locator ? { locator: c.locator } : {}) }))).toEqual(facts?.inTextCitations);
    expect(cited.every((c) => c.referenceIds.length === 1 && !c.unresolved)).toBe(true);
    const mentions = out.citations.filter((c) => c.kind === 'mention');
    expect(mentions.map((m) => [m.text, m.referenceIds])).toEqual(facts?.narrativeMentions?.map((m) => [m.text, [m.refersTo]]));
  });

  it('gives offsets into the text lectern read prints', async () => {
    const file = seed('001_94063d3630a703df.txt');
    const read = captureIo();
    await main(['read', file, '--json'], read);
    const io = captureIo();
    await main(['citations', file], io);
    const blocks = (JSON.parse(read.out) as { blocks: Array<{ text: string }> }).blocks.map((b) => b.text);
    for (const c of (JSON.parse(io.out) as CitationsJson).citations) {
      expect(blocks.some((b) => b.includes(c.text))).toBe(true);
      expect(c.end - c.start).toBe(c.text.length);
    }
  });

  it('finds nothing in seed 000', async () => {
    const io = captureIo();
    expect(await main(['citations', seed('000_62b2ac4b49efefbf.txt')], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ references: [], citations: [] });
  });

  it('fails with one line on stderr for a missing file or wrong arguments', async () => {
    for (const args of [['/nonexistent/x.txt'], [], ['a.txt', 'b.txt'], ['--json', 'a.txt']]) {
      const io = captureIo();
      expect(await main(['citations', ...args], io)).toBe(1);
      expect(io.err).toMatch(/^lectern citations: /);
      expect(io.err.trim().split('\n')).toHaveLength(1);
      expect(io.out).toBe('');
    }
  });
});
