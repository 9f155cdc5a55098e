/**
 * Nesting cut in the markup itself, before any parser sees it. htmlparser2 keeps its open
 * elements in an array it shifts at the front, so each tag costs time in proportion to the
 * depth: a page of 100,000 nested divs takes seconds to parse, ten times deeper takes hours.
 * A light scan counts open elements as the parser would and drops the tags of every element
 * opened deeper than the limit (their text stays where it was), so the parser never sees more
 * than that depth. The count is approximate (elements whose end tag HTML lets a page omit are
 * not counted); the tree is cut again exactly after parsing (limitDepth in html-dom.ts).
 */

/** HTML elements that never have content. */
const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** HTML elements whose end tag may be left out: the parser closes them itself, so they do not nest. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rb', 'rt', 'rtc', 'rp', 'colgroup', 'caption', 'html', 'head', 'body']);
/** HTML elements whose content is text up to their end tag, never markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'iframe', 'plaintext']);

const NAME = /[A-Za-z][^\s/>]*/y;

/** The markup with elements deeper than `maxDepth` unwrapped, whether any was, and how deep the markup nested. */
export function limitTagDepth(source: string, maxDepth: number, xml: boolean): { source: string; flattened: boolean; deepest: number } {
  const kept: string[] = [];
  let copiedTo = 0;
  let depth = 0;
  /** Elements opened beyond the limit whose end tags are still to come. */
  let dropped = 0;
  let flattened = false;
  let deepest = 0;
  let at = source.indexOf('<');
  const drop = (from: number, to: number) => {
    kept.push(source.slice(copiedTo, from));
    copiedTo = to;
  };
  while (at >= 0 && at < source.length) {
    const next = source[at + 1] ?? '';
    let end: number;
    if (next === '!') {
      end = source.startsWith('<!--', at) ? closeOf(source, '-->', at + 4) : source.startsWith('<![CDATA[', at) ? closeOf(source, ']]>', at + 9) : closeOf(source, '>', at);
    } else if (next === '?') {
      end = closeOf(source, '>', at);
    } else if (next === '/') {
      NAME.lastIndex = at + 2;
      const name = NAME.exec(source)?.[0].toLowerCase();
      end = closeOf(source, '>', at);
      if (name !== undefined && (xml || (!VOID.has(name) && !OPTIONAL_END.has(name)))) {
        if (dropped > 0) {
          dropped -= 1;
          drop(at, end);
        } else if (depth > 0) depth -= 1;
      }
    } else if (/[A-Za-z]/.test(next)) {
      NAME.lastIndex = at + 1;
      const name = (NAME.exec(source)?.[0] ?? '').toLowerCase();
      end = tagEnd(source, NAME.lastIndex);
      const selfClosing = xml && source[end - 2] === '/';
      const counts = !selfClosing && (xml || (!VOID.has(name) && !OPTIONAL_END.has(name)));
      if (counts && depth >= maxDepth) {
        dropped += 1;
        flattened = true;
        drop(at, end);
      } else if (counts) depth += 1;
      if (counts) deepest = Math.max(deepest, depth + dropped);
      if (!xml && RAW_TEXT.has(name)) {
        const close = new RegExp(`</${name}`, 'gi');
        close.lastIndex = end;
        end = close.exec(source)?.index ?? source.length;
      }
    } else {
      end = at + 1;
    }
    at = source.indexOf('<', end);
  }
  if (!flattened) return { source, flattened, deepest };
  kept.push(source.slice(copiedTo));
  return { source: kept.join(''), flattened, deepest };
}

/** Just past `marker` at or after `from`, or the end of the source. */
function closeOf(source: string, marker: string, from: number): number {
  const found = source.indexOf(marker, from);
  return found < 0 ? source.length : found + marker.length;
}

/** Just past the '>' that ends a start tag whose attributes begin at `from`, skipping quoted values. */
function tagEnd(source: string, from: number): number {
  let quote = '';
  for (let i = from; i < source.length; i++) {
    const char = source[i];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return i + 1;
  }
  return source.length;
}
