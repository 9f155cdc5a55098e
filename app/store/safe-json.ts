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
 * JSON.parse with the checks above. The reviver runs for every key, so a forbidden key is
 * refused before any code sees the object that holds it.
 */
export function parseSafeJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text, (key, inner: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new UnsafeJsonError('forbidden-key', `a field named “${key}”`);
      return inner;
    });
  } catch (error) {
    if (error instanceof UnsafeJsonError) throw error;
    // The reviver recurses natively: nesting deep enough overflows the stack before it returns.
    if (error instanceof RangeError) throw new UnsafeJsonError('too-deep', `values nested more than ${MAX_JSON_DEPTH} levels deep`);
    throw new UnsafeJsonError('syntax', error instanceof Error ? error.message : 'invalid JSON');
  }
  const depth = depthOf(value, MAX_JSON_DEPTH);
  if (depth > MAX_JSON_DEPTH) throw new UnsafeJsonError('too-deep', `values nested more than ${MAX_JSON_DEPTH} levels deep`);
  return value;
}

/** How deep `value` nests, counted without recursion; stops counting once past `limit`. */
export function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    const children: unknown[] = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return deepest;
}
