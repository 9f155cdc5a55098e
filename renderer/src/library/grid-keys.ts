import { plainKey, whichShortcut, type KeyLike } from '../shell/keymap';

/**
 * The row a grid key moves to from row `index` of `count`: arrows one row, Home and End the
 * first and last, Page Up and Down ten rows; null for any other key.
 */
export function gridTarget(key: string | KeyLike, index: number, count: number): number | null {
  if (count === 0) return null;
  const clamp = (to: number) => Math.max(0, Math.min(count - 1, to));
  switch (whichShortcut(['list-next', 'list-previous', 'list-first', 'list-last', 'list-page-down', 'list-page-up'], typeof key === 'string' ? plainKey(key) : key)) {
    case 'list-next':
      return clamp(index + 1);
    case 'list-previous':
      return clamp(index - 1);
    case 'list-first':
      return 0;
    case 'list-last':
      return count - 1;
    case 'list-page-down':
      return clamp(index + 10);
    case 'list-page-up':
      return clamp(index - 10);
    default:
      return null;
  }
}
