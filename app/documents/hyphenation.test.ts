import { describe, expect, it } from 'vitest';
import { buildVocabulary, documentVocabulary, endsWithBrokenWord, joinBrokenWord, trailingWord } from './hyphenation';

const LINES = [
  'The Close-Knit family of the film lives in a small town whose repre-',
  'sentation on screen is rare; its 𝐌𝐚𝐭𝐡 words and Ελληνικά ΛΟΓΟΣ stay whole,',
  'as do post‐war and mise-en-scène--and what a dash-',
  '',
  'Later the text writes representation and contrasts in full.',
];

describe('buildVocabulary', () => {
  it('holds every word in lowercase, compounds as written, and no fragment broken at a line end', () => {
    const words = buildVocabulary(LINES);
    // Mathematical bold letters have no lowercase: the word stays as written.
    for (const word of ['close-knit', 'representation', 'sentation', 'contrasts', '𝐌𝐚𝐭𝐡', 'ελληνικά', 'post‐war', 'mise-en-scène', 'a']) {
      expect(words.has(word)).toBe(true);
    }
    for (const word of ['repre', 'dash', 'close', 'Close-Knit', 'post-war', 'mise-en-scène--and']) expect(words.has(word)).toBe(false);
  });
});

describe('documentVocabulary', () => {
  it('answers every question as the whole vocabulary does, asked or not in advance', () => {
    const whole = buildVocabulary(LINES);
    let reads = 0;
    const lazy = documentVocabulary(() => {
      reads += 1;
      return LINES;
    });
    expect(reads).toBe(0);
    // "repre" + "sentation" is asked in advance; the others only read the whole vocabulary.
    for (const word of ['representation', 'repre-sentation', 'dash-later', 'dashlater', 'contrasts', 'close-knit', 'family', 'nothing', 'λογοσ', 'λογος']) {
      expect(lazy.has(word)).toBe(whole.has(word));
    }
    expect(reads).toBe(1);
  });
});

describe('joining a broken word', () => {
  const words = buildVocabulary(LINES);

  it('reads the broken word and its end by code point', () => {
    expect(endsWithBrokenWord('a repre-')).toBe(true);
    expect(endsWithBrokenWord('a repre\u00ad')).toBe(true);
    expect(endsWithBrokenWord('a —-')).toBe(false);
    expect(endsWithBrokenWord('-')).toBe(false);
    expect(trailingWord('the 𝐌𝐚𝐭𝐡')).toBe('𝐌𝐚𝐭𝐡');
    expect(trailingWord('the end.')).toBe('');
  });

  it('drops the hyphen of a word the text writes whole and keeps that of a compound', () => {
    expect(joinBrokenWord('a repre-', 'sentation of', words)).toBe('a representation of');
    expect(joinBrokenWord('the close-', 'knit family', words)).toBe('the close-knit family');
    expect(joinBrokenWord('a post-', 'Soviet town', words)).toBe('a post-Soviet town');
    expect(joinBrokenWord('a soft repre\u00ad', 'sentation', words)).toBe('a soft representation');
  });
});
