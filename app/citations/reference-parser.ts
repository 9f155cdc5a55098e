/**
 * Reference string -> CSL-JSON. The string is tokenised, each token is described by features,
 * a trained linear-chain model labels the tokens (author, date, title, container, pages, …), and
 * the labelled spans are cleaned into CSL fields.
 */
import type { CslItem } from '../documents/model';
import { uniqueReferenceIds } from './citekeys';
import { observeReference } from './features';
import { joinBrokenIdentifiers } from './field-cleaners';
import { spansFromTokens, spansToCsl, type LabelledSpan } from './labels-to-csl';
import { decode, type LinearChainModel } from './linear-chain';
import { tokenize } from './tokenize';

/**
 * Real entries are a few hundred characters; anything past this is cut so that a pasted page of
 * junk still parses in milliseconds.
 */
export const MAX_REFERENCE_LENGTH = 2000;

/** Likewise in tokens (the longest training entry has under 100); bounds the labeller's work. */
export const MAX_REFERENCE_TOKENS = 256;

/** A parser bound to one model. */
export interface ReferenceParser {
  /** Labelled spans of a reference string, for inspection and tests. */
  label(raw: string): LabelledSpan[];
  /** One reference string -> one CSL item. Never throws. */
  parseReference(raw: string): CslItem;
  /** Many strings -> as many items, same order, ids unique within the list. */
  parseReferences(raws: string[]): CslItem[];
}

/** Builds a parser around a trained model. */
export function createReferenceParser(model: LinearChainModel): ReferenceParser {
  const label = (raw: string): LabelledSpan[] => {
    const text = joinBrokenIdentifiers(raw.length > MAX_REFERENCE_LENGTH ? raw.slice(0, MAX_REFERENCE_LENGTH) : raw);
    const tokens = tokenize(text).slice(0, MAX_REFERENCE_TOKENS);
    if (tokens.length === 0) return [];
    const labels = decode(model, observeReference(tokens));
    return spansFromTokens(text, tokens, labels);
  };
  const parseOne = (raw: string): CslItem => {
    try {
      return spansToCsl(label(raw));
    } catch {
      // A parse that fails still yields an item, so list positions stay aligned.
      return { id: '', type: 'document', note: raw.slice(0, MAX_REFERENCE_LENGTH) };
    }
  };
  const parseReferences = (raws: string[]): CslItem[] => {
    const items = raws.map(parseOne);
    const keys = uniqueReferenceIds(items);
    // A blank line stays a blank item, so positions match the input.
    return items.map((item, i) => ({ ...item, id: raws[i]?.trim() ? (keys[i] ?? `ref${i + 1}`) : `ref${i + 1}` }));
  };
  return {
    label,
    parseReference: (raw) => parseReferences([raw])[0] as CslItem,
    parseReferences,
  };
}
