import { describe, expect, it } from 'vitest';
import { colorForKey } from './colors';

describe('colorForKey', () => {
  it('picks the toolbar colours with 1–5 and yellow with H, and nothing else', () => {
    expect(['1', '2', '3', '4', '5', 'h', 'H'].map(colorForKey)).toEqual(['yellow', 'green', 'blue', 'pink', 'purple', 'yellow', 'yellow']);
    for (const key of ['0', '6', 'a', 'Enter', ' ', '']) expect(colorForKey(key), key).toBeUndefined();
  });
});
