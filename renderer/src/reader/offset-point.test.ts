// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { offsetToPoint } from './offset-point';

describe('offsetToPoint', () => {
  it('finds the text node and position of an offset, skipping list markers', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p data-start="0">Hello <em>there</em></p><li data-start="12"><span data-nontext>1.</span>mise-en-scène</li>';
    const inside = offsetToPoint(root, 8);
    expect(inside?.node.data).toBe('there');
    expect(inside?.offset).toBe(2);
    const listed = offsetToPoint(root, 16);
    expect(listed?.node.data).toBe('mise-en-scène');
    expect(listed?.offset).toBe(4);
  });

  it('is null when no rendered block holds the offset', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p data-start="100">Later text</p>';
    expect(offsetToPoint(root, 5)).toBeNull();
  });
});
