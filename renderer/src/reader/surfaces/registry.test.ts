// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { DocumentFormat } from '../../../../app/documents/model';
import { hasPageView, SURFACES, surfaceFor, type SurfaceEntry } from './registry';
import { TextSurface } from './TextSurface';

const FORMATS: DocumentFormat[] = ['txt', 'md', 'html', 'pdf', 'epub', 'docx'];

describe('the reading surface registry', () => {
  it('shows PDF and EPUB pages when the page view is on, and the text otherwise', () => {
    expect(surfaceFor('pdf', true).id).toBe('pdf-pages');
    expect(surfaceFor('epub', true).id).toBe('epub-pages');
    expect(surfaceFor('pdf', false).id).toBe('text');
    expect(surfaceFor('epub', false).id).toBe('text');
  });

  it('shows the text of formats without pages, whatever the page-view choice', () => {
    for (const format of ['txt', 'md', 'html', 'docx'] as const) {
      expect(surfaceFor(format, false).Component).toBe(TextSurface);
      expect(surfaceFor(format, true).Component).toBe(TextSurface);
    }
  });

  it('offers the page view exactly for the formats a page surface shows', () => {
    expect(FORMATS.filter((format) => hasPageView(format))).toEqual(['pdf', 'epub']);
  });

  it('takes a new surface from one more entry, leaving the others as they were', () => {
    const DocxPages: SurfaceEntry['Component'] = () => null;
    const withDocx: SurfaceEntry[] = [{ id: 'docx-pages', formats: ['docx'], pages: true, Component: DocxPages }, ...SURFACES];
    expect(surfaceFor('docx', true, withDocx).Component).toBe(DocxPages);
    expect(surfaceFor('docx', false, withDocx).id).toBe('text');
    expect(hasPageView('docx', withDocx)).toBe(true);
    expect(surfaceFor('pdf', true, withDocx).id).toBe('pdf-pages');
  });

  it('says so when no surface shows a format', () => {
    const pagesOnly = SURFACES.filter((entry) => entry.pages);
    expect(() => surfaceFor('txt', false, pagesOnly)).toThrow(/txt/);
  });
});
