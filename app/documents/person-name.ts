/**
 * Recognising a personal name in a byline or a signature ("Daria Ezerova", "Ludwig van
 * Beethoven", "Ezerova, Daria") and splitting it into CSL parts. Strict on purpose: a string
 * that is not clearly a name is left alone rather than turned into an author.
 */
import type { CslName } from './model';

/** Lowercase particles that belong to the family name ("van der Berg", "de la Cruz"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'ten', 'ter', 'bin', 'al', 'el']);
const SUFFIXES = new Set(['Jr.', 'Jr', 'Sr.', 'Sr', 'II', 'III', 'IV']);
/** A capitalised name word, possibly hyphenated or with an apostrophe (O’Brien, Yuval-Davis, Dar’ia). */
const NAME_WORD = /^\p{Lu}[\p{Ll}\p{M}]*(?:['’]\p{L}[\p{Ll}\p{M}]*)*(?:-\p{Lu}[\p{Ll}\p{M}]*(?:['’]\p{L}[\p{Ll}\p{M}]*)*)*$/u;
/** An initial: "J." or "J.P." */
const INITIAL = /^(?:\p{Lu}\.){1,3}$/u;

/** Words that look like names but head labels, sites or sections. */
const NOT_NAME_WORDS = new Set([
  'The', 'A', 'An', 'And', 'Of', 'In', 'On', 'For', 'By', 'With', 'Our', 'Your', 'My', 'This', 'That',
  'Read', 'More', 'News', 'Movie', 'Film', 'Review', 'Reviews', 'Details', 'Comment', 'Comments',
  'Works', 'Cited', 'References', 'Updated', 'Posted', 'Published', 'Issue', 'Choice', 'Trailer',
  'Official', 'Directed', 'Written', 'Cast', 'Credits', 'Genre', 'Country', 'Breaking', 'Archive',
  'Digital', 'Journal', 'Magazine', 'University', 'Press', 'Home', 'Menu', 'Share', 'Contents',
  // Words of organisation names, which are authors too but not people.
  'All', 'Favorite', 'Favourite', 'Movies', 'Films', 'Media', 'Studio', 'Studios', 'Group', 'Team',
  'Staff', 'Editors', 'Editorial', 'Board', 'Network', 'Company', 'Society', 'Association',
  'Institute', 'Center', 'Centre', 'Foundation', 'Library', 'Museum', 'Agency', 'Council',
  // Affiliations under a byline ("Torsten Hothorn" / "Universität Zürich"), in the languages of
  // the papers students read.
  'Universität', 'Universitat', 'Université', 'Universidad', 'Università', 'Universiteit', 'Universidade',
  'Uniwersytet', 'Hochschule', 'Institut', 'Instituto', 'Istituto', 'College', 'School', 'Department',
  'Faculty', 'Fakultät', 'Laboratory', 'Hospital', 'Academy', 'Akademie', 'GmbH', 'Inc.', 'Ltd',
]);

/** Parses "Given Family" or "Family, Given" into a CSL name, or undefined when it is not a name. */
export function parsePersonName(raw: string): CslName | undefined {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text.length === 0 || text.length > 60) return undefined;
  const inverted = /^([^,]+),\s*([^,]+)$/.exec(text);
  if (inverted?.[1] && inverted[2]) {
    const family = parseWords(inverted[1].split(' '), true);
    const given = parseWords(inverted[2].split(' '), false);
    if (!family || !given || family.some((w) => INITIAL.test(w))) return undefined;
    return splitParticles(family, given);
  }
  const words = text.split(' ');
  let suffix: string | undefined;
  if (words.length > 2 && SUFFIXES.has(words.at(-1) ?? '')) suffix = words.pop();
  if (words.length < 2 || words.length > 5) return undefined;
  const checked = parseWords(words, false);
  if (!checked) return undefined;
  const familyStart = firstFamilyIndex(checked);
  const lastWord = checked.at(-1) ?? '';
  if (INITIAL.test(lastWord)) return undefined;
  const name = splitParticles(checked.slice(familyStart), checked.slice(0, familyStart));
  if (suffix) name.suffix = suffix;
  return name;
}

function parseWords(words: string[], allowLeadingParticle: boolean): string[] | undefined {
  const cleaned = words.filter((w) => w !== '');
  if (cleaned.length === 0) return undefined;
  let capitalised = 0;
  for (const word of cleaned) {
    if (NOT_NAME_WORDS.has(word)) return undefined;
    if (NAME_WORD.test(word) || INITIAL.test(word)) capitalised += 1;
    else if (!PARTICLES.has(word) || (!allowLeadingParticle && word === cleaned[0])) return undefined;
  }
  return capitalised > 0 ? cleaned : undefined;
}

/** The family name starts at the first particle after the given names, else at the last word. */
function firstFamilyIndex(words: string[]): number {
  for (let i = 1; i < words.length - 1; i++) if (PARTICLES.has(words[i] ?? '')) return i;
  return words.length - 1;
}

function splitParticles(family: string[], given: string[]): CslName {
  const particles: string[] = [];
  while (family.length > 1 && PARTICLES.has(family[0] ?? '')) particles.push(family.shift() ?? '');
  const name: CslName = { family: family.join(' '), given: given.join(' ') };
  if (particles.length > 0) name['non-dropping-particle'] = particles.join(' ');
  return name;
}
