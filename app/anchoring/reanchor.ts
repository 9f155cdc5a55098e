/** Moving every highlight of a document onto its new text after a re-import. */
import { anchor } from './anchor';
import { positionSelectorOf, type AnchorResult, type AnnotationSelector } from './selectors';

/** A highlight as reanchorAll needs it: its id and its stored selectors. */
export interface AnchorableAnnotation {
  id: string;
  selectors: readonly AnnotationSelector[];
}

/** Where one highlight landed, or null when it could not be placed. */
export interface ReanchorOutcome {
  id: string;
  result: AnchorResult | null;
}

/**
 * Anchors every annotation in `text` (a document's new canonical text), returning one outcome
 * per annotation in the order given. A null result means the highlight could not be placed: the
 * caller keeps it and the UI shows it as orphaned with its stored quote. Highlights are never
 * dropped here.
 *
 * Highlights are visited in order of their old offsets, and each is first looked for where the
 * previous one's move predicts (old start + that move): text inserted or removed early in a
 * document shifts everything after it by the same amount, so the near-window search stays hit.
 */
export function reanchorAll(text: string, annotations: readonly AnchorableAnnotation[]): ReanchorOutcome[] {
  const order = annotations
    .map((annotation, index) => ({ annotation, index, old: positionSelectorOf(annotation.selectors) }))
    .sort((a, b) => (a.old?.start ?? Infinity) - (b.old?.start ?? Infinity) || a.index - b.index);
  const outcomes: ReanchorOutcome[] = new Array<ReanchorOutcome>(annotations.length);
  let drift = 0;
  for (const { annotation, index, old } of order) {
    const hint = old ? Math.max(0, old.start + drift) : undefined;
    const result = anchor(text, annotation.selectors, hint === undefined ? {} : { hint });
    if (result && old) drift = result.start - old.start;
    outcomes[index] = { id: annotation.id, result };
  }
  return outcomes;
}
