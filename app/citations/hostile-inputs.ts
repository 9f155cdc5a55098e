/**
 * Inputs built to make text scanners slow (runs of open brackets, years, punctuation, initials):
 * the unit tests check that the citation code stays correct on them, and bench/hostile-input
 * times it against ordinary text of the same length. Kept apart from the tests so both see the
 * same strings; a backtracking blow-up on these 100 kB lines takes minutes, not milliseconds.
 */

/** One reference line each, about 100 kB. */
export const HOSTILE_REFERENCE_LINES: Readonly<Record<string, string>> = {
  punctuation: '.,;:()[]“”‘’«»"\'-–—/'.repeat(5000).slice(0, 100_000),
  'open year': '(1999'.repeat(20_000),
  'spaced years': '(1999 '.repeat(16_000),
  commas: ','.repeat(100_000) + 'a',
  quotes: '’'.repeat(50_000) + 'A' + '”.'.repeat(25_000),
  initials: 'A. '.repeat(33_000),
  url: 'http://' + 'a/'.repeat(50_000),
};

/** Running text for the in-text citation finder. */
export const HOSTILE_RUNNING_TEXTS: readonly string[] = ['(1999'.repeat(20_000), '(),.;:[]-–'.repeat(10_000), '(Smith and '.repeat(9_000), 'Smith and Lee '.repeat(7_000) + '(2019)'];

/** Whole documents for findDocumentCitations (one paragraph per line). */
export const HOSTILE_DOCUMENTS: readonly string[] = [
  '(1999'.repeat(20_000),
  '.,;:()[]“”’-'.repeat(9_000),
  'period1 Khrushchev Thaw '.repeat(4_000),
  'Smith, J. 2019. Title. Press.\n'.repeat(3_000),
];
