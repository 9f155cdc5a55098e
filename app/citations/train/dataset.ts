/**
 * Training sequences from labelled references: the reference string is rebuilt the way the
 * scorer builds it (segments joined by single spaces), tokenised like any input, and each token
 * takes the label of the segment it falls in.
 */
import { referenceText, type LabelledReference } from '../anystyle-xml';
import { observeReference } from '../features';
import { labelForTag, REFERENCE_LABELS } from '../labels';
import type { TrainingSequence } from '../perceptron';
import { tokenize } from '../tokenize';

/** Labels of the tokens of one reference, in token order. */
export function tokenLabels(reference: LabelledReference): { text: string; labels: string[] } {
  const text = referenceText(reference);
  const bounds: Array<{ end: number; label: string }> = [];
  let at = 0;
  for (const segment of reference.segments) {
    at += segment.text.length;
    bounds.push({ end: at, label: labelForTag(segment.tag) ?? 'note' });
    at += 1;
  }
  const labels = tokenize(text).map((token) => (bounds.find((b) => token.start < b.end) ?? bounds[bounds.length - 1])?.label ?? 'note');
  return { text, labels };
}

/** One training sequence per reference. */
export function trainingSequences(references: LabelledReference[]): TrainingSequence[] {
  const index = new Map<string, number>(REFERENCE_LABELS.map((l, i) => [l, i]));
  return references.map((reference) => {
    const { text, labels } = tokenLabels(reference);
    return { observation: observeReference(tokenize(text)), labels: labels.map((l) => index.get(l) ?? 0) };
  });
}
