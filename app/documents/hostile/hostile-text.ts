/** Hostile and broken text, Markdown and web pages: deep nesting, scripts, huge lines, NUL bytes, mis-encoding. */
import { latin1, named, utf8, type HostileFile } from './hostile-file';

const BINARY = 'does not look like a text file \\(it contains binary data\\)';
const FLATTENED_MD = 'nests lists or quotes more than 64 levels deep';
const FLATTENED_HTML = 'nests its content more than 200 levels deep';

/** UTF-16 little-endian without a byte-order mark. */
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[i * 2] = text.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

/** Bytes that are neither text nor a known encoding: a fixed pseudo-random sequence. */
const noise = (length: number) => Uint8Array.from({ length }, (_, i) => (Math.imul(i + 1, 2654435761) >>> 24) & 0xff);

export const HOSTILE_TEXTS: HostileFile[] = [
  {
    kind: 'Markdown: 10,000 nested lists',
    name: 'lists.md',
    build: () => utf8('- '.repeat(10_000) + 'deepest item\n\nafter the list'),
    expect: { imported: { contains: ['deepest item', 'after the list'], warning: named('lists.md', FLATTENED_MD) } },
  },
  {
    kind: 'Markdown: 10,000 nested block quotes',
    name: 'quotes.md',
    build: () => utf8('>'.repeat(10_000) + ' deepest quote\n\nafter the quote'),
    expect: { imported: { contains: ['deepest quote', 'after the quote'], warning: named('quotes.md', FLATTENED_MD) } },
  },
  {
    kind: 'Markdown: 2,000 lines each indented one level deeper',
    name: 'indented.md',
    build: () => utf8(Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i * 2)}- item ${i}`).join('\n')),
    expect: { imported: { contains: ['item 0', 'item 1999'], warning: named('indented.md', FLATTENED_MD) } },
  },
  {
    kind: 'Markdown: strong emphasis nested 10,000 deep',
    name: 'emphasis.md',
    build: () => utf8('**'.repeat(10_000) + 'core words' + '**'.repeat(10_000)),
    expect: { imported: { contains: ['core words'], warning: named('emphasis.md', 'could not be read as Markdown') } },
  },
  {
    kind: 'Markdown: raw HTML with scripts and handlers',
    name: 'raw-html.md',
    build: () => utf8('# Notes\n\n<img src=x onerror="steal()">\n\nKept paragraph.\n\n<div onclick="steal()">Div words</div>'),
    expect: { imported: { contains: ['Kept paragraph.', 'Div words'], absent: ['steal', 'onerror'] } },
  },
  {
    kind: 'Markdown: one 10 MB line',
    name: 'one-line.md',
    build: () => utf8('word '.repeat(2_000_000) + 'last'),
    expect: { imported: { contains: ['word word', 'last'], warning: named('one-line.md', 'could not be read as Markdown') } },
  },
  {
    kind: 'Markdown: NUL bytes',
    name: 'nul.md',
    build: () => utf8('# Title\n\nText with a \u0000 NUL byte in it.'),
    expect: { refused: named('nul.md', BINARY) },
  },
  {
    kind: 'HTML: 100,000 nested divs',
    name: 'divs.html',
    build: () => utf8('<div>'.repeat(100_000) + 'deep text' + '</div>'.repeat(100_000) + '<p>shallow text</p>'),
    expect: { imported: { contains: ['deep text', 'shallow text'], warning: named('divs.html', FLATTENED_HTML) } },
  },
  {
    kind: 'HTML: 100,000 nested spans inside a paragraph',
    name: 'spans.html',
    build: () => utf8('<p>Start ' + '<span>'.repeat(100_000) + 'inner words' + '</span>'.repeat(100_000) + ' end.</p>'),
    expect: { imported: { contains: ['Start', 'inner words', 'end.'], warning: named('spans.html', FLATTENED_HTML) } },
  },
  {
    kind: 'HTML: scripts, handlers, frames, forms, refresh and script links',
    name: 'scripts.html',
    build: () =>
      utf8(`<html><head><meta http-equiv="refresh" content="0;url=https://evil.example/"><script>window.SCRIPT_RAN = 1</script></head><body><article><h1>Safe Heading</h1>
        <p onclick="steal()">Before <img src="x" onerror="steal()"> after.</p><p><a href="javascript:alert(1)">script link</a></p>
        <iframe src="https://evil.example/">FRAME TEXT</iframe><form><input value="FORM VALUE"><button>SEND</button></form>
        <p>End of the story, long enough to be the article.</p></article></body></html>`),
    expect: { imported: { contains: ['Safe Heading', 'Before after.', 'script link', 'End of the story'], absent: ['SCRIPT_RAN', 'steal', 'FRAME TEXT', 'FORM VALUE', 'SEND', 'evil.example'] } },
  },
  {
    kind: 'HTML: SVG with a script and a foreign object',
    name: 'svg.html',
    build: () => utf8('<p>Figure follows.</p><svg onload="steal()"><script>window.SVG_RAN = 1</script><foreignObject><p>FOREIGN TEXT</p></foreignObject><text>SVG LABEL</text></svg><p>After the figure.</p>'),
    expect: { imported: { contains: ['Figure follows.', 'After the figure.'], absent: ['SVG_RAN', 'steal', 'FOREIGN TEXT'] } },
  },
  {
    kind: 'HTML: JSON-LD nested 100,000 arrays deep',
    name: 'json-ld.html',
    build: () => utf8(`<script type="application/ld+json">${'['.repeat(100_000)}${']'.repeat(100_000)}</script><p>Body text of the page.</p>`),
    expect: { imported: { contains: ['Body text of the page.'] } },
  },
  {
    kind: 'HTML: a comment left open over 1 MB',
    name: 'open-comment.html',
    build: () => utf8('<p>Before the comment.</p><!--' + 'x'.repeat(1_000_000)),
    expect: { imported: { contains: ['Before the comment.'], absent: ['xxxx'] } },
  },
  {
    kind: 'HTML: one 10 MB paragraph',
    name: 'one-paragraph.html',
    build: () => utf8('<p>' + 'word '.repeat(2_000_000) + 'last</p>'),
    expect: { imported: { contains: ['word word', 'last'] } },
  },
  {
    kind: 'HTML: NUL bytes',
    name: 'nul.html',
    build: () => latin1('<p>Text\u0000with NUL bytes\u0000</p>'),
    expect: { refused: named('nul.html', 'does not look like a web page') },
  },
  {
    kind: 'HTML: declares UTF-8, written in windows-1252',
    name: 'mislabelled.html',
    build: () => latin1('<meta charset="utf-8"><p>Caf\u00e9 na\u00efve, the r\u00e9sum\u00e9 \u0093quoted\u0094.</p>'),
    expect: { imported: { contains: ['Café naïve, the résumé “quoted”.'] } },
  },
  {
    kind: 'Text: NUL bytes',
    name: 'nul.txt',
    build: () => latin1('Some words\u0000\u0000 and more words'),
    expect: { refused: named('nul.txt', BINARY) },
  },
  {
    kind: 'Text: random bytes named .txt',
    name: 'noise.txt',
    build: () => noise(100_000),
    expect: { refused: named('noise.txt', BINARY) },
  },
  {
    kind: 'Text: windows-1252 (curly quotes, euro sign)',
    name: 'western.txt',
    build: () => latin1('The caf\u00e9 \u0093quoted\u0094 r\u00e9sum\u00e9 \u0096 na\u00efve, \u0080 prices.'),
    expect: { imported: { contains: ['The café “quoted” résumé – naïve, € prices.'] } },
  },
  {
    kind: 'Text: UTF-16 without a byte-order mark',
    name: 'utf16.txt',
    build: () => utf16le('Notes saved as UTF-16 by a Windows tool, without a byte-order mark.'),
    expect: { imported: { contains: ['Notes saved as UTF-16 by a Windows tool, without a byte-order mark.'] } },
  },
  {
    kind: 'Text: one 20 MB line',
    name: 'one-line.txt',
    build: () => utf8('word '.repeat(4_000_000) + 'last'),
    expect: { imported: { contains: ['word word', 'last'] } },
  },
  {
    kind: 'Text: control characters throughout',
    name: 'controls.txt',
    build: () => latin1('Words\u0001\u0002\u0003 '.repeat(1000)),
    expect: { refused: named('controls.txt', BINARY) },
  },
  {
    kind: 'Text: only whitespace',
    name: 'blank.txt',
    build: () => utf8(' \n\t\n   \n'),
    expect: { refused: named('blank.txt', 'is empty') },
  },
];
