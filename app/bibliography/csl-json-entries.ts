/**
 * CSL-JSON as Zotero, Better BibTeX and pandoc write it: an array of items (or one item, or
 * pandoc's `{"references": [...]}`), each with "issued" as {"date-parts"} or {"raw"}. The text
 * is parsed as plain data only (no key reaching into prototypes, no absurd nesting).
 */
import { parseSafeJson, UnsafeJsonError } from '../store/safe-json';
import type { Result } from '../documents/model';

/** One item of the file, or why it is not one. */
export interface CslJsonParse {
  entries: { csl: Record<string, unknown>; index: number; id?: string }[];
  failed: { index: number; reason: string }[];
}

function itemsOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value as unknown[];
  if (value && typeof value === 'object') {
    const refs = (value as { references?: unknown; items?: unknown }).references ?? (value as { items?: unknown }).items;
    if (Array.isArray(refs)) return refs as unknown[];
    if ('type' in value || 'title' in value) return [value];
  }
  return undefined;
}

/** Parses the text; a file that is not JSON (or not CSL) is an error, a bad item a failure. */
export function parseCslJson(text: string): Result<CslJsonParse> {
  let value: unknown;
  try {
    value = parseSafeJson(text.replace(/^\uFEFF/u, ''));
  } catch (error) {
    if (error instanceof UnsafeJsonError && error.kind === 'syntax') return { ok: false, error: `is not valid JSON (${error.message})` };
    return { ok: false, error: `holds data Lectern will not read (${error instanceof Error ? error.message : String(error)})` };
  }
  const items = itemsOf(value);
  if (!items) return { ok: false, error: 'is JSON but not CSL-JSON (a list of items with "type" and "title")' };
  const result: CslJsonParse = { entries: [], failed: [] };
  items.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      result.failed.push({ index: i + 1, reason: 'it is not an object' });
      return;
    }
    const record = item as Record<string, unknown>;
    const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : undefined;
    result.entries.push({ csl: record, index: i + 1, ...(id ? { id } : {}) });
  });
  return { ok: true, value: result };
}
