/**
 * The reference parser's shipped model, as JSON. In Node (CLI, tests, training) it is part of the
 * code; the renderer's build swaps this module for one that fetches the JSON as a file of its own
 * (renderer/vite-plugins.ts), so the import worker loads megabytes of model only when it first
 * parses a reference list. Hence the result may be a promise.
 */
import model from './model/refs-model.json';

/** The model's JSON, or a promise of it where the model is a file fetched on first use. */
export function loadShippedModel(): unknown {
  return model;
}
