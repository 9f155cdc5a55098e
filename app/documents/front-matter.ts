/**
 * YAML front matter at the top of a Markdown file (`---` ... `---`), as static-site and
 * note-taking tools write it. Only the simple forms those tools produce are read: `key: value`,
 * quoted values, and author lists written inline (`[A, B]`) or as `- A` lines.
 */
import type { CslDate, CslName } from './model';
import { parseDateLine } from './date-line';
import { splitNames } from './metadata-cues';
import type { StatedMetadata } from './text-metadata';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Splits off the front matter; `body` is the Markdown after it. */
export function splitFrontMatter(source: string): { body: string; stated: StatedMetadata } {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { body: source, stated: {} };
  const fields = parseFields(match[1] ?? '');
  const stated: StatedMetadata = {};
  const title = firstValue(fields.get('title'));
  if (title) stated.title = title;
  const authors = (fields.get('author') ?? fields.get('authors') ?? []).flatMap(toNames);
  if (authors.length > 0) stated.author = authors;
  const date = parseDate(firstValue(fields.get('date')) ?? '');
  if (date) stated.issued = date;
  return { body: source.slice(match[0].length), stated };
}

function parseFields(yaml: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let current: string | undefined;
  for (const line of yaml.split('\n')) {
    const item = /^\s+-\s+(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line);
    if (item && current) {
      fields.get(current)?.push(unquote(item[1] ?? ''));
      continue;
    }
    const field = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!field?.[1]) continue;
    current = field[1].toLowerCase();
    const value = (field[2] ?? '').trim();
    const inlineList = /^\[(.*)\]$/.exec(value);
    fields.set(current, inlineList ? (inlineList[1] ?? '').split(',').map(unquote).filter(Boolean) : value ? [unquote(value)] : []);
  }
  return fields;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);
  return (quoted ? (quoted[2] ?? '') : trimmed.replace(/\s+#.*$/, '')).trim();
}

function firstValue(values: string[] | undefined): string | undefined {
  return values?.find((v) => v !== '');
}

/** A front-matter author is whatever the file says: a person when it reads as one, else a literal. */
function toNames(value: string): CslName[] {
  return splitNames(value) ?? [{ literal: value }];
}

function parseDate(value: string): CslDate | undefined {
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(value);
  if (iso) return { 'date-parts': [[iso[1], iso[2], iso[3]].filter((p): p is string => p !== undefined).map(Number)] };
  return parseDateLine(value);
}
