/**
 * The draft's in-text citations against its own reference list, through the citation engine
 * the reader uses (find the list, parse its entries, link each citation to them): cited but not
 * listed, listed but never cited. Citations the engine leaves to the quote check (MLA's
 * "(Ezerova 12)", which has no year) are linked here by the first author's family name. A
 * draft without a list (a pasted passage) has nothing to compare with: both lists stay empty.
 */
import type { DocumentCitations } from '../citations/document-citations';
import { foldName } from '../text/fold';
import type { DraftCitation, ReferenceListCheck } from './report';

const CITING_KINDS = new Set(['parenthetical', 'narrative', 'numeric', 'note']);

function firstFamilies(citations: DocumentCitations): Map<string, string[]> {
  const byFamily = new Map<string, string[]>();
  for (const reference of citations.references) {
    const creator = reference.csl.author?.[0] ?? reference.csl.editor?.[0];
    const family = foldName(creator?.family ?? creator?.literal ?? '');
    if (!family) continue;
    byFamily.set(family, [...(byFamily.get(family) ?? []), reference.id]);
  }
  return byFamily;
}

/**
 * Checks the draft's citations (`citations`, as findDocumentCitations found them) against its
 * list; `extra` are citations beside quotations the engine did not read.
 */
export function checkReferenceList(citations: DocumentCitations, extra: readonly DraftCitation[] = []): ReferenceListCheck {
  const hasList = citations.references.length > 0;
  if (!hasList) return { hasList, citedNotListed: [], listedNotCited: [] };
  const cited = new Set<string>();
  const citedNotListed: DraftCitation[] = [];
  const engine = citations.citations.filter((c) => CITING_KINDS.has(c.kind));
  for (const citation of engine) {
    citation.referenceIds.forEach((id) => cited.add(id));
    for (const item of citation.items ?? []) {
      if (item.referenceIds && item.referenceIds.length > 0) continue;
      if (item.names.length === 0 && item.number === undefined && item.label === undefined) continue;
      citedNotListed.push({
        start: citation.start,
        end: citation.end,
        text: citation.text,
        names: item.names,
        ...(item.year !== undefined ? { year: `${item.year}${item.suffix ?? ''}` } : {}),
        ...(item.locator ? { locator: item.locator } : {}),
      });
    }
  }
  const families = firstFamilies(citations);
  for (const citation of extra) {
    if (engine.some((c) => c.start < citation.end && c.end > citation.start)) continue;
    if (citation.names.length === 0) continue;
    const ids = families.get(foldName(citation.names[0]!));
    if (ids) ids.forEach((id) => cited.add(id));
    else citedNotListed.push(citation);
  }
  const listedNotCited = citations.references
    .map((reference, index) => ({ reference, index }))
    .filter(({ reference }) => !cited.has(reference.id))
    .map(({ reference, index }) => ({ index, raw: reference.raw, start: reference.start, end: reference.end }));
  return { hasList, citedNotListed, listedNotCited };
}
