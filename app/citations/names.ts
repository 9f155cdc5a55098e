/**
 * Personal and corporate names from an author, editor or translator segment:
 * "Sharp, Joanne P. and McDowell, Linda", "A. Cau, R. Kuiper, and W.-P. de Roever",
 * "Pérez-Higueras JJ, Arias A", "edited by Joanne P. Sharp and Linda McDowell", "World Health
 * Organization". Every pattern is linear: the input can be any length.
 */
import type { CslName } from '../documents/model';
import { PARTICLES } from './lexicon';
import { squash, trimEndChars, trimStartChars } from './text-trim';

const ROLE_PREFIX =
  /^(?:in\s*:?\s+|edited\s+by\s+|ed\.\s+by\s+|eds?\.\s+|hrsg\.\s+v(?:on|\.)\s+|hg\.\s+v(?:on|\.)\s+|herausgegeben\s+von\s+|translated\s+(?:from\s+\S+\s+)?by\s+|trans(?:l)?\.\s+(?:by\s+)?|tr\.\s+|transl\s+|by\s+|dir\.\s+|coord\.\s+|sous\s+la\s+dir(?:ection|\.)\s+d[e']\s*|dans\s*:?\s+|[ée]d\.\s+(?:par\s+)?|a\s+cura\s+di\s+|trad\.\s+(?:de\s+|par\s+)?|под\s+(?:общ(?:ей|\.)\s+)?ред(?:акцией|\.)?\s+|пер\.\s+(?:с\s+\S+\s+)?|[([]\s*)+/iu;

const ROLE_SUFFIX =
  /(?:^|[\s,;]+)(?:[([]\s*)?(?:eds?|éds?|editors?|edited|hrsg|hg|dir|dirs|coord|comps?|trans|transl|translators?|director|producers?|writer\/director|writer|director\/writer|ред|сост)\.?\s*(?:[)\]]\s*)?[.,:;]?$/;

const CORPORATE =
  /\b(?:organi[sz]ation|institute|institut|university|universit[éä]t?|association|society|department|ministry|committee|council|agency|bureau|inc|ltd|group|cent(?:er|re)|foundation|office|commission|board|corporation|company|government|federal|national|program(?:me)?|project|team|consortium|library|museum|network|alliance|union|service|services|authority|school|college|trust|panel|world|international|news|press)\b/i;

const INITIALS = /^(?:\p{Lu}\.?-?){1,4}\.?$/u;
const INITIAL_WORD = /^\p{Lu}[.-]/u;
const BARE_INITIALS = /^\p{Lu}{1,3}$/u;

function tidy(text: string): string {
  return trimEndChars(trimStartChars(squash(text), ',;:.'), ',;:');
}

/** Strips role cue words ("edited by", "(Eds.)", "trans.") around a name list. */
export function stripRoles(text: string): string {
  let s = tidy(text);
  for (let pass = 0; pass < 3; pass++) {
    const before = s;
    s = tidy(s.replace(ROLE_PREFIX, ''));
    // Role words sit at the very end; looking only at the tail keeps the pattern cheap on long input.
    const tail = s.slice(-48);
    const suffix = ROLE_SUFFIX.exec(tail.toLowerCase() === tail ? tail : tail.replace(/(?<!\p{L})(Eds?|Éds?|Editors?|Hrsg|Hg|Trans|Transl|Dir|Comps?|Director|Producers?|Writer|Ред|Сост)(?!\p{L})/gu, (w) => w.toLowerCase()));
    if (suffix) s = tidy(s.slice(0, s.length - tail.length + suffix.index));
    if (s === before) break;
  }
  return s.replace(/^\(|\)$/g, '').trim();
}

function isGivenLike(part: string): boolean {
  const words = part.split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 3) return false;
  return words.every((w) => INITIALS.test(w) || /^\p{Lu}[\p{Ll}'’-]+\.?$/u.test(w) || INITIAL_WORD.test(w));
}

function withParticle(familyWords: string[]): CslName {
  let k = 0;
  while (k < familyWords.length - 1 && PARTICLES.has((familyWords[k] as string).toLowerCase())) k++;
  const family = familyWords.slice(k).join(' ');
  if (k === 0) return { family };
  return { family, 'non-dropping-particle': familyWords.slice(0, k).join(' ') };
}

/** A name written in one piece: "Joanne P. Sharp", "Heidegger M.", "de la Macorra JC". */
function directName(part: string): CslName | undefined {
  const words = tidy(part).split(' ').filter(Boolean);
  if (words.length === 0) return undefined;
  if (words.length === 1) return { family: words[0] as string };
  const first = words[0] as string;
  const last = words[words.length - 1] as string;
  const lastIsInitials = BARE_INITIALS.test(last) || (INITIALS.test(last) && !INITIAL_WORD.test(first));
  if (lastIsInitials && !INITIAL_WORD.test(first)) {
    let k = words.length - 1;
    while (k > 1 && INITIALS.test(words[k - 1] as string)) k--;
    return { ...withParticle(words.slice(0, k)), given: words.slice(k).join(' ') };
  }
  let k = words.length - 1;
  while (k > 1 && PARTICLES.has((words[k - 1] as string).toLowerCase())) k--;
  const given = words.slice(0, k).join(' ');
  return { ...withParticle(words.slice(k)), given };
}

function isCorporate(text: string): boolean {
  if (CORPORATE.test(text)) return true;
  const words = text.split(' ');
  return words.length > 4 && !text.includes(',');
}

/** Splits one "and"-free chunk ("Romero, C., Paunesku, D.") into names. */
function chunkNames(chunk: string): CslName[] {
  const parts = chunk.split(',').map(tidy).filter(Boolean);
  const names: CslName[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const next = parts[i + 1];
    const single = part.split(' ').length === 1 || part.split(' ').slice(0, -1).every((w) => PARTICLES.has(w.toLowerCase()));
    if (single && next !== undefined && isGivenLike(next) && !INITIALS.test(part)) {
      if (/^(jr|sr|ii|iii|iv)\.?$/i.test(next)) {
        names.push({ ...withParticle(part.split(' ')), suffix: next });
      } else {
        names.push({ ...withParticle(part.split(' ')), given: next });
      }
      i++;
      const after = parts[i + 1];
      if (after !== undefined && /^(jr|sr|ii|iii|iv)\.?$/i.test(after)) {
        (names[names.length - 1] as CslName).suffix = after;
        i++;
      }
      continue;
    }
    if (/^(jr|sr|ii|iii|iv)\.?$/i.test(part) && names.length > 0) {
      (names[names.length - 1] as CslName).suffix = part;
      continue;
    }
    const name = directName(part);
    if (name) names.push(name);
  }
  return names;
}

/** Parses a name-list segment into CSL names. "et al." is dropped; corporate names become literals. */
export function parseNames(text: string): CslName[] {
  let s = stripRoles(text);
  s = tidy(s.replace(/,?\s*(?:et\s*al\.?|and\s+others|u\.\s*a\.|\[\.\.\.\]|…)\s*$/i, ''));
  // "———." and "---" stand for the previous entry's names, which one string alone cannot know.
  if (!s || !/[\p{L}\p{N}]/u.test(s)) return [];
  if (isCorporate(s) && !/[;&]/.test(s) && !/\band\b/.test(s.replace(/\b(?:department|ministry|office)\b.*$/i, ''))) {
    return [{ literal: s.replace(/\.$/, '') }];
  }
  const chunks = s.split(/\s*;\s*|\s*,?\s+(?:and|&|und|et|y|e|with)\s+|\s*,?\s*&\s*/i).map(tidy).filter(Boolean);
  const names: CslName[] = [];
  for (const chunk of chunks) {
    if (isCorporate(chunk) && !chunk.includes(',')) names.push({ literal: chunk.replace(/\.$/, '') });
    else names.push(...chunkNames(chunk));
  }
  const cleaned = names.map(cleanName).filter((n) => Object.keys(n).length > 0);
  // In Vancouver lists ("Saad ED, Buyse M.") the last initial's full stop ends the list.
  if (cleaned.some((n) => n.given && /^\p{Lu}{1,3}$/u.test(n.given))) {
    for (const n of cleaned) if (n.given && /^\p{Lu}{1,3}\.$/u.test(n.given)) n.given = n.given.slice(0, -1);
  }
  return cleaned;
}

function cleanName(name: CslName): CslName {
  const out: CslName = {};
  for (const [key, value] of Object.entries(name) as Array<[keyof CslName, string | undefined]>) {
    if (!value) continue;
    let v = value.trim();
    // A full stop after a family name or a written-out given name is list punctuation, not part of it.
    if (key !== 'suffix' && (key !== 'given' || !/(?:^|[\s.-])\p{Lu}\.$/u.test(v))) v = v.replace(/\.$/, '');
    if (v) out[key] = v;
  }
  return out;
}
