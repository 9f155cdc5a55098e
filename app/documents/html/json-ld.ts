/**
 * Schema.org metadata from <script type="application/ld+json">. The script's text is parsed with
 * JSON.parse as data and never executed; anything that is not valid JSON is ignored.
 */
import { findAll, attr, textOf, type Document } from './html-dom';

/** What a page's JSON-LD says about its article. */
export interface JsonLdArticle {
  type: string;
  title?: string;
  authors: string[];
  datePublished?: string;
  publisher?: string;
  container?: string;
  url?: string;
}

const ARTICLE_TYPES = /^(?:Article|NewsArticle|ScholarlyArticle|BlogPosting|Report|TechArticle|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|SocialMediaPosting|MedicalScholarlyArticle|Chapter|Book|WebPage)$/;

/** The first article-like object in the page's JSON-LD, or undefined. */
export function readJsonLd(document: Document): JsonLdArticle | undefined {
  const scripts = findAll(document, (e) => e.name === 'script' && attr(e, 'type').toLowerCase().includes('ld+json'));
  const objects = scripts.flatMap((script) => flatten(parseJson(textOf(script))));
  const ranked = objects
    .map((o) => ({ o, type: typesOf(o).find((t) => ARTICLE_TYPES.test(t)) }))
    .filter((x): x is { o: Record<string, unknown>; type: string } => x.type !== undefined)
    // A page's WebPage wrapper is the weakest statement; an Article object wins over it.
    .sort((a, b) => Number(a.type === 'WebPage') - Number(b.type === 'WebPage'));
  const first = ranked[0];
  if (!first) return undefined;
  const { o, type } = first;
  const article: JsonLdArticle = { type, authors: namesOf(o.author ?? o.creator) };
  const title = str(o.headline) ?? str(o.name);
  if (title) article.title = title;
  const date = str(o.datePublished) ?? str(o.dateCreated);
  if (date) article.datePublished = date;
  const publisher = namesOf(o.publisher)[0];
  if (publisher) article.publisher = publisher;
  const container = namesOf(o.isPartOf)[0];
  if (container) article.container = container;
  // The page wrapper often carries the address the article itself leaves out.
  const url = str(o.url) ?? str(o.mainEntityOfPage) ?? ranked.map((x) => str(x.o.url)).find((u) => u !== undefined);
  if (url) article.url = url;
  return article;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** How deep arrays and @graph lists are looked into: real pages nest two or three levels. */
const MAX_JSON_DEPTH = 8;

/** Every object of a parsed script and of its @graph lists, in order; without recursion (a hostile script nests thousands deep). */
function flatten(root: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() ?? { value: undefined, depth: 0 };
    if (depth > MAX_JSON_DEPTH) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i] as unknown, depth: depth + 1 });
    } else if (isObject(value)) {
      found.push(value);
      const graph = value['@graph'];
      if (Array.isArray(graph)) stack.push({ value: graph, depth: depth + 1 });
    }
  }
  return found;
}

function typesOf(o: Record<string, unknown>): string[] {
  const type = o['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** Names of a person, organisation, or list of them (objects with `name`, or plain strings). */
function namesOf(value: unknown, depth = 0): string[] {
  if (Array.isArray(value)) return depth < 2 ? value.flatMap((v: unknown) => namesOf(v, depth + 1)) : [];
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (isObject(value)) return [str(value.name)].filter((n): n is string => n !== undefined);
  return [];
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (isObject(value) && typeof value['@id'] === 'string') return value['@id'];
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
