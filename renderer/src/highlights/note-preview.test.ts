import { describe, expect, it } from 'vitest';
import { notePreview } from './note-preview';

describe('notePreview', () => {
  it('keeps one line per list item and paragraph', () => {
    expect(notePreview('Why it matters:\n\nfirst point\nsecond point\n\nthird')).toBe('Why it matters:\nfirst point\nsecond point\nthird');
  });
  it('cuts a long note with an ellipsis', () => {
    expect(notePreview('word '.repeat(60), 20)).toBe('word word word word…');
  });
});
