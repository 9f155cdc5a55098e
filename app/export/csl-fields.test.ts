import { describe, expect, it } from 'vitest';
import { CSL_TYPES, fieldsForType } from './csl-fields';

const keys = (type: string) => fieldsForType(type).map((field) => field.key);

describe('fieldsForType', () => {
  it('gives a chapter its book title, editors, pages and publisher', () => {
    expect(keys('chapter')).toEqual(expect.arrayContaining(['container-title', 'editor', 'page', 'publisher']));
    expect(fieldsForType('chapter').find((field) => field.key === 'container-title')?.label).toBe('Book title');
  });

  it('gives a journal article volume, issue, pages and DOI', () => {
    expect(keys('article-journal')).toEqual(expect.arrayContaining(['volume', 'issue', 'page', 'DOI']));
  });

  it('gives a web page its URL and the date it was accessed', () => {
    expect(keys('webpage')).toEqual(expect.arrayContaining(['URL', 'accessed']));
    expect(fieldsForType('webpage').find((field) => field.key === 'accessed')?.kind).toBe('date');
  });

  it('edits names as names and dates as dates', () => {
    const chapter = fieldsForType('chapter');
    expect(chapter.find((field) => field.key === 'author')?.kind).toBe('names');
    expect(chapter.find((field) => field.key === 'editor')?.kind).toBe('names');
    expect(chapter.find((field) => field.key === 'issued')?.kind).toBe('date');
  });

  it('lists every offered type with a label, title first and no field twice', () => {
    expect(CSL_TYPES.map((t) => t.type)).toEqual(expect.arrayContaining(['article-journal', 'book', 'chapter', 'webpage', 'motion_picture', 'document']));
    for (const { type, label } of CSL_TYPES) {
      expect(label, type).not.toBe('');
      const list = keys(type);
      expect(list[0], type).toBe('title');
      expect(new Set(list).size, type).toBe(list.length);
    }
  });

  it('falls back to the generic document fields for an unknown type', () => {
    expect(keys('software')).toEqual(keys('document'));
  });
});
