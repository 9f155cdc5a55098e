import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAME_DOCUMENT_SIMILARITY, textSimilarity } from './similarity';

const seed = (name: string) => readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url), 'utf8');
const s001 = seed('001_94063d3630a703df.txt');
const s004 = seed('004_0b201c9d2cc86d46.txt');

describe('textSimilarity', () => {
  it('is 1 for the same text and high for an edited version', () => {
    expect(textSimilarity(s001, s001)).toBe(1);
    const edited = 'A new opening paragraph that was not there before.\n\n' + s001.replace('tomboy misfit', 'tomboyish misfit').replace(/Comment on this article on Facebook/, '');
    expect(textSimilarity(s001, edited)).toBeGreaterThan(SAME_DOCUMENT_SIMILARITY);
  });

  it('is low for different documents on the same subject', () => {
    expect(textSimilarity(s001, s004)).toBeLessThan(0.1);
  });
});
