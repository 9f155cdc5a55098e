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
  return isLinkList(element);
}

/** A list or box that is mostly links (a menu, a tag cloud, "more stories"). */
function isLinkList(element: Element): boolean {
  if (!['ul', 'ol', 'div', 'section', 'table', 'p'].includes(element.name)) return false;
  const links = findAll(element, (e) => e.name === 'a').length;
  if (links < 3) return false;
  const { all, linked } = measureText(element, false);
  return all > 0 && linked / all > 0.6;
}

/** The element holding the page's article, and whether it is an article (not the whole body). */
export function chooseContentRoot(document: Document): { root: AnyNode; inArticle: boolean } {
  const body = findFirst(document, (e) => e.name === 'body') ?? document;
  const bodyScore = score(body);
  for (const candidate of candidates(document)) {
    const candidateScore = score(candidate);
    // A quarter of the body's prose is enough: comment threads the markup does not label can be long.
    if (candidateScore >= 140 && candidateScore >= bodyScore * 0.25) return { root: candidate, inArticle: true };
  }
  return { root: body, inArticle: false };
}

function candidates(document: Document): Element[] {
  const articles = findAll(document, (e) => e.name === 'article');
  const scored = articles.map((a) => ({ a, s: score(a) })).sort((x, y) => y.s - x.s);
  const total = scored.reduce((sum, x) => sum + x.s, 0);
  const best = scored[0];
  // Several articles of similar size are a listing page: no single one is the page's content.
  const article = best && best.s >= total * 0.6 ? [best.a] : [];
  const body = findAll(document, (e) => attr(e, 'itemprop') === 'articleBody');
  const main = findAll(document, (e) => e.name === 'main' || attr(e, 'role') === 'main');
  return [...article, ...body, ...main];
}

/** Prose in an element: characters of text outside links, furniture skipped. */
function score(node: AnyNode): number {
  const { all, linked } = measureText(node, true);
  return all - linked;
}

function measureText(node: AnyNode, skipBoilerplate: boolean): { all: number; linked: number } {
  const totals = { all: 0, linked: 0 };
  const walk = (n: AnyNode, inLink: boolean): void => {
    if (isText(n)) {
      const length = n.data.replace(/\s+/g, ' ').trim().length;
      totals.all += length;
      if (inLink) totals.linked += length;
      return;
    }
    if (isTag(n) && (isNeverText(n) || (skipBoilerplate && n !== node && isBoilerplate(n, false)))) return;
    const link = inLink || (isTag(n) && n.name === 'a');
    for (const child of 'children' in n ? n.children : []) walk(child, link);
  };
  walk(node, false);
  return totals;
}
