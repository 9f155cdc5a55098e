/**
 * What a web page states about itself, from the vocabularies publishers use, strongest first:
 * Highwire citation_* tags (journals, repositories), Dublin Core, JSON-LD, Open Graph, and last
 * the <title> with the site's name taken off.
 */
import type { FormatReading } from '../format-importer';
import type { CslItem } from '../model';
import { attr, findAll, findFirst, textOf, type Document, type Element } from './html-dom';
import { httpBase } from './html-links';
import { readJsonLd } from './json-ld';
import { cleanDoi, parseStatedDate, parseStatedNames } from './stated-values';

/** A page's stated metadata, and its own address when it states one (for relative links). */
export interface HtmlMetadata {
  stated: FormatReading['stated'];
  baseUrl?: string;
}

/** Reads the metadata a parsed page states. */
export function readHtmlMetadata(document: Document): HtmlMetadata {
  const meta = collectMeta(document);
  const one = (...names: string[]): string | undefined => names.map((n) => meta.get(n)?.[0]).find((v) => v !== undefined);
  const all = (name: string): string[] => meta.get(name) ?? [];
  const ld = readJsonLd(document);
  const siteName = one('og:site_name');
  const canonical = findFirst(document, (e) => e.name === 'link' && attr(e, 'rel').toLowerCase() === 'canonical');
  const addresses = [
    ...['citation_public_url', 'citation_abstract_html_url', 'citation_fulltext_html_url', 'og:url', 'dc.identifier'].flatMap(all),
    attrOf(canonical, 'href'),
    ld?.url,
  ];
  const url = addresses.map(httpBase).find((u) => u !== undefined);
  const base = httpBase(attrOf(findFirst(document, (e) => e.name === 'base'), 'href')) ?? url;

  const title = one('citation_title', 'dc.title', 'dcterms.title') ?? ld?.title ?? one('og:title', 'twitter:title') ?? pageTitle(document, siteName);
  const authorNames = firstNonEmpty(all('citation_author'), all('dc.creator'), all('dcterms.creator'), ld?.authors ?? [], all('article:author'), all('author'));
  const author = parseStatedNames(authorNames);
  const issued = parseStatedDate(
    one('citation_publication_date', 'citation_date', 'citation_online_date', 'citation_cover_date', 'dc.date', 'dcterms.date', 'dcterms.issued') ??
      ld?.datePublished ?? one('article:published_time', 'date', 'pubdate'),
  );

  const extra: Partial<CslItem> = {};
  const journal = one('citation_journal_title', 'prism.publicationname');
  const proceedings = one('citation_conference_title');
  const book = one('citation_book_title', 'citation_inbook_title');
  const container = journal ?? proceedings ?? book ?? ld?.container ?? siteName;
  if (container) extra['container-title'] = container;
  setIf(extra, 'volume', one('citation_volume', 'prism.volume'));
  setIf(extra, 'issue', one('citation_issue', 'prism.number'));
  const first = one('citation_firstpage', 'prism.startingpage');
  const last = one('citation_lastpage', 'prism.endingpage');
  if (first) extra.page = last && last !== first ? `${first}–${last}` : first;
  setIf(extra, 'DOI', cleanDoi(one('citation_doi', 'dc.identifier', 'prism.doi')));
  setIf(extra, 'publisher', one('citation_publisher', 'dc.publisher', 'citation_technical_report_institution') ?? ld?.publisher);
  setIf(extra, 'ISSN', one('citation_issn', 'prism.issn'));
  setIf(extra, 'ISBN', one('citation_isbn'));
  setIf(extra, 'URL', url);
  setIf(extra, 'language', one('citation_language', 'dc.language') ?? attrOf(findFirst(document, (e) => e.name === 'html'), 'lang'));
  const scholarly = journal ? 'article-journal' : proceedings ? 'paper-conference' : book ? 'chapter' : undefined;
  const type = scholarly ?? webType(ld?.type, extra);
  if (type) extra.type = type;

  const stated: HtmlMetadata['stated'] = {};
  if (title) stated.title = title;
  if (author.length > 0) stated.author = author;
  if (issued) stated.issued = issued;
  if (Object.keys(extra).length > 0) stated.extra = extra;
  return { stated, ...(base ? { baseUrl: base } : {}) };
}

/** Meta tags by lowercased name or property; a tag can appear many times (one per author). */
function collectMeta(document: Document): Map<string, string[]> {
  const meta = new Map<string, string[]>();
  for (const tag of findAll(document, (e) => e.name === 'meta')) {
    const key = (attr(tag, 'name') || attr(tag, 'property') || attr(tag, 'itemprop')).trim().toLowerCase();
    const value = attr(tag, 'content').replace(/\s+/g, ' ').trim();
    if (!key || !value) continue;
    meta.set(key, [...(meta.get(key) ?? []), value]);
  }
  return meta;
}

/** The <title>, without a trailing " | Site Name" when that is the site's stated name. */
function pageTitle(document: Document, siteName: string | undefined): string | undefined {
  const element = findFirst(document, (e) => e.name === 'title');
  const title = element ? textOf(element) : '';
  if (!title) return undefined;
  if (siteName) {
    const parts = title.split(/\s+[|–—:·-]\s+/);
    if (parts.length > 1 && parts.at(-1)?.toLowerCase() === siteName.toLowerCase()) return parts.slice(0, -1).join(' – ');
    if (parts.length > 1 && parts[0]?.toLowerCase() === siteName.toLowerCase()) return parts.slice(1).join(' – ');
  }
  return title;
}

function webType(ldType: string | undefined, extra: Partial<CslItem>): string | undefined {
  if (ldType === 'ScholarlyArticle' || ldType === 'MedicalScholarlyArticle') return 'article-journal';
  if (ldType && /NewsArticle$/.test(ldType)) return 'article-newspaper';
  if (ldType === 'BlogPosting') return 'post-weblog';
  if (ldType === 'Report') return 'report';
  return extra.URL || extra['container-title'] ? 'webpage' : undefined;
}

function attrOf(element: Element | undefined, name: string): string | undefined {
  return element ? attr(element, name) || undefined : undefined;
}

function firstNonEmpty(...lists: string[][]): string[] {
  return lists.find((list) => list.length > 0) ?? [];
}

function setIf<K extends keyof CslItem>(item: Partial<CslItem>, key: K, value: CslItem[K] | undefined): void {
  if (value !== undefined && value !== '') item[key] = value;
}
