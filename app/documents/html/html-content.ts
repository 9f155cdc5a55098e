/**
 * Finding the article in a web page: the part a student means to read, without the site's
 * navigation, share bars, comment threads and newsletter boxes. The page's own markup is trusted
 * first (<article>, itemprop=articleBody, <main>, role=main); a text-density score makes sure
 * that choice really holds most of the page's prose before it wins over the whole body.
 */
import { attr, findAll, findFirst, isTag, isText, type AnyNode, type Document, type Element } from './html-dom';
import { declaresNote } from './html-notes';

/** Elements whose content is never text to read: code, embedded objects, forms, page chrome. */
export const NEVER_TEXT = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'noscript', 'template', 'form', 'nav',
  'button', 'select', 'input', 'textarea', 'svg', 'canvas', 'audio', 'video', 'map', 'head', 'title', 'meta', 'link', 'base',
]);

/** Class or id words of boilerplate boxes; matched as whole words of the class so "commentary" stays. */
const BOILERPLATE_WORDS =
  /(?:^|[\s_-])(?:comments?|share|sharing|social|related|newsletter|subscribe|cookies?|consent|advert|advertisement|ads?|promo|sidebar|menu|breadcrumbs?|masthead|skip-link)(?:$|[\s_-])/i;
const BOILERPLATE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog']);
const LINK_LIST_TAGS = new Set(['ul', 'ol', 'div', 'section', 'table']);

/** Text measures of an element's subtree, computed once per element. */
interface TextStats {
  /** Characters of text (whitespace collapsed). */
  all: number;
  /** Characters inside links. */
  linked: number;
  links: number;
  /** Characters of prose: outside links, hidden parts and page furniture. */
  prose: number;
}

const STATS = new WeakMap<Element, TextStats>();

/** True for an element the reader should not see at all (hidden, or never text). */
export function isNeverText(element: Element): boolean {
  if (NEVER_TEXT.has(element.name)) return true;
  if ('hidden' in element.attribs || attr(element, 'aria-hidden') === 'true') return true;
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attr(element, 'style'));
}

/**
 * True for page furniture inside a web page. `inArticle` keeps an article's own header (its
 * headline and byline), which a page-level header would not hold.
 */
export function isBoilerplate(element: Element, inArticle: boolean): boolean {
  const name = element.name;
  if (name === 'aside') return !declaresNote(element);
  if ((name === 'header' && !inArticle) || name === 'footer') return true;
  if (BOILERPLATE_ROLES.has(attr(element, 'role'))) return true;
  if (BOILERPLATE_WORDS.test(attr(element, 'class')) || BOILERPLATE_WORDS.test(attr(element, 'id'))) return true;
  if (!LINK_LIST_TAGS.has(name)) return false;
  // A box that is mostly links: a menu, a tag cloud, "more stories".
  const stats = statsOf(element);
  return stats.links >= 3 && stats.all > 0 && stats.linked / stats.all > 0.6;
}

/** The element holding the page's article, and whether it is an article (not the whole body). */
export function chooseContentRoot(document: Document): { root: AnyNode; inArticle: boolean } {
  const body = findFirst(document, (e) => e.name === 'body');
  const bodyScore = body ? statsOf(body).prose : 0;
  for (const candidate of candidates(document)) {
    const score = statsOf(candidate).prose;
    // A quarter of the body's prose is enough: comment threads the markup does not label can be long.
    if (score >= 140 && score >= bodyScore * 0.25) return { root: candidate, inArticle: true };
  }
  return { root: body ?? document, inArticle: false };
}

function candidates(document: Document): Element[] {
  const scored = findAll(document, (e) => e.name === 'article')
    .map((a) => ({ a, s: statsOf(a).prose }))
    .sort((x, y) => y.s - x.s);
  const total = scored.reduce((sum, x) => sum + x.s, 0);
  const best = scored[0];
  // Several articles of similar size are a listing page: no single one is the page's content.
  const article = best && best.s >= total * 0.6 ? [best.a] : [];
  const body = findAll(document, (e) => attr(e, 'itemprop') === 'articleBody');
  const main = findAll(document, (e) => e.name === 'main' || attr(e, 'role') === 'main');
  return [...article, ...body, ...main];
}

/** Measures an element, children first, without recursion (pages can nest thousands deep). */
function statsOf(root: Element): TextStats {
  const cached = STATS.get(root);
  if (cached) return cached;
  const stack: { element: Element; visited: boolean }[] = [{ element: root, visited: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { element: Element; visited: boolean };
    const children = top.element.children.filter(isTag).filter((c) => !STATS.has(c));
    if (!top.visited && children.length > 0) {
      top.visited = true;
      for (const child of children) stack.push({ element: child, visited: false });
      continue;
    }
    stack.pop();
    STATS.set(top.element, measure(top.element));
  }
  return STATS.get(root) ?? { all: 0, linked: 0, links: 0, prose: 0 };
}

/** Combines the stats of an element's children (already measured) with its own text. */
function measure(element: Element): TextStats {
  const isLink = element.name === 'a';
  const stats: TextStats = { all: 0, linked: 0, links: isLink ? 1 : 0, prose: 0 };
  if (isNeverText(element)) return stats;
  for (const child of element.children as AnyNode[]) {
    if (isText(child)) {
      const length = child.data.replace(/\s+/g, ' ').trim().length;
      stats.all += length;
      if (!isLink) stats.prose += length;
    } else if (isTag(child)) {
      const inner = STATS.get(child) ?? { all: 0, linked: 0, links: 0, prose: 0 };
      stats.all += inner.all;
      stats.linked += inner.linked;
      stats.links += inner.links;
      if (!isLink && !isBoilerplate(child, false)) stats.prose += inner.prose;
    }
  }
  if (isLink) stats.linked = stats.all;
  return stats;
}
