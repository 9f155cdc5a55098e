/**
 * Trimming by character sets with plain loops. Regexes such as /[,;]+$/ rescan a run of those
 * characters from every start position, which is quadratic on hostile input; these are linear.
 */

/** Removes leading characters that are in `chars` (whitespace always counts). */
export function trimStartChars(text: string, chars: string): string {
  let i = 0;
  while (i < text.length && (chars.includes(text[i] as string) || /\s/.test(text[i] as string))) i++;
  return text.slice(i);
}

/** Removes trailing characters that are in `chars` (whitespace always counts). */
export function trimEndChars(text: string, chars: string): string {
  let j = text.length;
  while (j > 0 && (chars.includes(text[j - 1] as string) || /\s/.test(text[j - 1] as string))) j--;
  return text.slice(0, j);
}

/** Both ends. */
export function trimChars(text: string, chars: string): string {
  return trimEndChars(trimStartChars(text, chars), chars);
}

/** Collapses whitespace runs to one space and trims. */
export function squash(text: string): string {
  return text.split(/\s+/).filter(Boolean).join(' ');
}
