/**
 * JSON from a file Lectern did not write itself (a backup may have been edited or crafted): parsed
 * into plain data only. Keys that reach into prototypes when a parsed object is later copied or
 * walked by key path (`__proto__`, `constructor`, `prototype`) are refused wherever they sit, and
 * so is nesting deeper than any row Lectern writes.
 */

/** Keys no Lectern row holds; each is a way into Object.prototype once data is copied. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Deepest nesting a backup value may have (each object or array is a level). A Lexical note takes
 * four levels per nested list; 512 leaves room for any note a student writes while keeping every
 * later walk (structured clone into IndexedDB, the note editor) far from the stack limit.
 */
export const MAX_JSON_DEPTH = 512;

/** Why a text was refused: `kind` tells a damaged text from a hostile one. */
export class UnsafeJsonError extends Error {
  constructor(
    readonly kind: 'syntax' | 'forbidden-key' | 'too-deep',
    message: string,
  ) {
    super(message);
    this.name = 'UnsafeJsonError';
  }
}

/**
 * JSON.parse with the checks above. JSON.parse itself only ever creates own data properties (a
 * "__proto__" key included), so the parsed value is inert until something copies or walks it;
 * nothing does before the check below has gone over every object, without recursion. (A reviver
 * would do the same check as it parses, but costs eight times as long.)
 */
export function parseSafeJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UnsafeJsonError('syntax', error instanceof Error ? error.message : 'invalid JSON');
  }
  checkPlainData(value);
  return value;
}

/** Throws on a forbidden key anywhere in `value`, or on nesting deeper than MAX_JSON_DEPTH. */
function checkPlainData(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (depth > MAX_JSON_DEPTH) throw new UnsafeJsonError('too-deep', `values nested more than ${MAX_JSON_DEPTH} levels deep`);
    if (Array.isArray(current)) {
      for (const child of current) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
      continue;
    }
    for (const key of Object.keys(current as object)) {
      if (FORBIDDEN_KEYS.has(key)) throw new UnsafeJsonError('forbidden-key', `a field named “${key}”`);
      const child = (current as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
}
