import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReference, parseReferences } from './default-parser';

interface Expected {
  id: string;
  raw: string;
  csl: Record<string, unknown>;
}

const facts = JSON.parse(readFileSync(new URL('../../../shared/expected/seed-citations.json', import.meta.url), 'utf8')) as {
  documents: Record<string, { worksCited?: Expected[] }>;
};
const worksCited = facts.documents['001_94063d3630a703df.txt']?.worksCited ?? [];

function acceptable(value: unknown): unknown[] {
  if (value && typeof value === 'object' && 'acceptable' in value) return (value as { acceptable: unknown[] }).acceptable;
  return [value];
}

describe('seed 001 works cited', () => {
  it('has the four entries the expected facts list', () => {
    expect(worksCited.map((w) => w.id).sort()).toEqual(['bykov2017', 'kuvshinova2017', 'smolina2017', 'yuvaldavis1997']);
  });

  for (const work of worksCited) {
    it(`parses ${work.id} as a careful reader would`, () => {
      const item = parseReference(work.raw);
      expect(item.id).toBe(work.id);
      for (const [field, expected] of Object.entries(work.csl)) {
        if (field === 'note_or_genre') {
          expect([item.note, item.genre]).toContain(expected);
          continue;
        }
        expect(acceptable(expected), `${work.id}.${field} = ${JSON.stringify(item[field])}`).toContainEqual(item[field]);
      }
    });
  }

  it('keeps ids unique and order intact across the list', () => {
    const items = parseReferences(worksCited.map((w) => w.raw));
    expect(items.map((i) => i.id)).toEqual(worksCited.map((w) => w.id));
  });
});
