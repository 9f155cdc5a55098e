/**
 * The parser with the model Lectern ships (model/refs-model.json, trained by `npm run train:refs`
 * on AnyStyle's core.xml, GROBID's citation corpus and synthetic references rendered through CSL
 * styles; see app/citations/train). The model is unpacked on first use, not at import. Where the
 * model is a file fetched on first use (the renderer's import worker), the first parse asks for
 * it and throws ReferenceModelLoading; withReferenceModel waits for the model and runs again.
 */
import type { CslItem } from '../documents/model';
import { deserializeModel } from './model-format';
import { createReferenceParser, type ReferenceParser } from './reference-parser';
import { loadShippedModel } from './shipped-model';

let parser: ReferenceParser | undefined;
/** The model's JSON once fetched, where it is fetched. */
let fetched: unknown;
let fetching: Promise<void> | undefined;

/** Thrown by a parse that needs the model while it is still being fetched; `loaded` settles when it is there. */
export class ReferenceModelLoading extends Error {
  constructor(readonly loaded: Promise<void>) {
    super('The reference model is still loading.');
    this.name = 'ReferenceModelLoading';
  }
}

/** The shared parser around the shipped model. */
export function defaultReferenceParser(): ReferenceParser {
  if (!parser) {
    if (fetched === undefined && fetching) throw new ReferenceModelLoading(fetching);
    const json = fetched ?? loadShippedModel();
    if (json instanceof Promise) {
      fetching ??= (json as Promise<unknown>).then(
        (value) => {
          fetched = value;
        },
        (error: unknown) => {
          // The next parse asks again rather than failing for the worker's whole life.
          fetching = undefined;
          throw error;
        },
      );
      throw new ReferenceModelLoading(fetching);
    }
    const model = deserializeModel(json);
    if (!model.ok) throw new Error(`shipped reference model: ${model.error}`);
    parser = createReferenceParser(model.value);
  }
  return parser;
}

/**
 * Runs `work`, which may parse references. If it needed the model before it had arrived, waits
 * for the model and runs `work` again (work must have no effects before it parses). Where the
 * model is part of the code this is `work()`.
 */
export async function withReferenceModel<T>(work: () => T): Promise<T> {
  for (;;) {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof ReferenceModelLoading)) throw error;
      await error.loaded;
    }
  }
}

/** Parses one reference string into a CSL item with a citekey id ("yuvaldavis1997"). */
export function parseReference(raw: string): CslItem {
  return defaultReferenceParser().parseReference(raw);
}

/** Parses reference strings into as many CSL items, same order, ids unique within the list. */
export function parseReferences(raws: string[]): CslItem[] {
  return defaultReferenceParser().parseReferences(raws);
}
