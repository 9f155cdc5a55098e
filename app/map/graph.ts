/**
 * The citation map's graph: the library's documents (sources), the works they cite and the
 * people they name, built from the Index's rows (Cited Works and People). Pure, so it is unit
 * tested on the seeds and runs wherever the rows are.
 */
import type { CslItem, CslName } from '../documents/model';
import { foldName } from '../text/fold';

/** What a node stands for. */
export type MapNodeKind = 'source' | 'work' | 'person';

/** How two nodes are linked: a source cites or mentions a work, names a person; a person wrote a work. */
export type MapEdgeKind = 'cites' | 'mentions' | 'names' | 'wrote';

/** One node of the map. */
export interface MapNode {
  /** "s:<docId>", "w:<work key>" or "p:<person key>". */
  id: string;
  kind: MapNodeKind;
  /** Short, for the drawing: "Kuvshinova 2017", "Mariia Kuvshinova". */
  label: string;
  /** Longer, for the tooltip and the list: the title, or the person's other spellings. */
  detail: string;
  /**
   * Sources (in the shown part of the library) linked to the node: citing or mentioning the
   * work, naming the person; for a source, the other sources citing or mentioning it.
   */
  weight: number;
  /** The library document, for a source. */
  docId?: string;
  /** The Cited Works entry's key, for a work, and for a source that is also a cited work. */
  workKey?: string;
  /** The People entry's key, for a person. */
  personKey?: string;
}

/** One edge, from a source (cites, mentions, names) or from a person (wrote). */
export interface MapEdge {
  id: string;
  kind: MapEdgeKind;
  source: string;
  target: string;
}

/** The graph as drawn. */
export interface CitationMap {
  nodes: MapNode[];
  edges: MapEdge[];
}

/** A library document, as the map needs it. */
export interface MapDocumentInput {
  id: string;
  title: string;
  metadata: CslItem;
  tags?: readonly string[];
}

/** A Cited Works entry (renderer/src/indexes WorkEntry has this shape). */
export interface MapWorkInput {
  key: string;
  csl: CslItem;
  citedIn: readonly { docId: string }[];
  mentionedIn: readonly { docId: string }[];
  libraryDocId?: string;
}

/** A People entry (renderer/src/indexes PersonEntry has this shape). */
export interface MapPersonInput {
  key: string;
  name: string;
  otherSpellings: readonly string[];
  documents: readonly { docId: string }[];
}

/** Everything the map is built from. */
export interface MapInput {
  documents: readonly MapDocumentInput[];
  works: readonly MapWorkInput[];
  people: readonly MapPersonInput[];
}

/** Which part of the library to draw. */
export interface MapFilter {
  /** Only these documents as sources (a collection's members); null or absent: all. */
  docIds?: ReadonlySet<string> | null;
  /** Only sources with this tag. */
  tag?: string | null;
  /** Works cited or mentioned by fewer sources, and people named in fewer, drop out (1 keeps everyone linked). */
  minSources?: number;
}

const MAX_TITLE = 32;

