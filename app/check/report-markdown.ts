/**
 * The quote check's report as Markdown a student pastes into her notes: a summary line, then
 * one section per quotation (verdict, the quotation, its diff with ~~left out~~ and **added**
 * words, the source with its locator, the citation the style expects and what is wrong with
 * the draft's), then the reference list check. Everything from the draft or the library is
 * escaped, so a quotation full of asterisks reads as written.
 */
import type { PassageLocator } from '../citations/quote-citation';
import { escapeMarkdown } from '../export/markdown-escape';
import type { CheckReport, CitationProblem, DiffPart, QuoteCheck, QuoteVerdict } from './report';

const VERDICTS: Record<QuoteVerdict, string> = { verbatim: 'Verbatim', differs: 'Differs from the source', 'not-found': 'Not found in the library' };

/** What each citation problem means, in words. */
export const PROBLEM_TEXT: Record<CitationProblem, string> = {
  'missing-citation': 'no citation beside the quotation',
  'wrong-author': 'the citation names another author',
  'wrong-year': 'the citation gives another year',
  'wrong-page': 'the citation gives another page or paragraph',
  'missing-page': 'the citation gives no page or paragraph',
};

/** "p. ii", "para. 4". */
export function locatorText(locator: PassageLocator | null | undefined): string {
  if (!locator) return '';
  return locator.label === 'page' ? `p. ${locator.value}` : `para. ${locator.value}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function diffMarkdown(parts: readonly DiffPart[]): string {
  return parts
    .map((part) => {
      const text = escapeMarkdown(oneLine(part.text));
      return part.kind === 'same' ? text : part.kind === 'removed' ? `~~${text}~~` : `**${text}**`;
    })
    .join(' ');
}

function quoteSection(check: QuoteCheck, n: number): string[] {
  const lines = [`### ${n}. ${VERDICTS[check.verdict]}`, '', `> ${escapeMarkdown(oneLine(check.quote.text))}`, ''];
  if (check.diff) lines.push(`- Against the source (~~source only~~, **draft only**): ${diffMarkdown(check.diff)}`);
  if (check.source) {
    const where = locatorText(check.source.locator);
    lines.push(`- Source: ${escapeMarkdown(check.source.title)}${where ? `, ${where}` : ''}`);
  }
  const citation = check.citation;
  if (citation) {
    lines.push(`- Expected citation: ${escapeMarkdown(citation.expected)}`);
    if (citation.found) lines.push(`- Draft’s citation: ${escapeMarkdown(citation.found.text)}`);
    lines.push(citation.problems.length === 0 ? '- Citation: right' : `- Problems: ${citation.problems.map((p) => PROBLEM_TEXT[p]).join('; ')}`);
  }
  lines.push('');
  return lines;
}

/** The report as Markdown. */
export function reportMarkdown(report: CheckReport): string {
  const s = report.summary;
  const lines = [
    `# Quote check: ${escapeMarkdown(report.draft.fileName)}`,
    '',
    `${s.quotes} quotation${s.quotes === 1 ? '' : 's'} checked against ${report.sources} source${report.sources === 1 ? '' : 's'} (style: ${escapeMarkdown(report.style)}): ${s.verbatim} verbatim, ${s.differs} differ, ${s.notFound} not found; ${s.citationProblems} with citation problems.`,
    '',
    '## Quotations',
    '',
  ];
  if (report.quotes.length === 0) lines.push('The draft quotes nothing (quotations of fewer than four words are taken as scare quotes).', '');
  report.quotes.forEach((check, i) => lines.push(...quoteSection(check, i + 1)));
  lines.push('## Reference list', '');
  const refs = report.references;
  if (!refs.hasList) lines.push('The draft has no reference list (Works Cited, References, Bibliography).');
  else {
    if (refs.citedNotListed.length === 0 && refs.listedNotCited.length === 0) lines.push('Every citation has an entry and every entry is cited.');
    if (refs.citedNotListed.length > 0) lines.push('Cited but not listed:', '', ...refs.citedNotListed.map((c) => `- ${escapeMarkdown(c.text)}`), '');
    if (refs.listedNotCited.length > 0) lines.push('Listed but never cited:', '', ...refs.listedNotCited.map((e) => `- ${escapeMarkdown(oneLine(e.raw))}`));
  }
  return lines.join('\n').replace(/\n{3,}/gu, '\n\n').trimEnd() + '\n';
}
