/**
 * Quotation marks for a quoted passage, shared by Copy quote and notebook quotes so both nest a
 * quote within a quote the same way. Kept apart from quote-copy.ts, which loads the CSL engine.
 */

/**
 * The quote on one line, with quotation marks inside it turned to single ones: the whole is
 * wrapped in double marks, and a quote within a quote takes single marks in English.
 */
export function normaliseQuote(quote: string): string {
  return quote
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/(^|[\s([{—–-])["“„]/gu, '$1‘')
    .replace(/["”“]/gu, '’');
}

/** The passage in typographic double quotes, its inner quotes single: “called it ‘Tesnota’”. */
export function inQuotes(quote: string): string {
  return `“${normaliseQuote(quote)}”`;
}
