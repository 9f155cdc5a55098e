/**
 * The row a grid key moves to from row `index` of `count`: arrows one row, Home and End the
 * first and last, Page Up and Down ten rows; null for any other key.
 */
export function gridTarget(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  const clamp = (to: number) => Math.max(0, Math.min(count - 1, to));
  switch (key) {
    case 'ArrowDown':
      return clamp(index + 1);
    case 'ArrowUp':
      return clamp(index - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return clamp(index + 10);
    case 'PageUp':
      return clamp(index - 10);
    default:
      return null;
  }
}
