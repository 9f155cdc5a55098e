/**
 * "Copy as quote": a highlighted passage as a student pastes it into an essay, in typographic
 * quotation marks and followed by its in-text citation in the chosen style:
 * “the protagonist is a girl” (Ezerova, 2018, para. 10).
 */
import { quoteCitation, type PassageLocator } from '../citations/quote-citation';
import type { CslItem } from '../documents/model';
import { formatPassageCitation } from './passage-citation';
import { normaliseQuote } from './quote-marks';

export { normaliseQuote };

/** The styles the copy command offers. */
export type QuoteStyle = 'apa' | 'mla' | 'chicago' | (string & {});

/** The quote as plain text and as an HTML fragment for rich paste. */
export interface QuoteCopy {
  text: string;
  html: string;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function asLocator(locator: PassageLocator | string | undefined | null): PassageLocator | null {
  if (locator === undefined || locator === null || locator === '') return null;
  return typeof locator === 'string' ? { label: 'page', value: locator } : locator;
}

/**
 * `quote` in typographic quotes followed by the citation of `item` at `locator` (a string is
 * taken as a page) in `style`. A sentence-final full stop moves after the citation, as APA, MLA
 * and Chicago all place it. When the style is not available the passage is still cited, in
 * Lectern's own short form "(Ezerova 2018, ¶ 10)", so the command never fails.
 */
export function quoteWithCitation(quote: string, item: CslItem, locator: PassageLocator | string | undefined | null, style: QuoteStyle): QuoteCopy {
  let body = normaliseQuote(quote);
  let end = '';
  if (/[^.]\.$/u.test(body)) {
    body = body.slice(0, -1);
    end = '.';
  }
  const where = asLocator(locator);
  const text = formatPassageCitation(item, style, where);
  const html = formatPassageCitation(item, style, where, { output: 'html' });
  const citationText = text.ok ? text.value : quoteCitation(item, where);
  const citationHtml = html.ok ? html.value : escapeHtml(citationText);
  return {
    text: `“${body}” ${citationText}${end}`,
    html: `<span>“${escapeHtml(body)}” ${citationHtml}${end}</span>`,
  };
}
