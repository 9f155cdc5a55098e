import { describe, expect, it } from 'vitest';
import type { CslItem } from '../documents/model';
import { quoteWithCitation } from './quote-copy';
import { inQuotes } from './quote-marks';

describe('inQuotes', () => {
  it('nests inner quotes as single marks, as Copy quote does', () => {
    const passage = 'young film director Kantemir Balagov called it "Tesnota" and “Closeness”';
    expect(inQuotes(passage)).toBe('“young film director Kantemir Balagov called it ‘Tesnota’ and ‘Closeness’”');
    const item: CslItem = { id: 'e', type: 'article-journal', title: 'Closeness', author: [{ family: 'Ezerova', given: 'Daria' }], issued: { 'date-parts': [[2018]] } };
    expect(quoteWithCitation(passage, item, null, 'none').text.startsWith(inQuotes(passage))).toBe(true);
  });
});
