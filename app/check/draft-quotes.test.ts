import { describe, expect, it } from 'vitest';
import { findDraftQuotes, titleKey } from './draft-quotes';
import { draftFromText } from './read-draft';

function quotes(text: string, titles: string[] = []): string[] {
  const draft = draftFromText(text);
  return findDraftQuotes(draft.text, draft.blocks, new Set(titles.map(titleKey))).map((q) => q.text);
}

describe('findDraftQuotes', () => {
  it('reads curly, straight, guillemet and low-9 quotations', () => {
    expect(quotes('She says “one two three four” and "five six seven eight", «neuf dix onze douze», „eins zwei drei vier“ and „fünf sechs sieben acht”.')).toEqual([
      'one two three four',
      'five six seven eight',
      'neuf dix onze douze',
      'eins zwei drei vier',
      'fünf sechs sieben acht',
    ]);
  });

  it('gives offsets of the quoted words, marks excluded', () => {
    const draft = draftFromText('He wrote “the film is a bold commentary” (X 2018).');
    const [quote] = findDraftQuotes(draft.text, draft.blocks);
    expect(quote).toMatchObject({ text: 'the film is a bold commentary', block: false });
    expect(draft.text.slice(quote!.start, quote!.end)).toBe(quote!.text);
  });

  it('keeps nested quotations inside the outer one', () => {
    expect(quotes('The interview: “And the main theme is ‘Here’s a man from Nalchik. God, this is so exotic.’ Look” (Kuvshinova 2017).')).toEqual([
      'And the main theme is ‘Here’s a man from Nalchik. God, this is so exotic.’ Look',
    ]);
    expect(quotes('As “women as “intergenerational transmitters” of songs and the mother tongue” says.')).toEqual(['women as “intergenerational transmitters” of songs and the mother tongue']);
  });

  it('takes single quotes where they cannot be apostrophes', () => {
    expect(quotes('The students’ work shows it; she said ‘the film is a bold commentary’ and didn’t add more.')).toEqual(['the film is a bold commentary']);
    expect(quotes("Don't say 'the film is a bold commentary' when it isn't.")).toEqual(['the film is a bold commentary']);
    expect(quotes('She wrote ‘the students’ work is a bold commentary on Russia’ in 2018.')).toEqual(['the students’ work is a bold commentary on Russia']);
  });

  it('skips scare quotes and quoted titles of the reference list', () => {
    expect(quotes('His “subaltern” heroine, a “structuring absence”, is in “Kantemir Balagov: Closeness (Tesnota, 2017)”.', ['Kantemir Balagov: Closeness (Tesnota, 2017)'])).toEqual([]);
    expect(quotes('It is in “Kantemir Balagov: Closeness (Tesnota, 2017)”.')).toEqual(['Kantemir Balagov: Closeness (Tesnota, 2017)']);
  });

  it('takes a quote block whole, less its marks and its closing citation', () => {
    expect(quotes('Intro.\n\n> “A masterfully shot scene at the synagogue.” (Ezerova 2018, para. 6)')).toEqual(['A masterfully shot scene at the synagogue.']);
  });

  it('leaves an unclosed mark alone', () => {
    expect(quotes('An “unclosed quotation runs on and on here.\n\nNext paragraph “has one two three four” here.')).toEqual(['has one two three four']);
  });
});
