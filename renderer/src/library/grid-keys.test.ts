import { describe, expect, it } from 'vitest';
import { gridTarget } from './grid-keys';

describe('gridTarget', () => {
  it('moves one row with the arrows and stops at the ends', () => {
    expect(gridTarget('ArrowDown', 0, 3)).toBe(1);
    expect(gridTarget('ArrowDown', 2, 3)).toBe(2);
    expect(gridTarget('ArrowUp', 1, 3)).toBe(0);
    expect(gridTarget('ArrowUp', 0, 3)).toBe(0);
  });
  it('goes to the first and last rows with Home and End, ten rows with Page keys', () => {
    expect(gridTarget('Home', 2, 3)).toBe(0);
    expect(gridTarget('End', 0, 3)).toBe(2);
    expect(gridTarget('PageDown', 0, 25)).toBe(10);
    expect(gridTarget('PageUp', 5, 25)).toBe(0);
  });
  it('leaves other keys and empty tables alone', () => {
    expect(gridTarget('Enter', 0, 3)).toBeNull();
    expect(gridTarget('ArrowDown', 0, 0)).toBeNull();
  });
});
