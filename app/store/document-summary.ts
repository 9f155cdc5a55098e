import type { CslDate, CslItem, CslName, ParsedDocument } from '../documents/model';
import type { DocumentSummary } from './records';

/** Past this many authors the label keeps the first and adds "et al.", so the column stays readable. */
const MAX_LISTED_AUTHORS = 3;

/** "Ezerova, Daria", "van der Berg, Jan", or a literal name as given. */
export function formatName(name: CslName): string | undefined {
  if (name.literal?.trim()) return name.literal.trim();
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ').trim();
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ').trim();
  const suffix = name.suffix?.trim();
  if (!family) return given || undefined;
  const head = given ? `${family}, ${given}` : family;
  return suffix ? `${head}, ${suffix}` : head;
}

/** The authors as the library shows them; editors stand in when a work names no author. */
export function authorsLabel(item: CslItem): string | undefined {
  const fromAuthors = joinNames(item.author);
  if (fromAuthors) return fromAuthors;
  const fromEditors = joinNames(item.editor);
  return fromEditors ? `${fromEditors} (ed.)` : undefined;
}

function joinNames(names: CslName[] | undefined): string | undefined {
  const formatted = (names ?? []).map(formatName).filter((n): n is string => Boolean(n));
  if (formatted.length === 0) return undefined;
  if (formatted.length > MAX_LISTED_AUTHORS) return `${formatted[0]} et al.`;
  return formatted.join('; ');
}

/** Year of `issued`: date-parts first, then a four-digit year in a literal or raw date. */
export function issuedYear(item: CslItem): number | undefined {
  return dateYear(item.issued);
}

function dateYear(date: CslDate | undefined): number | undefined {
  const part = date?.['date-parts']?.[0]?.[0];
  if (typeof part === 'number' && Number.isFinite(part)) return part;
  if (typeof part === 'string' && /^-?\d+$/.test(part)) return Number(part);
  const match = /\b(\d{4})\b/.exec(date?.literal ?? date?.raw ?? '');
  return match?.[1] ? Number(match[1]) : undefined;
}

/** The library row for a freshly imported document. */
export function toSummary(doc: ParsedDocument, now: number): DocumentSummary {
  const summary: DocumentSummary = {
    id: doc.id,
    title: doc.metadata.title?.trim() || doc.fileName,
    format: doc.format,
    fileName: doc.fileName,
    byteLength: doc.byteLength,
    addedAt: now,
    updatedAt: now,
    metadata: doc.metadata,
    provenance: doc.provenance,
    tags: [],
  };
  // Optional fields stay absent rather than undefined, so they are left out of their indexes.
  const authors = authorsLabel(doc.metadata);
  if (authors) summary.authorsLabel = authors;
  const year = issuedYear(doc.metadata);
  if (year !== undefined) summary.year = year;
  if (doc.encoding) summary.encoding = doc.encoding;
  return summary;
}
