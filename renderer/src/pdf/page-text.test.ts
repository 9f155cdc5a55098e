import { describe, expect, it } from 'vitest';
import { foldItems, topAt } from './page-text';
import { foldOnly } from './text-fold';

describe('a page text folded item by item', () => {
  const items = [
    { str: 'Kinship and ', top: 100 },
    { str: '', top: 0 },
    { str: 'Nation', top: 100 },
    { str: ' ', top: 0 },
    { str: 'Anderson, Benedict. 1983.', top: 520 },
  ];
  const page = foldItems(items);

  it('is the folded text of the whole page', () => {
    expect(page.folded).toBe(foldOnly(items.map((item) => item.str).join('')));
  });

  it('knows the line of every folded character', () => {
    expect(topAt(page, 0)).toBe(100);
    expect(topAt(page, page.folded.indexOf('nation'))).toBe(100);
    expect(topAt(page, page.folded.indexOf('anderson'))).toBe(520);
    expect(topAt(page, page.folded.length - 1)).toBe(520);
    expect(topAt(foldItems([]), 3)).toBe(0);
  });
});
