import { describe, expect, it } from 'vitest';
import { parseReferences } from './default-parser';
import { inheritRepeatedNames, opensWithRepeatedNames } from './repeated-authors';

const families = (names: Array<{ family?: string; literal?: string }> | undefined) => names?.map((n) => n.family ?? n.literal);

describe('repeated-name marks', () => {
  it('recognises the marks of Chicago, MLA, German and Latin lists', () => {
    for (const raw of ['———. 1989. Making Meaning.', '---. Film Art. 2004.', '——, ed. 1990. Nation.', 'Ders.: Theorie des Films. 1964.', 'Idem, Le temps. 1985.', 'Тот же. Кино. 1973.']) {
      expect(opensWithRepeatedNames(raw), raw).toBe(true);
    }
    for (const raw of ['Bordwell, David. 1985.', '— 1985 —', 'Derrida, J. 1967.', 'Identity and Violence. 2006.']) expect(opensWithRepeatedNames(raw), raw).toBe(false);
  });

  it('gives a marked entry the names of the entry before, through a run of marks', () => {
    const raws = [
      'Bordwell, David. 1985. Narration in the Fiction Film. Madison: University of Wisconsin Press.',
      '———. 1989. Making Meaning: Inference and Rhetoric in the Interpretation of Cinema. Cambridge, MA: Harvard University Press.',
      '———. 2006. The Way Hollywood Tells It. Berkeley: University of California Press.',
      'Smith, John A. 2020a. “Linking Citations Across Editions.” Scientometrics 125: 1001–20.',
    ];
    const items = inheritRepeatedNames(raws, parseReferences(raws));
    expect(items.map((i) => families(i.author))).toEqual([['Bordwell'], ['Bordwell'], ['Bordwell'], ['Smith']]);
  });

  it('makes the repeated names editors when the mark says so, and leaves the first entry alone', () => {
    const raws = ['Koch, Gertrud. 2010. Die Einstellung ist die Einstellung. Frankfurt am Main: Suhrkamp.', '———, ed. 1995. Auge und Affekt. Frankfurt am Main: Fischer.'];
    const items = inheritRepeatedNames(raws, parseReferences(raws));
    expect(families(items[1]?.editor)).toEqual(['Koch']);
    expect(items[1]?.author ?? []).toEqual([]);
    const [alone] = inheritRepeatedNames(['———. 1989. Making Meaning.'], parseReferences(['———. 1989. Making Meaning.']));
    expect(alone?.author ?? []).toEqual([]);
  });
});
