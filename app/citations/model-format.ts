/**
 * The compact JSON form of a {@link LinearChainModel}. Weights are quantised to integers and
 * each non-zero weight is packed with its label into one number, so a model of ~100k features
 * stays a few megabytes and loads without any binary reader (Node, Worker and renderer alike).
 */
import type { LinearChainModel } from './linear-chain';

/** Identifies the serialised layout. */
export const MODEL_FORMAT = 'lectern-refs-model/1';

/** Labels are packed into the low bits, so there can be at most this many. */
const LABEL_SLOTS = 32;

/** The serialised model. */
export interface SerializedModel {
  format: typeof MODEL_FORMAT;
  labels: string[];
  /** Divide stored integers by this to get weights. */
  scale: number;
  /** (labels + 1) x labels transition weights, quantised. */
  transition: number[];
  /** Boundary contexts, in block order. */
  contexts: string[];
  /** One (labels + 1) x labels block of quantised weights per context. */
  contextTransition: number[];
  features: string[];
  /** How many packed entries each feature has, in `features` order. */
  counts: number[];
  /** quantisedWeight * 32 + labelIndex, feature after feature. */
  entries: number[];
}

/**
 * Packs a model. Emission weights smaller than `minWeight` in magnitude are dropped: a CRF gives
 * every feature a small weight for every label, and those tails cost megabytes but no accuracy.
 */
export function serializeModel(model: LinearChainModel, scale = 1000, minWeight = 0): SerializedModel {
  const L = model.labels.length;
  if (L > LABEL_SLOTS) throw new Error(`at most ${LABEL_SLOTS} labels`);
  const features: string[] = [];
  const counts: number[] = [];
  const entries: number[] = [];
  for (const [feature, row] of model.featureIndex) {
    let count = 0;
    for (let y = 0; y < L; y++) {
      const weight = model.emission[row * L + y]!;
      const q = Math.round(weight * scale);
      if (q === 0 || Math.abs(weight) < minWeight) continue;
      entries.push(q * LABEL_SLOTS + y);
      count++;
    }
    if (count > 0) {
      features.push(feature);
      counts.push(count);
    }
  }
  const quantise = (values: Float32Array) => Array.from(values, (w) => Math.round(w * scale));
  const contexts = [...model.contextIndex.entries()].sort((a, b) => a[1] - b[1]).map(([name]) => name);
  return {
    format: MODEL_FORMAT,
    labels: [...model.labels],
    scale,
    transition: quantise(model.transition),
    contexts,
    contextTransition: quantise(model.contextTransition),
    features,
    counts,
    entries,
  };
}

/** Unpacks a serialised model, or returns an error message when the data is not one. */
export function deserializeModel(data: unknown): { ok: true; value: LinearChainModel } | { ok: false; error: string } {
  const m = data as Partial<SerializedModel> | null;
  if (!m || m.format !== MODEL_FORMAT || !Array.isArray(m.labels) || !Array.isArray(m.features) ||
    !Array.isArray(m.counts) || !Array.isArray(m.entries) || !Array.isArray(m.transition) || typeof m.scale !== 'number' ||
    !Array.isArray(m.contexts) || !Array.isArray(m.contextTransition)) {
    return { ok: false, error: `not a ${MODEL_FORMAT} file` };
  }
  const L = m.labels.length;
  if (m.transition.length !== (L + 1) * L || m.counts.length !== m.features.length ||
    m.contextTransition.length !== m.contexts.length * (L + 1) * L) {
    return { ok: false, error: 'reference model is damaged (sizes do not match)' };
  }
  const emission = new Float32Array(m.features.length * L);
  const featureIndex = new Map<string, number>();
  let cursor = 0;
  for (let row = 0; row < m.features.length; row++) {
    featureIndex.set(m.features[row]!, row);
    for (let k = 0; k < m.counts[row]!; k++) {
      const packed = m.entries[cursor++] ?? 0;
      const label = ((packed % LABEL_SLOTS) + LABEL_SLOTS) % LABEL_SLOTS;
      emission[row * L + label] = (packed - label) / LABEL_SLOTS / m.scale;
    }
  }
  const scale = m.scale;
  const transition = Float32Array.from(m.transition, (q) => q / scale);
  const contextTransition = Float32Array.from(m.contextTransition, (q) => q / scale);
  const contextIndex = new Map(m.contexts.map((name, i) => [name, i]));
  return { ok: true, value: { labels: m.labels, featureIndex, emission, transition, contextIndex, contextTransition } };
}
