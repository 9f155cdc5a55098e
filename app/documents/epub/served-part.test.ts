import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createSectionSanitizer, type SectionWindow } from '../html/sanitize';
import { servePart } from './served-part';

const window = new JSDOM('').window as unknown as SectionWindow;
const sanitize = createSectionSanitizer(window);

const HOSTILE_SVG = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 600 800" onload="alert(1)">
<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>
<script>alert(2)</script><script xlink:href="https://evil.example/x.js"/>
<text x="10" y="20">Chapter text</text>
<a xlink:href="javascript:alert(3)"><text>bad link</text></a><a href="https://ok.example/"><text>good link</text></a>
<image xlink:href="blob:http://127.0.0.1/pic" width="10" height="10"/>
<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/"/></foreignObject>
<animate attributeName="href" to="javascript:alert(4)"/><set attributeName="onclick" to="alert(5)"/>
<use href="data:image/svg+xml,&lt;svg onload=alert(6)&gt;"/></svg>`;

describe('book parts served to the page view', () => {
  it('sanitizes an SVG chapter as SVG: text, shapes and pictures kept, nothing that runs', async () => {
    const served = await servePart(HOSTILE_SVG, 'image/svg+xml', sanitize);
    expect(served.type).toBe('image/svg+xml');
    const out = served.data as string;
    const doc = new window.DOMParser().parseFromString(out, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.getAttribute('viewBox')).toBe('0 0 600 800');
    expect(doc.querySelector('text')?.textContent).toBe('Chapter text');
    expect(doc.querySelector('linearGradient')).not.toBeNull();
    expect(out).toContain('blob:http://127.0.0.1/pic');
    expect(out).toContain('https://ok.example/');
    for (const bad of ['<script', 'alert', 'onload', 'onclick', 'javascript:', 'foreignObject', 'iframe', 'evil.example', 'data:']) expect(out).not.toContain(bad);
  });

  it('shows an SVG chapter that does not parse as an empty picture', async () => {
    const served = await servePart('<html><body><script>alert(1)</script>text', 'image/svg+xml', sanitize);
    expect(served.data).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
  });

  it('sanitizes markup whatever the case or parameters of its type, and markup handed over as a Blob', async () => {
    const page = '<html><body><p>Kept</p><script>alert(1)</script></body></html>';
    for (const type of ['TEXT/HTML; charset=utf-8', 'text/html']) {
      const served = await servePart(page, type, sanitize);
      expect(served.type).toBe('text/html');
      expect(served.data).toContain('<p>Kept</p>');
      expect(served.data).not.toContain('script');
    }
    const fromBlob = await servePart(new Blob([HOSTILE_SVG]), 'image/svg+xml', sanitize);
    expect(fromBlob.data).not.toContain('<script');
  });

  it('passes stylesheets, pictures and fonts through, and serves any other type as plain text', async () => {
    const png = new Blob([new Uint8Array([0x89, 0x50])]);
    expect(await servePart(png, 'image/png', sanitize)).toEqual({ data: png, type: 'image/png' });
    expect(await servePart('p { color: red }', 'text/css', sanitize)).toEqual({ data: 'p { color: red }', type: 'text/css' });
    for (const type of ['application/xml', 'text/xml', 'application/x-dtbook+xml', 'text/javascript', '']) {
      expect((await servePart('<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>', type, sanitize)).type).toBe('text/plain');
    }
  });
});
