import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseSafeJson, UnsafeJsonError } from './safe-json';

const refusal = (text: string) => {
  try {
    parseSafeJson(text);
  } catch (error) {
    return error instanceof UnsafeJsonError ? `${error.kind}: ${error.message}` : 'other';
  }
  return 'accepted';
};

describe('parseSafeJson', () => {
  it('parses plain data, keeping keys that merely resemble the forbidden ones', () => {
    expect(parseSafeJson('{"a":[1,{"b":null}],"Constructor":"x","proto":1}')).toEqual({ a: [1, { b: null }], Constructor: 'x', proto: 1 });
  });

  it('refuses __proto__, constructor and prototype keys at any depth', () => {
    expect(refusal('{"__proto__":{"polluted":true}}')).toBe('forbidden-key: a field named “__proto__”');
    expect(refusal('[{"x":{"constructor":{}}}]')).toBe('forbidden-key: a field named “constructor”');
    expect(refusal('{"a":{"prototype":1}}')).toBe('forbidden-key: a field named “prototype”');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses nesting past the limit, however deep, without overflowing the stack', () => {
    const nest = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    expect(refusal(nest(MAX_JSON_DEPTH))).toBe('accepted');
    expect(refusal(nest(MAX_JSON_DEPTH + 1))).toMatch(/^too-deep/);
    expect(refusal(nest(1_000_000))).toMatch(/^too-deep/);
  });

  it('reports broken JSON as a syntax problem', () => {
    expect(refusal('{"a": [1, 2')).toMatch(/^syntax: /);
  });
});
