/**
 * The parser with the model Lectern ships (model/refs-model.json, trained by `npm run train:refs`
 * on AnyStyle's core.xml, GROBID's citation corpus and synthetic references rendered through CSL
 * styles; see app/citations/train). The model is unpacked on first use, not at import.
 */
import type { CslItem } from '../documents/model';
import shippedModel from './model/refs-model.json';
import { deserializeModel } from './model-format';
import { createReferenceParser, type ReferenceParser } from './reference-parser';

let parser: ReferenceParser | undefined;

/** The shared parser around the shipped model. */
export function defaultReferenceParser(): ReferenceParser {
  if (!parser) {
    const model = deserializeModel(shippedModel);
    if (!model.ok) throw new Error(`shipped reference model: ${model.error}`);
    parser = createReferenceParser(model.value);
  }
  return parser;
}

/** Parses one reference string into a CSL item with a citekey id ("yuvaldavis1997"). */
export function parseReference(raw: string): CslItem {
  return defaultReferenceParser().parseReference(raw);
}

/** Parses reference strings into as many CSL items, same order, ids unique within the list. */
export function parseReferences(raws: string[]): CslItem[] {
  return defaultReferenceParser().parseReferences(raws);
}
