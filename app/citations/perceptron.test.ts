import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAnystyleXml } from './anystyle-xml';
import { REFERENCE_LABELS } from './labels';
import { decode } from './linear-chain';
import { deserializeModel, serializeModel } from './model-format';
import { trainPerceptron } from './perceptron';
import { trainingSequences } from './train/dataset';

const refs = readAnystyleXml(readFileSync(new URL('../../../shared/eval/anystyle/core.xml', import.meta.url), 'utf8'));
const small = trainingSequences(refs.slice(0, 80));
// References the small models never learn from: what they label right there is what they learned.
const unseen = trainingSequences(refs.slice(80, 240));
const model = trainPerceptron(REFERENCE_LABELS, small, { epochs: 4, seed: 1, minCount: 1 });

function accuracy(predict: (i: number) => string[], sequences = small): number {
  let right = 0;
  let all = 0;
  sequences.forEach((seq, i) => {
    const labels = predict(i);
    seq.labels.forEach((gold, t) => {
      all++;
      if (labels[t] === REFERENCE_LABELS[gold]) right++;
    });
  });
  return right / all;
}

describe('averaged perceptron', () => {
  it('learns its training data', () => {
    expect(accuracy((i) => decode(model, small[i]!.observation))).toBeGreaterThan(0.95);
  });

  it('labels references it did not learn from (0.88 of tokens when measured)', () => {
    expect(accuracy((i) => decode(model, unseen[i]!.observation), unseen)).toBeGreaterThan(0.8);
  });

  it('is reproducible with the same seed', () => {
    const again = trainPerceptron(REFERENCE_LABELS, small, { epochs: 4, seed: 1, minCount: 1 });
    expect(Array.from(again.emission.slice(0, 500))).toEqual(Array.from(model.emission.slice(0, 500)));
  });

  it('labels the same after a round trip through the model file', () => {
    const restored = deserializeModel(JSON.parse(JSON.stringify(serializeModel(model))));
    if (!restored.ok) throw new Error(restored.error);
    small.slice(0, 30).forEach((seq) => expect(decode(restored.value, seq.observation)).toEqual(decode(model, seq.observation)));
  });

  it('rejects data that is not a model', () => {
    expect(deserializeModel({ format: 'other' })).toEqual({ ok: false, error: 'not a lectern-refs-model/1 file' });
    const broken = { ...serializeModel(model), transition: [1, 2] };
    expect(deserializeModel(broken).ok).toBe(false);
  });
});

describe('linear-chain CRF', () => {
  it('learns its training data and is reproducible', async () => {
    const { trainCrf } = await import('./crf');
    const options = { epochs: 4, seed: 3, minCount: 1, l2: 3, rate: 0.3 };
    const crf = trainCrf(REFERENCE_LABELS, small, options);
    expect(accuracy((i) => decode(crf, small[i]!.observation))).toBeGreaterThan(0.95);
    expect(accuracy((i) => decode(crf, unseen[i]!.observation), unseen)).toBeGreaterThan(0.8);
    const again = trainCrf(REFERENCE_LABELS, small.slice(0, 20), options);
    const twice = trainCrf(REFERENCE_LABELS, small.slice(0, 20), options);
    expect(Array.from(twice.transition)).toEqual(Array.from(again.transition));
  });
});
