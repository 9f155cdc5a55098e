import { JSDOM } from 'jsdom';
import type { WindowLike } from 'dompurify';
import { describe, expect, it } from 'vitest';
import { importFile } from '../import';
import { createHtmlSanitizer, createSectionSanitizer } from './sanitize';
import { nodeImportContext } from './sanitize-node';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('HTML sanitizing with DOMPurify', () => {
  const sanitize = createHtmlSanitizer(new JSDOM('').window);

  it('removes scripts, handlers, script links, frames, refreshes and fallback content, and keeps the article', () => {
    const out = sanitize(`<html><head><meta http-equiv="refresh" content="0;url=https://evil.example"><script>steal()</script></head>
      <body><article itemprop="articleBody"><p>Kept <b>text</b><img src="x.png" onerror="alert(1)"></p>
      <a href="javascript:alert(2)">js</a><a href="https://ok.example/" onclick="x()">ok</a>
      <iframe src="https://evil.example">FRAME FALLBACK</iframe><object data="a.swf">OBJECT FALLBACK</object>
      <form action="https://evil.example"><input value="v"><button>SEND</button></form>
      <p><sup><a epub:type="noteref" role="doc-noteref" href="#n1">1</a></sup></p></article></body></html>`);
    expect(out).toContain('<b>text</b>');
    expect(out).toContain('href="https://ok.example/"');
    expect(out).toContain('itemprop="articleBody"');
    expect(out).toContain('role="doc-noteref"');
    for (const bad of ['<script', 'steal', 'onerror', 'onclick', 'javascript:', 'refresh', '<iframe', 'FALLBACK', '<form', 'SEND', 'evil.example']) {
      expect(out).not.toContain(bad);
    }
  });

  it('refuses a DOM it cannot work on instead of passing HTML through untouched', () => {
    expect(() => createHtmlSanitizer({} as WindowLike)).toThrow(/cannot be sanitized here/);
  });

  it('refuses a web page when no sanitizer is available, and reads it when one is', async () => {
    const page = utf8('<html><body><p>Plain page text.</p></body></html>');
    const refused = await importFile('page.html', page);
    expect(refused).toEqual({ ok: false, error: '“page.html” was not imported: web pages are read only after they are sanitized, and no HTML sanitizer is available here.' });
    const read = await importFile('page.html', page, nodeImportContext());
    expect(read.ok && read.value.text).toBe('Plain page text.');
  });

  it('keeps XHTML notes linked though the HTML parser under DOMPurify does not know self-closing tags', async () => {
    const page = `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body>
      <p>A claim<a id="back1"/><sup><a href="#fn1">1</a></sup> that goes on after the marker.</p>
      <ol><li id="fn1">The note.</li></ol></body></html>`;
    const read = await importFile('page.xhtml', utf8(page), nodeImportContext());
    if (!read.ok) throw new Error(read.error);
    expect(read.value.text).toContain('that goes on after the marker.');
    expect(read.value.footnotes).toHaveLength(1);
  });
});

describe('book chapters sanitized for the page view', () => {
  const window = new JSDOM('').window;
  const sanitize = createSectionSanitizer(window);

  it('keeps an XHTML chapter XHTML, with its styles, pictures, notes and links, and nothing that runs', () => {
    const chapter = `<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>One</title>
<link rel="stylesheet" type="text/css" href="blob:http://127.0.0.1/abc"/><link rel="stylesheet" href="https://evil.example/x.css"/>
<style>p { text-indent: 1em }</style><script>alert(1)</script><meta http-equiv="refresh" content="0;url=https://evil.example"/></head>
<body><h1>Chapter One</h1><p style="color: red">Text<a epub:type="noteref" href="notes.xhtml#n1">1</a> <img src="blob:http://127.0.0.1/pic" alt="pic" onerror="alert(2)"/></p>
<p><a href="javascript:alert(3)">bad</a><a href="https://ok.example/">ok</a></p><iframe src="https://evil.example/">FALLBACK</iframe><form><input/></form></body></html>`;
    const out = sanitize(chapter, 'application/xhtml+xml');
    const doc = new window.DOMParser().parseFromString(out, 'application/xhtml+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.querySelector('h1')?.textContent).toBe('Chapter One');
    expect(doc.querySelectorAll('link')).toHaveLength(1);
    expect(doc.querySelector('link')?.getAttribute('href')).toBe('blob:http://127.0.0.1/abc');
    expect(doc.querySelector('style')?.textContent).toContain('text-indent');
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('blob:http://127.0.0.1/pic');
    expect(doc.querySelector('a[href="notes.xhtml#n1"]')?.getAttribute('epub:type')).toBe('noteref');
    expect(doc.querySelector('p')?.getAttribute('style')).toBe('color: red');
    for (const bad of ['<script', 'alert', 'onerror', 'javascript:', 'refresh', '<iframe', 'FALLBACK', '<form', '<input', 'evil.example']) expect(out).not.toContain(bad);
    expect(out).toContain('https://ok.example/');
  });

  it('reads a chapter that is not well-formed XHTML as HTML, as readers do', () => {
    const out = sanitize('<html><body><p>Broken <b>markup<p>and more<script>alert(1)</script></body></html>', 'application/xhtml+xml');
    expect(out).toContain('and more');
    expect(out).not.toContain('script');
  });
});
