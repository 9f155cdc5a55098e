import { describe, expect, it } from 'vitest';
import type { CslItem } from '../../../app/documents/model';
import { describeValue, namesOf, withField } from './field-values';

const item: CslItem = { id: 'x', type: 'chapter', title: 'Gender and Nation', author: [{ family: 'Yuval-Davis', given: 'Nira' }], issued: { 'date-parts': [[1997, 5]] } };

describe('metadata field values', () => {
  it('describes names, dates and text on one line', () => {
    expect(describeValue(item, { key: 'author', label: 'Authors', kind: 'names' })).toBe('Yuval-Davis, Nira');
    expect(describeValue(item, { key: 'issued', label: 'Date', kind: 'date' })).toBe('1997-5');
    expect(describeValue(item, { key: 'title', label: 'Title', kind: 'text' })).toBe('Gender and Nation');
    expect(describeValue(item, { key: 'page', label: 'Pages', kind: 'text' })).toBe('');
  });

  it('sets and removes fields without touching the rest', () => {
    const edited = withField(item, 'page', '403-408');
    expect(edited.page).toBe('403-408');
    expect(item.page).toBeUndefined();
    expect(withField(edited, 'author', undefined).author).toBeUndefined();
    expect(namesOf(edited, 'editor')).toEqual([]);
  });
});