function displayName(name: CslName): string {
  return name.literal ?? [name.given, name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
}

function familyOf(name: CslName): string {
  return name.literal ?? [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
}

function yearOf(item: CslItem): string {
  const part = item.issued?.['date-parts']?.[0]?.[0];
  if (part !== undefined && /^-?\d+$/u.test(String(part))) return String(part);
  return /\b(\d{4})\b/u.exec(item.issued?.literal ?? item.issued?.raw ?? '')?.[1] ?? '';
}

function shorten(text: string, max = MAX_TITLE): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/u, '')}…`;
}

/** "Kuvshinova 2017", "Hothorn & Zeileis 2008", "Bretz et al. 2010"; the title when no one is named. */
export function shortLabel(item: CslItem, fallback = ''): string {
  const names = (item.author?.length ? item.author : item.editor ?? []).map(familyOf).filter(Boolean);
  const year = yearOf(item);
  const who = names.length === 0 ? '' : names.length === 1 ? names[0]! : names.length === 2 ? `${names[0]} & ${names[1]}` : `${names[0]} et al.`;
  if (who) return shorten(year ? `${who} ${year}` : who, 48);
  const title = shorten(item.title ?? fallback);
  return year && title ? `${title} (${year})` : title || year || 'Untitled';
}

/** Builds the map of the shown part of the library. */
export function buildCitationMap(input: MapInput, filter: MapFilter = {}): CitationMap {
  const minSources = Math.max(1, Math.floor(filter.minSources ?? 1));
  const shown = input.documents.filter(
    (doc) => (!filter.docIds || filter.docIds.has(doc.id)) && (!filter.tag || (doc.tags ?? []).includes(filter.tag)),
  );
  const shownIds = new Set(shown.map((doc) => doc.id));
  const nodes = new Map<string, MapNode>();
  const edges: MapEdge[] = [];
  const edgeIds = new Set<string>();
  const addEdge = (kind: MapEdgeKind, source: string, target: string) => {
    const id = `${kind}:${source}->${target}`;
    if (source === target || edgeIds.has(id)) return;
    edgeIds.add(id);
    edges.push({ id, kind, source, target });
  };

  for (const doc of shown) {
    nodes.set(`s:${doc.id}`, { id: `s:${doc.id}`, kind: 'source', label: shortLabel(doc.metadata, doc.title), detail: doc.title, weight: 0, docId: doc.id });
  }

  // Works: a work that is a library document is drawn as that source, never twice.
  const workNode = new Map<string, string>();
  for (const work of input.works) {
    const citing = [...new Set(work.citedIn.map((link) => link.docId))].filter((id) => shownIds.has(id) && id !== work.libraryDocId);
    const mentioning = [...new Set(work.mentionedIn.map((link) => link.docId))].filter((id) => shownIds.has(id) && id !== work.libraryDocId && !citing.includes(id));
    const asSource = work.libraryDocId ? nodes.get(`s:${work.libraryDocId}`) : undefined;
    if (work.libraryDocId && !asSource && input.documents.some((d) => d.id === work.libraryDocId)) continue; // its source is filtered out
    if (asSource) {
      asSource.weight = citing.length + mentioning.length;
      asSource.workKey = work.key;
    } else {
      const weight = citing.length + mentioning.length;
      if (weight < minSources) continue;
      nodes.set(`w:${work.key}`, { id: `w:${work.key}`, kind: 'work', label: shortLabel(work.csl), detail: work.csl.title ?? '', weight, workKey: work.key });
    }
    const id = asSource ? asSource.id : `w:${work.key}`;
    workNode.set(work.key, id);
    for (const docId of citing) addEdge('cites', `s:${docId}`, id);
    for (const docId of mentioning) addEdge('mentions', `s:${docId}`, id);
  }

  // People: who wrote which shown work or source (matched on folded spellings), and who is named where.
  const authorsOf = new Map<string, string[]>(); // folded name -> node ids the person wrote
  const wrote = (names: readonly CslName[] | undefined, nodeId: string) => {
    for (const name of names ?? []) {
      const key = foldName(displayName(name));
      if (!key) continue;
      const list = authorsOf.get(key) ?? [];
      list.push(nodeId);
      authorsOf.set(key, list);
    }
  };
  for (const doc of shown) wrote(doc.metadata.author, `s:${doc.id}`);
  for (const work of input.works) {
    const id = workNode.get(work.key);
    if (id?.startsWith('w:')) wrote(work.csl.author, id);
  }
  for (const person of input.people) {
    const spellings = new Set([person.name, ...person.otherSpellings].map(foldName).filter(Boolean));
    const written = new Set([...spellings].flatMap((key) => authorsOf.get(key) ?? []));
    const naming = [...new Set(person.documents.map((link) => link.docId))].filter((docId) => shownIds.has(docId) && !written.has(`s:${docId}`));
    const sources = new Set([...naming, ...[...written].filter((id) => id.startsWith('s:')).map((id) => id.slice(2))]);
    // The author of a drawn work stays with it; anyone else needs as many sources as the works do.
    if (sources.size < minSources && ![...written].some((node) => node.startsWith('w:'))) continue;
    const id = `p:${person.key}`;
    const detail = person.otherSpellings.length ? `also ${person.otherSpellings.join(', ')}` : '';
    nodes.set(id, { id, kind: 'person', label: person.name, detail, weight: sources.size, personKey: person.key });
    for (const target of written) addEdge('wrote', id, target);
    for (const docId of naming) addEdge('names', `s:${docId}`, id);
  }
  return { nodes: [...nodes.values()], edges };
}
