/**
 * A first-order linear-chain model, decoded with Viterbi. Besides per-feature label weights it
 * has transition weights that depend on the boundary between two tokens (the punctuation that
 * ends one, how the next begins): in reference strings a field almost always changes after a
 * full stop, comma or bracket, and a plain label-to-label table cannot say so.
 */

/** What the labeller sees of one reference: features per token and boundary contexts per token. */
export interface Observation {
  /** Emission features of each token. */
  features: string[][];
  /** Context names of the boundary before each token (index 0: the start). */
  contexts: string[][];
}

/** Trained weights of a linear-chain labeller. */
export interface LinearChainModel {
  labels: readonly string[];
  /** Feature string -> row index into `emission`. */
  featureIndex: Map<string, number>;
  /** Row-major [feature][label] weights. */
  emission: Float32Array;
  /** Row-major [previous label][label]; the last row is the start state. */
  transition: Float32Array;
  /** Boundary context -> block index into `contextTransition`. */
  contextIndex: Map<string, number>;
  /** Blocks of (labels + 1) x labels transition weights, one per context. */
  contextTransition: Float32Array;
}

type Numbers = Float32Array | Float64Array;

/** Sums the weights of each token's known features into a [token][label] score table. */
export function emissionScores(index: Map<string, number>, emission: Numbers, L: number, features: string[][]): Float64Array {
  const scores = new Float64Array(features.length * L);
  features.forEach((feats, t) => {
    const base = t * L;
    for (const feature of feats) {
      const row = index.get(feature);
      if (row === undefined) continue;
      const offset = row * L;
      for (let y = 0; y < L; y++) scores[base + y]! += emission[offset + y]!;
    }
  });
  return scores;
}

/** Per-position transition tables: the base table plus the blocks of the boundary's contexts. */
export function transitionScores(index: Map<string, number>, base: Numbers, blocks: Numbers, L: number, contexts: string[][]): Float64Array {
  const size = (L + 1) * L;
  const out = new Float64Array(contexts.length * size);
  contexts.forEach((names, t) => {
    const at = t * size;
    for (let k = 0; k < size; k++) out[at + k] = base[k]!;
    for (const name of names) {
      const block = index.get(name);
      if (block === undefined) continue;
      const from = block * size;
      for (let k = 0; k < size; k++) out[at + k]! += blocks[from + k]!;
    }
  });
  return out;
}

/** The highest-scoring label path; `transitions` holds one (L+1) x L table per position. */
export function viterbi(scores: Float64Array, transitions: Float64Array, L: number): number[] {
  const n = scores.length / L;
  if (n === 0) return [];
  const size = (L + 1) * L;
  const best = new Float64Array(n * L);
  const back = new Int32Array(n * L);
  for (let y = 0; y < L; y++) best[y] = transitions[L * L + y]! + scores[y]!;
  for (let t = 1; t < n; t++) {
    const tr = t * size;
    for (let y = 0; y < L; y++) {
      let top = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        const s = best[(t - 1) * L + p]! + transitions[tr + p * L + y]!;
        if (s > top) {
          top = s;
          arg = p;
        }
      }
      best[t * L + y] = top + scores[t * L + y]!;
      back[t * L + y] = arg;
    }
  }
  let last = 0;
  for (let y = 1; y < L; y++) if (best[(n - 1) * L + y]! > best[(n - 1) * L + last]!) last = y;
  const path = new Array<number>(n);
  path[n - 1] = last;
  for (let t = n - 1; t > 0; t--) path[t - 1] = back[t * L + path[t]!]!;
  return path;
}

/** Labels one observed reference. */
export function decode(model: LinearChainModel, observation: Observation): string[] {
  const L = model.labels.length;
  const scores = emissionScores(model.featureIndex, model.emission, L, observation.features);
  const transitions = transitionScores(model.contextIndex, model.transition, model.contextTransition, L, observation.contexts);
  return viterbi(scores, transitions, L).map((y) => model.labels[y] ?? model.labels[0] ?? '');
}
