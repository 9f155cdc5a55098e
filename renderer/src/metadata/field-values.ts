import type { CslDate, CslItem, CslName } from '../../../app/documents/model';
import type { CslField } from '../../../app/export/csl-fields';

/** The names in a names field (author, editor...), or none. */
export function namesOf(item: CslItem, key: string): CslName[] {
  const value = item[key];
  return Array.isArray(value) ? (value as CslName[]) : [];
}

/** The item with one field set, or removed when the value is undefined. */
export function withField(item: CslItem, key: string, value: unknown): CslItem {
  const next: CslItem = { ...item };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

function nameText(name: CslName): string {
  return name.literal ?? [name.family, name.given].filter(Boolean).join(', ');
}

/** A field's value as one line, to compare and to show what the file said. */
export function describeValue(item: CslItem, field: CslField): string {
  const key = String(field.key);
  const value = item[key];
  if (value === undefined || value === null) return '';
  if (field.kind === 'names') return namesOf(item, key).map(nameText).filter(Boolean).join('; ');
  if (field.kind === 'date') return ((value as CslDate)['date-parts']?.[0] ?? []).join('-');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
