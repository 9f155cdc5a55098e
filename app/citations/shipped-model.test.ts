import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REFERENCE_LABELS } from './labels';
import { decode } from './linear-chain';
import { deserializeModel } from './model-format';
import model from './model/refs-model.json';
import { readCorpora, textKey } from './train/corpora';
import { trainingSequences } from './train/dataset';

// The split `npm run train:refs` trains by: the shipped model learned from core.xml and GROBID's
// corpus, never from GROBID's evaluation files, so a score on those measures parsing, not memory.
const { core, grobid, heldOut } = readCorpora(fileURLToPath(new URL('../../../shared/eval/', import.meta.url)));

describe('the shipped reference model on references it never learned from', () => {
  it('holds out every reference of GROBID’s evaluation files, in any copy', () => {
    expect(heldOut.length).toBeGreaterThan(300);
    const trained = new Set([...core, ...grobid].map(textKey));
    expect(heldOut.filter((r) => trained.has(textKey(r)))).toEqual([]);
  });

  it('labels nine in ten of their tokens right (0.936 when measured)', () => {
    const read = deserializeModel(model);
    if (!read.ok) throw new Error(read.error);
    let right = 0;
    let all = 0;
    for (const sequence of trainingSequences(heldOut)) {
      const labels = decode(read.value, sequence.observation);
      sequence.labels.forEach((gold, t) => {
        all += 1;
        if (labels[t] === REFERENCE_LABELS[gold]) right += 1;
      });
    }
    expect(all).toBeGreaterThan(5000);
    expect(right / all).toBeGreaterThan(0.9);
  });
});
