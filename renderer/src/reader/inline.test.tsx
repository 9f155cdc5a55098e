import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { renderInline } from './inline';

const html = (text: string, start: number, end: number, marks: Parameters<typeof renderInline>[3]) =>
  renderToStaticMarkup(<>{renderInline(text, start, end, marks)}</>);

describe('renderInline', () => {
  it('returns the plain slice when there are no marks', () => {
    expect(html('Hello world', 6, 11, [])).toBe('world');
  });

  it('wraps marked ranges and keeps every character', () => {
    const text = 'Read the book now';
    const out = html(text, 0, text.length, [{ type: 'emphasis', start: 9, end: 13 }]);
    expect(out).toContain('<em>book</em>');
    expect(out.replace(/<[^>]+>/g, '')).toBe(text);
  });

  it('nests overlapping marks without losing text', () => {
    const text = 'one two three';
    const out = html(text, 0, text.length, [
      { type: 'strong', start: 0, end: 7 },
      { type: 'emphasis', start: 4, end: 13 },
    ]);
    expect(out.replace(/<[^>]+>/g, '')).toBe(text);
    expect(out).toMatch(/<em><strong>two<\/strong><\/em>|<strong><em>two<\/em><\/strong>/);
  });

  it('renders links with their target but never as navigation', () => {
    const out = html('see here', 0, 8, [{ type: 'link', start: 4, end: 8, href: 'https://example.org/' }]);
    expect(out).toContain('href="https://example.org/"');
    expect(out).toContain('data-external-link');
  });
});
