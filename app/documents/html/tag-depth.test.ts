import { describe, expect, it } from 'vitest';
import { importFile } from '../import';
import { parseHtml, textOf } from './html-dom';
import { nodeImportContext } from './sanitize-node';
import { limitTagDepth } from './tag-depth';

describe('nesting cut in the markup before parsing', () => {
  it('unwraps elements opened beyond the limit and keeps their text in place', () => {
    const out = limitTagDepth('<div><div><div><b>x</b></div></div></div><p>after</p>', 2, false);
    expect(out).toEqual({ source: '<div><div>x</div></div><p>after</p>', flattened: true, deepest: 4 });
  });

  it('does not count void elements, elements that close themselves, comments or script text', () => {
    const page = '<p>a<p>b<li>c<br><img src="x>y"><!-- <div><div><div> --><script>"<div><div><div>"</script><div>d</div>';
    expect(limitTagDepth(page, 1, false)).toEqual({ source: page, flattened: false, deepest: 1 });
    expect(limitTagDepth('<a><b/><c/><d><e/></d></a>', 2, true)).toMatchObject({ flattened: false, deepest: 2 });
  });

  it('parses 100,000 nested divs with every word, as text below the limit', () => {
    const page = '<div>'.repeat(100_000) + 'deep text' + '</div>'.repeat(100_000) + '<p>shallow text</p>';
    expect(textOf(parseHtml(page))).toBe('deep textshallow text');
  });

  it('imports an HTML page 100,000 divs deep with a warning instead of a stack overflow', async () => {
    const page = '<div>'.repeat(100_000) + 'deep text' + '</div>'.repeat(100_000) + '<p>shallow text</p>';
    const result = await importFile('deep.html', new TextEncoder().encode(page), nodeImportContext());
    if (!result.ok) throw new Error(result.error);
    expect(result.value.text).toBe('deep text\n\nshallow text');
    expect(result.value.warning).toBe('“deep.html” nests its content more than 200 levels deep; Lectern read the deeper parts as plain text (their words are all kept).');
  });
});
