import { describe, expect, it } from 'vitest';
import { citationClass, citationLabel, isUnresolved } from './citation-mark';

describe('citation marks', () => {
  it('counts a citation without entries as unresolved, never a mention or a footnote marker', () => {
    expect(isUnresolved({ kind: 'parenthetical', referenceIds: [] })).toBe(true);
    expect(isUnresolved({ kind: 'parenthetical', referenceIds: ['r1'] })).toBe(false);
    expect(isUnresolved({ kind: 'mention', referenceIds: [] })).toBe(false);
    expect(isUnresolved({ kind: 'footnote', referenceIds: [] })).toBe(false);
  });

  it('names its classes and itself alike in the text and on the pages', () => {
    expect(citationClass('numeric', false)).toBe('cite cite-numeric');
    expect(citationClass('narrative', true, 'pdf-cite')).toBe('pdf-cite pdf-cite-narrative pdf-cite-unresolved');
    expect(citationLabel('numeric', false)).toBe('Citation: show its reference');
    expect(citationLabel('mention', false)).toBe('Mention of a cited author');
    expect(citationLabel('numeric', true)).toBe('Citation without a matching entry');
  });
});
