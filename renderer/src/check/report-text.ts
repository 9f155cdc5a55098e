/**
 * The quote check's report in words: the summary line, verdicts, locators and what is wrong
 * with a citation, as the Check view shows them. Pure, so the wording is tested on its own.
 */
import type { PassageLocator } from '../../../app/citations/quote-citation';
import type { CslItem } from '../../../app/documents/model';
import type { CheckReport, CitationProblem, QuoteCheck, QuoteVerdict } from '../../../app/check/report';
import type { CheckProgress } from './check-protocol';

/** The styles the expected citations can be in: the export dialog's styles (ids the export code resolves). */
export const CHECK_STYLES = [
  { id: 'apa', label: 'APA 7' },
  { id: 'mla', label: 'MLA 9' },
  { id: 'chicago', label: 'Chicago (author-date)' },
  { id: 'gost-r-7-0-5-2008', label: 'GOST R 7.0.5-2008' },
] as const;

/** "1 quotation", "3 quotations". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The verdict as the badge writes it (the badge's colour only repeats it). */
export function verdictLabel(verdict: QuoteVerdict): string {
  return verdict === 'verbatim' ? 'Verbatim' : verdict === 'differs' ? 'Differs' : 'Not found';
}

/** The summary line's parts, in order: quotations, citation problems, the reference list. */
export function summaryParts(summary: CheckReport['summary']): string[] {
  const differ = summary.differs === 1 ? '1 differs' : `${summary.differs} differ`;
  return [
    `${count(summary.quotes, 'quotation')}: ${summary.verbatim} verbatim, ${differ}, ${summary.notFound} not found`,
    count(summary.citationProblems, 'citation problem'),
    `references: ${summary.citedNotListed} cited but not listed, ${summary.listedNotCited} listed but never cited`,
  ];
}

/** The summary as one line, for a screen reader's announcement and the page title. */
export function summaryLine(summary: CheckReport['summary']): string {
  return summaryParts(summary).join('; ');
}

/** "p. ii", "p. 12", "para. 14": what a style cites the passage by. */
export function locatorText(locator: PassageLocator | null | undefined): string | null {
  if (!locator) return null;
  return locator.label === 'page' ? `p. ${locator.value}` : `para. ${locator.value}`;
}

/** A pinpoint as the draft wrote it, with its label: "12" -> "p. 12", "405–406" -> "pp. 405–406", "¶ 10" stays. */
export function draftLocatorText(locator: string): string {
  const written = locator.trim();
  if (/^(¶|para|p\.|pp\.|page|chap|sec|§)/i.test(written)) return written;
  return /[–—-]/.test(written) ? `pp. ${written}` : `p. ${written}`;
}

/** The year of a work as a citation prints it ("n.d." when unknown). */
export function workYear(item: CslItem): string {
  const year = item.issued?.['date-parts']?.[0]?.[0];
  return year === undefined || year === null || String(year) === '' ? 'n.d.' : String(year);
}

/** The family names of a work's authors (or editors), as a sentence names them: "Ezerova", "Sharp and McDowell". */
export function workAuthors(item: CslItem): string {
  const people = item.author?.length ? item.author : (item.editor ?? []);
  const names = people.map((person) => person.family ?? person.literal ?? '').filter((name) => name !== '');
  if (names.length === 0) return 'an unnamed author';
  return names.length <= 2 ? names.join(' and ') : `${names[0]} et al.`;
}

/** One problem of a found quotation's citation, in a sentence the student can act on. */
export function problemText(problem: CitationProblem, check: QuoteCheck): string {
  const source = check.source;
  const found = check.citation?.found;
  const where = locatorText(source?.locator);
  const paragraph = source?.locator?.label === 'paragraph';
  const expected = check.citation?.expected;
  switch (problem) {
    case 'missing-citation':
      return `The citation is missing: nothing cites this quotation${expected ? `; cite it as ${expected}` : ''}.`;
    case 'wrong-author':
      return `The author is wrong: the source is by ${source ? workAuthors(source.item) : 'someone else'}, the draft names ${found?.names.length ? found.names.join(' and ') : 'no author'}.`;
    case 'wrong-year':
      return `The year is wrong: the source is from ${source ? workYear(source.item) : 'another year'}, the draft says ${found?.year ?? 'no year'}.`;
    case 'wrong-page': {
      const said = found?.locator ? draftLocatorText(found.locator) : 'another place';
      return paragraph
        ? `The paragraph is wrong: the passage is in ${where ?? 'another paragraph'}, the draft says ${said}.`
        : `The page is wrong: the passage is on ${where ?? 'another page'}, the draft says ${said}.`;
    }
    case 'missing-page':
      return paragraph ? `The paragraph is missing: the passage is in ${where ?? 'a paragraph the draft does not give'}.` : `The page is missing: the passage is on ${where ?? 'a page the draft does not give'}.`;
  }
}

/** What a row says about its citation when nothing is wrong, or what it cannot say. */
export function citationStatus(check: QuoteCheck): string {
  if (check.verdict === 'not-found') return 'No source in the library holds these words, so there is no citation to compare.';
  if (!check.citation || check.citation.problems.length === 0) return 'The citation is right.';
  return count(check.citation.problems.length, 'problem');
}

/** A row's name for screen readers and the keyboard: verdict, source and locator, problems. */
export function rowLabel(check: QuoteCheck, index: number): string {
  const parts = [`Quotation ${index + 1}: ${verdictLabel(check.verdict)}`];
  if (check.source) parts.push(`${check.source.title}${locatorText(check.source.locator) ? `, ${locatorText(check.source.locator)}` : ''}`);
  if (check.citation?.problems.length) parts.push(count(check.citation.problems.length, 'citation problem'));
  if (check.source) parts.push('Enter opens the source at the passage');
  return parts.join('. ');
}

/** The file name the Markdown report is saved under: "essay.docx" -> "essay-quote-check.md". */
export function reportFileName(draftName: string): string {
  const base =
    Array.from(draftName.replace(/\.[^./\\]+$/, ''), (c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '-' : c))
      .join('')
      .replace(/-+/g, '-')
      .trim() || 'draft';
  return `${base.slice(0, 80)}-quote-check.md`;
}

/** What a running check is doing, for the status line. */
export function progressText(progress: CheckProgress | null): string {
  if (!progress || progress.phase === 'draft') return 'Reading the draft…';
  if (progress.phase === 'sources') return `Reading your sources: ${progress.done} of ${progress.total}`;
  return `Looking up the quotations in ${count(progress.sources, 'source')}…`;
}
