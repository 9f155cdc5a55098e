/**
 * Gold citations from a web page made with pandoc --citeproc and link-citations: every cited work
 * is a link to "#ref-KEY", and every entry a `div.csl-entry` with that id. Pages have no page
 * numbers, so every citation is on page 1.
 */
import { Parser } from 'htmlparser2';
import type { GoldFromLinks } from './pdf-links';

/** Reads the citation links and the entries of a pandoc-made page. */
export function goldFromHtml(html: string): GoldFromLinks {
  const entries: Array<{ key: string; text: string }> = [];
  const links: Array<{ key: string; text: string }> = [];
  let entry: { key: string; text: string } | undefined;
  let entryDepth = 0;
  let link: { key: string; text: string } | undefined;
  let depth = 0;
  const parser = new Parser({
    onopentag(name, attrs) {
      depth += 1;
      if (name === 'div' && (attrs.class ?? '').split(/\s+/u).includes('csl-entry') && attrs.id?.startsWith('ref-')) {
        entry = { key: attrs.id.slice(4), text: '' };
        entryDepth = depth;
      } else if (name === 'a' && attrs.href?.startsWith('#ref-') && !entry) {
        link = { key: attrs.href.slice(5), text: '' };
      }
    },
    ontext(text) {
      if (entry) entry.text += text;
      if (link) link.text += text;
    },
    onclosetag(name) {
      if (name === 'a' && link) {
        links.push(link);
        link = undefined;
      }
      if (entry && depth === entryDepth) {
        entries.push({ key: entry.key, text: entry.text.replace(/\s+/gu, ' ').trim() });
        entry = undefined;
      }
      depth -= 1;
    },
  }, { decodeEntities: true });
  parser.end(html);
  const indexOf = new Map(entries.map((e, i) => [e.key, i]));
  return {
    pages: 1,
    heading: { page: 1, text: 'References' },
    entries: entries.map((e, index) => ({ index, page: 1, text: e.text.slice(0, 120) })),
    citations: links.filter((l) => indexOf.has(l.key)).map((l) => ({ page: 1, text: l.text.replace(/\s+/gu, ' ').trim(), entry: indexOf.get(l.key)! })),
  };
}
