import { describe, expect, it } from 'vitest';
import { importFile } from '../import';
import type { ParsedDocument } from '../model';
import { nodeImportContext } from './sanitize-node';

const node = nodeImportContext();

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

async function importHtml(html: string | Uint8Array, fileName = 'page.html'): Promise<ParsedDocument> {
  const result = await importFile(fileName, typeof html === 'string' ? utf8(html) : html, node);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function blockTexts(doc: ParsedDocument): { kind: string; text: string; level?: number; ordered?: boolean }[] {
  return doc.blocks.map((b) => ({
    kind: b.kind,
    text: doc.text.slice(b.start, b.end),
    ...(b.level !== undefined ? { level: b.level } : {}),
    ...(b.ordered !== undefined ? { ordered: b.ordered } : {}),
  }));
}

describe('HTML import: structure', () => {
  it('turns headings, paragraphs, lists, quotes and code into blocks', async () => {
    const doc = await importHtml(`<!doctype html><html><body><main>
      <h1>On   Reading</h1>
      <p>First   paragraph,
         wrapped.</p>
      <ul><li>One</li><li>Two<ol><li>Two point one</li></ol></li></ul>
      <blockquote><p>Quoted words.</p></blockquote>
      <pre><code>  indented();
  more();</code></pre>
      <p>Line one<br>line two</p>
      <hr>
      <table><tr><th>Year</th><th>Count</th></tr><tr><td>2020</td><td>4</td></tr></table>
    </main></body></html>`);
    expect(blockTexts(doc)).toEqual([
      { kind: 'heading', text: 'On Reading', level: 1 },
      { kind: 'paragraph', text: 'First paragraph, wrapped.' },
      { kind: 'list-item', text: 'One', level: 0, ordered: false },
      { kind: 'list-item', text: 'Two', level: 0, ordered: false },
      { kind: 'list-item', text: 'Two point one', level: 1, ordered: true },
      { kind: 'quote', text: 'Quoted words.' },
      { kind: 'code', text: '  indented();\n  more();' },
      { kind: 'paragraph', text: 'Line one\nline two' },
      { kind: 'rule', text: '' },
      { kind: 'paragraph', text: 'Year\tCount' },
      { kind: 'paragraph', text: '2020\t4' },
    ]);
    expect(doc.format).toBe('html');
  });

  it('marks emphasis, strong, code and links as offsets into the text', async () => {
    const doc = await importHtml(
      `<body><p>Read <em>this</em>, <b>that</b> and <code>x()</code> at <a href="https://example.org/a">the site</a> or <a href="mailto:a@b.org">mail</a>.</p></body>`,
    );
    const marks = doc.blocks[0]?.marks ?? [];
    expect(marks.map((m) => [m.type, doc.text.slice(m.start, m.end), m.href])).toEqual([
      ['emphasis', 'this', undefined],
      ['strong', 'that', undefined],
      ['code', 'x()', undefined],
      ['link', 'the site', 'https://example.org/a'],
      ['link', 'mail', 'mailto:a@b.org'],
    ]);
  });

  it('resolves relative links against the page address it states', async () => {
    const doc = await importHtml(
      `<head><link rel="canonical" href="https://news.example.com/2020/story"></head><body><p>See <a href="/about">about</a> and <a href="#top">top</a>.</p></body>`,
    );
    const links = doc.blocks[0]?.marks ?? [];
    expect(links).toHaveLength(1);
    expect(links[0]?.href).toBe('https://news.example.com/about');
  });
});

describe('HTML import: main content', () => {
  const boilerplate = `
    <header><div class="logo">Daily Site</div><nav><a href="/">Home</a><a href="/news">News</a><a href="/sport">Sport</a></nav></header>
    <div class="share-bar"><a href="https://twitter.com/x">Share on Twitter</a></div>
    <aside class="sidebar"><h3>Most read</h3><p>Something else entirely happened somewhere.</p></aside>
    <section id="comments"><h3>Comments</h3><p>First! This comment is not the article.</p></section>
    <div class="newsletter-signup"><p>Sign up for our newsletter.</p></div>
    <footer><p>© Daily Site 2024</p></footer>`;
  const prose = 'The committee met on Tuesday to discuss the annual budget, and after a long debate it agreed to fund the library. ';

  it('prefers the <article> and keeps its own header', async () => {
    const doc = await importHtml(`<body>${boilerplate}<article><header><h1>Library funded</h1><p class="byline">By Ann Lee</p></header><p>${prose.repeat(3)}</p></article></body>`);
    expect(blockTexts(doc).map((b) => b.text)).toEqual(['Library funded', 'By Ann Lee', prose.repeat(3).trim()]);
  });

  it('falls back to the body without navigation, share bars, sidebars, comments and footers', async () => {
    const doc = await importHtml(`<body>${boilerplate}<div class="story"><h1>Library funded</h1><p>${prose}</p><p>${prose}</p></div></body>`);
    expect(doc.text).toContain('Library funded');
    for (const gone of ['Home', 'Share on Twitter', 'Most read', 'First!', 'newsletter', '©']) expect(doc.text).not.toContain(gone);
  });

  it('uses itemprop=articleBody and ignores a small teaser <article>', async () => {
    const doc = await importHtml(
      `<body><article class="teaser"><p>Other story teaser.</p></article><div itemprop="articleBody"><p>${prose.repeat(4)}</p></div></body>`,
    );
    expect(doc.text).not.toContain('teaser');
    expect(doc.text).toContain('committee');
  });
});
