/**
 * Small repairs made to CSL items on their way out, for what the styles would otherwise get
 * wrong: initials written without dots, site names that a title-casing style re-cases, and
 * parts of a periodical entry that mean nothing alone.
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

/** Types printed in a periodical, whose volume and issue belong to the periodical's name. */
const IN_PERIODICAL = /^(article|review|post)/;

/**
 * `item` without what would print as noise or as a false claim: a review "of" its own title (a
 * review names the work it reviews; a copy of its own title names nothing, so it is cited as an
 * article), and an issue or volume number with no periodical to belong to ("*60*." at the end).
 */
export function withoutLoneParts(item: CslItem): CslItem {
  const same = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();
  // APA prints a review with no reviewed title as a review "of" its own title.
  const selfReview = same(item['reviewed-title'], item.title) || (item.type.startsWith('review') && !item['reviewed-title']);
  const loneNumbers = IN_PERIODICAL.test(item.type) && !item['container-title'] && (item.issue !== undefined || item.volume !== undefined);
  if (!selfReview && !loneNumbers) return item;
  const out: CslItem = { ...item };
  if (selfReview) {
    // Which work it reviews is unknown: it is cited as the article it is.
    delete out['reviewed-title'];
    out.type = item['container-title'] ? 'article-journal' : 'article';
  }
  if (loneNumbers) {
    delete out.issue;
    delete out.volume;
  }
  return out;
}
