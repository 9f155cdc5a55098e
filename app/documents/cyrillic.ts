/**
 * Telling windows-1251 from KOI8-R. Both code pages put Cyrillic letters in 0xC0-0xFF but in a
 * different order and with the cases swapped, so decoding with the wrong one yields Cyrillic
 * letters in the wrong frequencies and with capitals inside words. Scoring both decodings by
 * Russian letter frequency and letter case picks the right one even on a short line.
 */

/** Relative frequency (per cent) of each lowercase letter in Russian prose. */
const RUSSIAN_LETTER_FREQUENCY: Record<string, number> = {
  о: 10.97, е: 8.45, а: 8.01, и: 7.35, н: 6.7, т: 6.26, с: 5.47, р: 4.73, в: 4.54, л: 4.4,
  к: 3.49, м: 3.21, д: 2.98, п: 2.81, у: 2.62, я: 2.01, ы: 1.9, ь: 1.74, г: 1.7, з: 1.65,
  б: 1.59, ч: 1.44, й: 1.21, х: 0.97, ж: 0.94, ш: 0.73, ю: 0.64, ц: 0.48, щ: 0.36, э: 0.32,
  ф: 0.26, ъ: 0.04, ё: 0.04,
  // Ukrainian and Belarusian letters exist in windows-1251; give them a modest weight.
  і: 0.5, ї: 0.1, є: 0.1, ґ: 0.02, ў: 0.02,
};

/** Letters absent from the table (Serbian ђ, Macedonian ѓ ...) are rare in Russian text. */
const UNKNOWN_LETTER_FREQUENCY = 0.01;
/** A capital right after a lowercase letter ("рРИВЕТ") is the mark of a swapped-case decoding. */
const CASE_FLIP_PENALTY = Math.log(0.005);

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** How Russian-like a decoded text is. */
export interface CyrillicScore {
  /** Mean log-likelihood per Cyrillic letter; near -3 for real Russian, well below for noise. */
  perLetter: number;
  /** Number of Cyrillic letters seen. */
  letters: number;
  /** Share of Cyrillic letters that sit in words written wholly in Cyrillic. */
  pureWordShare: number;
}

/** Scores `text` as Russian (or another Cyrillic language written in the same letters). */
export function scoreCyrillic(text: string): CyrillicScore {
  let total = 0;
  let letters = 0;
  let previous = '';
  for (const char of text) {
    if (CYRILLIC.test(char)) {
      const lower = char.toLowerCase();
      total += Math.log((RUSSIAN_LETTER_FREQUENCY[lower] ?? UNKNOWN_LETTER_FREQUENCY) / 100);
      const isUpper = lower !== char;
      if (isUpper && previous !== '' && CYRILLIC.test(previous) && previous.toLowerCase() === previous) {
        total += CASE_FLIP_PENALTY;
      }
      letters += 1;
    }
    previous = char;
  }
  let pureLetters = 0;
  for (const word of text.split(/[^\p{L}]+/u)) {
    const cyrillic = [...word].filter((c) => CYRILLIC.test(c)).length;
    if (cyrillic > 0 && cyrillic === [...word].length) pureLetters += cyrillic;
  }
  return {
    perLetter: letters === 0 ? -Infinity : total / letters,
    letters,
    pureWordShare: letters === 0 ? 0 : pureLetters / letters,
  };
}

/**
 * Real Russian scores about -3.1 per letter; uniformly random letters about -4.4, and a
 * swapped-case decoding lower still. The threshold sits between them.
 */
export const PLAUSIBLE_PER_LETTER = -3.9;

/** True when a decoding looks like genuine Cyrillic text rather than mojibake. */
export function isPlausibleCyrillic(score: CyrillicScore): boolean {
  return score.letters > 0 && score.perLetter >= PLAUSIBLE_PER_LETTER && score.pureWordShare >= 0.8;
}
