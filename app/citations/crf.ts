/**
 * Linear-chain CRF trained by stochastic gradient ascent on the L2-regularised log-likelihood
 * (forward-backward for the expectations). Slower to train than the perceptron but its weights
 * are calibrated and regularised, which holds up better on references unlike the training data.
 * The result is the same {@link LinearChainModel} the parser decodes with Viterbi.
 */
import type { LinearChainModel } from './linear-chain';
import { indexFeatures, seededRandom, shuffle, type TrainingSequence } from './perceptron';

/** CRF learner settings. */
export interface CrfOptions {
  epochs: number;
  seed: number;
  minCount: number;
  /** L2 strength (per whole training set). */
  l2: number;
  /** First learning rate; it decays as 1 / (1 + epoch). */
  rate: number;
}

function logSumExp(values: Float64Array, from: number, count: number): number {
  let max = -Infinity;
  for (let i = 0; i < count; i++) max = Math.max(max, values[from + i]!);
  if (max === -Infinity) return max;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += Math.exp(values[from + i]! - max);
  return max + Math.log(sum);
}

/** Trains a CRF on labelled sequences. */
export function trainCrf(labels: readonly string[], data: TrainingSequence[], options: CrfOptions): LinearChainModel {
  const L = labels.length;
  const size = (L + 1) * L;
  const featureIndex = indexFeatures(data.flatMap((seq) => seq.observation.features), options.minCount);
  const contextIndex = indexFeatures(data.flatMap((seq) => seq.observation.contexts), 1);
  const ids = (names: string[], index: Map<string, number>) => Int32Array.from(names.map((f) => index.get(f) ?? -1).filter((id) => id >= 0));
  const encoded = data.map((seq) => ({
    features: seq.observation.features.map((feats) => ids(feats, featureIndex)),
    contexts: seq.observation.contexts.map((names) => ids(names, contextIndex)),
    gold: seq.labels,
  }));
  // Stored weights times `scale` are the real weights: L2 shrinkage is one multiply per step.
  const w = new Float64Array(featureIndex.size * L);
  const tw = new Float64Array(size);
  const cw = new Float64Array(contextIndex.size * size);
  let scale = 1;
  const N = encoded.length;
  const random = seededRandom(options.seed);
  const order = encoded.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const rate = options.rate / (1 + epoch);
    shuffle(order, random);
    for (const k of order) {
      const { features, contexts, gold } = encoded[k]!;
      const n = features.length;
      if (n === 0) continue;
      const E = new Float64Array(n * L);
      for (let t = 0; t < n; t++) {
        for (const id of features[t]!) for (let y = 0; y < L; y++) E[t * L + y]! += w[id * L + y]! * scale;
      }
      const T = new Float64Array(n * size);
      for (let t = 0; t < n; t++) {
        for (let i = 0; i < size; i++) T[t * size + i] = tw[i]! * scale;
        for (const c of contexts[t]!) for (let i = 0; i < size; i++) T[t * size + i]! += cw[c * size + i]! * scale;
      }
      const alpha = new Float64Array(n * L);
      const beta = new Float64Array(n * L);
      const tmp = new Float64Array(L);
      for (let y = 0; y < L; y++) alpha[y] = T[L * L + y]! + E[y]!;
      for (let t = 1; t < n; t++) {
        for (let y = 0; y < L; y++) {
          for (let p = 0; p < L; p++) tmp[p] = alpha[(t - 1) * L + p]! + T[t * size + p * L + y]!;
          alpha[t * L + y] = logSumExp(tmp, 0, L) + E[t * L + y]!;
        }
      }
      for (let t = n - 2; t >= 0; t--) {
        for (let p = 0; p < L; p++) {
          for (let y = 0; y < L; y++) tmp[y] = T[(t + 1) * size + p * L + y]! + E[(t + 1) * L + y]! + beta[(t + 1) * L + y]!;
          beta[t * L + p] = logSumExp(tmp, 0, L);
        }
      }
      const logZ = logSumExp(alpha, (n - 1) * L, L);
      scale *= 1 - (rate * options.l2) / N;
      const step = rate / scale;
      for (let t = 0; t < n; t++) {
        const g = gold[t]!;
        for (let y = 0; y < L; y++) {
          const marginal = Math.exp(alpha[t * L + y]! + beta[t * L + y]! - logZ);
          const grad = (y === g ? 1 : 0) - marginal;
          if (Math.abs(grad) < 1e-6) continue;
          for (const id of features[t]!) w[id * L + y]! += step * grad;
        }
        const edge = new Float64Array(size);
        if (t === 0) {
          for (let y = 0; y < L; y++) edge[L * L + y] = -Math.exp(alpha[y]! + beta[y]! - logZ);
          edge[L * L + g]! += 1;
        } else {
          for (let p = 0; p < L; p++) {
            for (let y = 0; y < L; y++) {
              edge[p * L + y] = -Math.exp(alpha[(t - 1) * L + p]! + T[t * size + p * L + y]! + E[t * L + y]! + beta[t * L + y]! - logZ);
            }
          }
          edge[gold[t - 1]! * L + g]! += 1;
        }
        for (let i = 0; i < size; i++) {
          const grad = edge[i]!;
          if (Math.abs(grad) < 1e-6) continue;
          tw[i]! += step * grad;
          for (const c of contexts[t]!) cw[c * size + i]! += step * grad;
        }
      }
      if (scale < 1e-6) {
        for (const arr of [w, tw, cw]) for (let i = 0; i < arr.length; i++) arr[i]! *= scale;
        scale = 1;
      }
    }
  }
  const real = (arr: Float64Array) => Float32Array.from(arr, (x) => x * scale);
  return { labels, featureIndex, emission: real(w), transition: real(tw), contextIndex, contextTransition: real(cw) };
}
