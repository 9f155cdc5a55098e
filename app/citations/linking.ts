/**
 * Links in-text citation items to reference-list entries: by folded family names, year and year
 * suffix for author-date citations, by number for numeric ones. An item that matches nothing is
 * kept and flagged, so the student sees what could not be resolved.
 */
import type { CslItem, CslName } from '../documents/model';
import type { CitedItem, InTextCitation } from './in-text';
import { foldName } from '../text/fold';

/** A reference entry as linking sees it. */
export interface LinkableReference {
  id: string;
  csl: CslItem;
  /** The "[n]" label of a numbered list. */
  number?: number;
  /** The "[And83]" label of an alphabetic list. */
  label?: string;
}

/** A cited item with the entries it points to. */
export interface LinkedItem extends CitedItem {
  referenceIds: string[];
  unresolved?: true;
}

/** A citation with its items linked. */
export interface LinkedCitation extends InTextCitation {
  items: LinkedItem[];
  /** Union of the items' entries, in item order. */
  referenceIds: string[];
  /** True when an item matched no entry. */
  unresolved?: true;
}

function familyKey(name: CslName): string {
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ') || literalFirst(name.literal ?? '');
  return foldName(family).replace(/ /g, '');
}

/**
 * A literal name as written, or, where the parser kept a whole author list as one literal
 * ("Pinheiro J, Bates D, DebRoy S, R Core Team"), its first author's family name.
 */
function literalFirst(literal: string): string {
  const first = literal.split(',')[0] ?? literal;
  return literal.includes(',') && /\s\p{Lu}{1,3}$/u.test(first) ? first.replace(/\s\p{Lu}{1,3}$/u, '') : literal;
}

/** Keys a written family name can match: the whole name and, for "García Márquez", each word. */
function familyKeys(name: CslName): string[] {
  const whole = familyKey(name);
  const words = foldName(name.family ?? '').split(' ');
  return words.length > 1 ? [whole, ...words] : [whole];
}

function creators(csl: CslItem): CslName[] {
  return csl.author?.length ? csl.author : (csl.editor ?? []);
}

function matchesFamily(name: CslName | undefined, written: string): boolean {
  if (!name) return false;
  const key = foldName(written).replace(/ /g, '');
  return key !== '' && familyKeys(name).includes(key);
}

/** True when `written` (as in the text) matches the family name of any author or editor. */
export function authorMatcher(references: LinkableReference[]): (written: string) => boolean {
  const keys = new Set(references.flatMap((r) => [...(r.csl.author ?? []), ...(r.csl.editor ?? [])].flatMap(familyKeys)));
  return (written) => keys.has(foldName(written).replace(/ /g, ''));
}

function yearOf(csl: CslItem): number | undefined {
  return csl.issued?.['date-parts']?.[0]?.[0];
}

function suffixOf(ref: LinkableReference): string | undefined {
  const explicit = ref.csl['year-suffix'];
  if (typeof explicit === 'string') return explicit;
  return /\d{4}([a-z])$/u.exec(ref.id)?.[1];
}

/** Narrows `list` by `test` when some survive; otherwise keeps it (a cue that cannot decide). */
function prefer<T>(list: T[], test: (x: T) => boolean): T[] {
  const kept = list.filter(test);
  return kept.length > 0 ? kept : list;
}

/** A list's entries looked up by their first creator's family keys, number and label: built once per list. */
interface ReferenceIndex {
  byFirstFamily: Map<string, LinkableReference[]>;
  byNumber: Map<number, LinkableReference>;
  byLabel: Map<string, LinkableReference[]>;
  numbered: boolean;
}

const indexes = new WeakMap<readonly LinkableReference[], ReferenceIndex>();

/** The index of `references`, made on first use, so linking costs one lookup per citation. */
function indexOf(references: readonly LinkableReference[]): ReferenceIndex {
  const known = indexes.get(references);
  if (known) return known;
  const index: ReferenceIndex = { byFirstFamily: new Map(), byNumber: new Map(), byLabel: new Map(), numbered: false };
  for (const ref of references) {
    const first = creators(ref.csl)[0];
    if (first) {
      for (const key of new Set(familyKeys(first))) {
        if (!key) continue;
        const list = index.byFirstFamily.get(key);
        if (list) list.push(ref);
        else index.byFirstFamily.set(key, [ref]);
      }
    }
    if (ref.number !== undefined) {
      index.numbered = true;
      if (!index.byNumber.has(ref.number)) index.byNumber.set(ref.number, ref);
    }
    if (ref.label !== undefined) {
      const list = index.byLabel.get(ref.label);
      if (list) list.push(ref);
      else index.byLabel.set(ref.label, [ref]);
    }
  }
  indexes.set(references, index);
  return index;
}

function linkAuthorDate(item: CitedItem, references: LinkableReference[]): string[] {
  const first = foldName(item.names[0] ?? '').replace(/ /g, '');
  let candidates = first ? [...(indexOf(references).byFirstFamily.get(first) ?? [])] : [];
  if (item.year !== undefined) candidates = candidates.filter((r) => yearOf(r.csl) === item.year);
  if (item.suffix) candidates = candidates.filter((r) => suffixOf(r) === item.suffix);
  const count = item.names.length;
  if (item.etAl) candidates = prefer(candidates, (r) => creators(r.csl).length >= 2);
  else candidates = prefer(candidates, (r) => creators(r.csl).length === count);
  if (count > 1) {
    candidates = prefer(candidates, (r) => item.names.every((n, i) => matchesFamily(creators(r.csl)[i], n)));
  }
  return candidates.map((r) => r.id);
}

function linkNumber(item: CitedItem, references: LinkableReference[]): string[] {
  const index = indexOf(references);
  if (item.label !== undefined) return (index.byLabel.get(item.label) ?? []).map((r) => r.id);
  const labelled = item.number !== undefined ? index.byNumber.get(item.number) : undefined;
  if (labelled) return [labelled.id];
  const byPosition = item.number !== undefined ? references[item.number - 1] : undefined;
  return byPosition && !index.numbered ? [byPosition.id] : [];
}

/** Links one citation; footnote markers point at notes, not entries, and are never unresolved. */
export function linkCitation(citation: InTextCitation, references: LinkableReference[]): LinkedCitation {
  const items: LinkedItem[] = citation.items.map((item) => {
    if (citation.kind === 'footnote') return { ...item, referenceIds: [] };
    const referenceIds = citation.kind === 'numeric' ? linkNumber(item, references) : linkAuthorDate(item, references);
    return referenceIds.length > 0 ? { ...item, referenceIds } : { ...item, referenceIds, unresolved: true };
  });
  const referenceIds = [...new Set(items.flatMap((i) => i.referenceIds))];
  const unresolved = items.some((i) => i.unresolved);
  return { ...citation, items, referenceIds, ...(unresolved ? { unresolved: true as const } : {}) };
}
