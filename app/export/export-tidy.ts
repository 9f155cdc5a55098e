/**
 * Small repairs made to CSL items on their way out, for what the styles would otherwise get
 * wrong: initials written without dots, and site names that a title-casing style re-cases.
 */
import type { CslItem, CslName } from '../documents/model';

/** "DWK", "JC", "ДВ": a given name made only of two to four capitals is a run of initials. */
const RUN_OF_INITIALS = /^\p{Lu}{2,4}$/u;

/**
 * A name written "Family INITIALS" ("Andrews DWK") keeps its initials as one given name; styles
 * would read "DWK" as one name and abbreviate it to "D.". Spelled out as "D. W. K.", every
 * style initializes or prints it right.
 */
export function spellInitials(name: CslName): CslName {
  if (!name.given || !RUN_OF_INITIALS.test(name.given)) return name;
  return { ...name, given: [...name.given].map((letter) => `${letter}.`).join(' ') };
}

/** Every name list of `item` with its runs of initials spelled out. */
export function withSpelledInitials(item: CslItem): CslItem {
  const out: CslItem = { ...item };
  for (const role of ['author', 'editor', 'translator'] as const) {
    const names = item[role];
    if (names?.some((name) => name.given && RUN_OF_INITIALS.test(name.given))) out[role] = names.map(spellInitials);
  }
  return out;
}

/**
 * A site's name written as its address ("Sobesednik.ru", "Meduza.io", "kino-teatr.ru"): a word,
 * a dot, and a lower-case domain of two or more letters, so "e.g." and "U.S." are not.
 */
const SITE_NAME = /(?<![\p{L}\d.-])[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{Ll}{2,}(?![\p{L}\d])/gu;

/** Fields a style may title-case. */
const CASED_FIELDS = ['title', 'container-title', 'collection-title', 'publisher'] as const;

/**
 * `item` with site names in its title fields marked "nocase" (citeproc's markup), so APA's title
 * case writes "Sobesednik.ru" as the site does, not "Sobesednik.Ru".
 */
export function withSiteNamesKept(item: CslItem): CslItem {
  let out: CslItem | undefined;
  for (const field of CASED_FIELDS) {
    const value = item[field];
    if (typeof value !== 'string' || !SITE_NAME.test(value)) continue;
    SITE_NAME.lastIndex = 0;
    out ??= { ...item };
    out[field] = value.replace(SITE_NAME, (site) => `<span class="nocase">${site}</span>`);
  }
  SITE_NAME.lastIndex = 0;
  return out ?? item;
}
