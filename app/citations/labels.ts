/**
 * The label set of Lectern's reference labeller. Training data uses AnyStyle's segment names;
 * rare ones are folded into a neighbour so the model does not spend weights on a handful of
 * examples it cannot learn from.
 */

/** Every label the sequence labeller can assign to a token. */
export const REFERENCE_LABELS = [
  'author',
  'editor',
  'translator',
  'date',
  'title',
  'container-title',
  'journal',
  'collection-title',
  'volume',
  'pages',
  'edition',
  'publisher',
  'location',
  'genre',
  'note',
  'url',
  'doi',
  'isbn',
  'citation-number',
] as const;

/** One label of {@link REFERENCE_LABELS}. */
export type ReferenceLabel = (typeof REFERENCE_LABELS)[number];

const FOLDED: Record<string, ReferenceLabel> = {
  // Film credits and carriers are too rare in the training data to learn as their own fields.
  director: 'note',
  producer: 'note',
  medium: 'note',
  dataset: 'genre',
  // AnyStyle's "source" marks an abstracting service ("Dissertation Abstracts International"),
  // which is not where the work was published.
  source: 'note',
};

/** Maps a training-data tag to a label, or undefined when the tag is unknown. */
export function labelForTag(tag: string): ReferenceLabel | undefined {
  if ((REFERENCE_LABELS as readonly string[]).includes(tag)) return tag as ReferenceLabel;
  return FOLDED[tag];
}
