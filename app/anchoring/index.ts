/** app/anchoring: W3C selectors for highlights, and placing them again in changed text. */
export * from './selectors';
export { describeRange, DEFAULT_CONTEXT, type RangeDescription } from './describe';
export { anchor, ACCEPT_SCORE, MIN_SCORE, type AnchorOptions } from './anchor';
export { reanchorAll, type AnchorableAnnotation, type ReanchorOutcome } from './reanchor';
